import { ListStaffUsers } from '@domain/identity';
import { Injectable } from '@nestjs/common';

import { CasePresenceRepository } from './case-presence.repository';

/** A case page staff can have open: an incident now, tickets later. */
export const PRESENCE_SUBJECT = /^(incident|ticket):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Who else has the same case open, so two agents do not work one case unknowingly. The live feed
 * of every process beats for its open pages; a page not heard for `expirySeconds` no longer counts.
 */
@Injectable()
export class CasePresenceTracker {
  constructor(
    private readonly repo: CasePresenceRepository,
    private readonly staff: ListStaffUsers,
  ) {}

  /** Records these open pages as present now and answers, per subject, the names of everyone present on it. */
  async beat(
    open: Array<{ staffId: string; subject: string }>,
    expirySeconds: number,
  ): Promise<Map<string, Array<{ id: string; name: string }>>> {
    const valid = open.filter((o) => PRESENCE_SUBJECT.test(o.subject));
    await this.repo.beat(valid);
    const present = await this.repo.present([...new Set(valid.map((o) => o.subject))], expirySeconds);
    const names = new Map((await this.staff.execute()).map((u) => [u.id, u.name]));
    const bySubject = new Map<string, Array<{ id: string; name: string }>>();
    for (const p of present)
      bySubject.set(p.subject, [...(bySubject.get(p.subject) ?? []), { id: p.staffId, name: names.get(p.staffId) ?? '' }]);
    return bySubject;
  }

  leave(staffId: string, subject: string): Promise<unknown> {
    return this.repo.leave(staffId, subject);
  }
}

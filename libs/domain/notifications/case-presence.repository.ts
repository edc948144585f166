import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { CasePresence } from './case-presence.entity';

/** Who has which case open: heartbeats from every process's live feed, forgotten after a while. */
@Injectable()
export class CasePresenceRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** One person may have the same case open in several tabs: each pair is upserted once, as one statement cannot touch a row twice. */
  async beat(entries: Array<{ staffId: string; subject: string }>): Promise<void> {
    if (!entries.length) return;
    await this.db.manager.query(
      `INSERT INTO case_presence (staff_id, subject, seen_at)
       SELECT DISTINCT u.staff_id, u.subject, now() FROM unnest($1::uuid[], $2::text[]) AS u(staff_id, subject)
       ON CONFLICT (staff_id, subject) DO UPDATE SET seen_at = now()`,
      [entries.map((e) => e.staffId), entries.map((e) => e.subject)],
    );
  }

  leave(staffId: string, subject: string): Promise<unknown> {
    return this.db.repository(CasePresence).delete({ staffId, subject });
  }

  /** Everyone heard on these subjects within the last `seconds`, and the removal of older heartbeats. */
  async present(subjects: string[], seconds: number): Promise<Array<{ staffId: string; subject: string }>> {
    if (!subjects.length) return [];
    await this.db.manager.query(`DELETE FROM case_presence WHERE seen_at < now() - make_interval(secs => $1)`, [seconds]);
    return this.db.manager.query(`SELECT staff_id AS "staffId", subject FROM case_presence WHERE subject = ANY($1::text[])`, [subjects]);
  }
}

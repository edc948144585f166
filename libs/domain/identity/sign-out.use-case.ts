import { RecordAudit } from '@domain/audit';
import { actorOf, StaffPrincipal } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { StaffSessionRepository } from './staff-session.repository';

@Injectable()
export class SignOut {
  constructor(
    private readonly sessions: StaffSessionRepository,
    private readonly audit: RecordAudit,
  ) {}

  async execute(principal: StaffPrincipal, ip: string | null): Promise<void> {
    if (principal.sessionId) await this.sessions.delete(principal.sessionId);
    await this.audit.execute({ actor: actorOf(principal, ip), action: 'logout', objectType: 'staff_user', objectId: principal.id });
  }
}

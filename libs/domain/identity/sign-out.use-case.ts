import { RecordAudit } from '@domain/audit';
import { actorOf, StaffPrincipal } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { IdentityRepository } from './identity.repository';

@Injectable()
export class SignOut {
  constructor(
    private readonly identity: IdentityRepository,
    private readonly audit: RecordAudit,
  ) {}

  async execute(principal: StaffPrincipal, ip: string | null): Promise<void> {
    if (principal.sessionId) await this.identity.deleteSession(principal.sessionId);
    await this.audit.execute({ actor: actorOf(principal, ip), action: 'logout', objectType: 'staff_user', objectId: principal.id });
  }
}

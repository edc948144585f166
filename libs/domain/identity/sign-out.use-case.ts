import { Injectable } from '@nestjs/common';

import { RecordAudit } from '../audit/record-audit.use-case';
import { IdentityRepository } from './identity.repository';
import { actorOf, StaffPrincipal } from './principal';

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

import { RecordAudit } from '@domain/audit';
import { actorOf, type ConsumerPrincipal } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { PortalCredentialRepository } from './portal-credential.repository';

@Injectable()
export class SignOutOfPortal {
  constructor(
    private readonly portalCredentials: PortalCredentialRepository,
    private readonly audit: RecordAudit,
  ) {}

  async execute(principal: ConsumerPrincipal, ip: string | null): Promise<void> {
    if (principal.sessionId) await this.portalCredentials.deleteSession(principal.sessionId);
    await this.audit.execute({
      actor: actorOf(principal, ip),
      action: 'portal.signed_out',
      objectType: 'consumer',
      objectId: principal.consumerId,
    });
  }
}

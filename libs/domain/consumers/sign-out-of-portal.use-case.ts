import { RecordAudit } from '@domain/audit';
import { actorOf, type ConsumerPrincipal } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { ConsumersRepository } from './consumers.repository';

@Injectable()
export class SignOutOfPortal {
  constructor(
    private readonly repo: ConsumersRepository,
    private readonly audit: RecordAudit,
  ) {}

  async execute(principal: ConsumerPrincipal, ip: string | null): Promise<void> {
    if (principal.sessionId) await this.repo.deletePortalSession(principal.sessionId);
    await this.audit.execute({
      actor: actorOf(principal, ip),
      action: 'portal.signed_out',
      objectType: 'consumer',
      objectId: principal.consumerId,
    });
  }
}

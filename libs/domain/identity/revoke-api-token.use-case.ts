import { RecordAudit } from '@domain/audit';
import { Actor, StaffPrincipal } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { NotFound } from '@platform/errors';

import { ApiTokenRepository } from './api-token.repository';

@Injectable()
export class RevokeApiToken {
  constructor(
    private readonly db: DatabaseContext,
    private readonly apiTokens: ApiTokenRepository,
    private readonly audit: RecordAudit,
  ) {}

  /** Staff revoke their own tokens; admins may revoke anyone's. */
  async execute(caller: StaffPrincipal, tokenId: string, actor: Actor): Promise<void> {
    await this.db.transaction(async () => {
      const token = await this.apiTokens.find(tokenId);
      if (!token || (token.staffId !== caller.id && caller.role !== 'admin')) throw new NotFound('The API token');
      await this.apiTokens.revoke(token.id);
      await this.audit.execute({
        actor,
        action: 'api_token.revoked',
        objectType: 'api_token',
        objectId: token.id,
        before: { name: token.name, prefix: token.prefix },
      });
    });
  }
}

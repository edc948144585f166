import { RecordAudit } from '@domain/audit';
import { Actor, requireAccess, StaffPrincipal } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { ApiTokenRepository } from './api-token.repository';
import { ApiTokenOwnership } from './api-token-ownership';
import { ApiTokenNotFound } from './identity.exceptions';

@Injectable()
export class RevokeApiToken {
  constructor(
    private readonly db: DatabaseContext,
    private readonly apiTokens: ApiTokenRepository,
    private readonly tokenAccess: ApiTokenOwnership,
    private readonly audit: RecordAudit,
  ) {}

  /** Staff revoke their own tokens; admins may revoke anyone's. */
  async execute(caller: StaffPrincipal, tokenId: string, actor: Actor): Promise<void> {
    await this.db.transaction(async () => {
      await requireAccess(this.tokenAccess, caller, 'api-token.manage', [tokenId]);
      const token = await this.apiTokens.find(tokenId);
      if (!token) throw new ApiTokenNotFound();
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

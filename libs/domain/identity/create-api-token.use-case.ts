import { RecordAudit } from '@domain/audit';
import { Actor, StaffPrincipal } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';
import { displayPrefix, hashToken, newSecretToken } from '@platform/security';

import { ApiTokenRepository } from './api-token.repository';

@Injectable()
export class CreateApiToken {
  constructor(
    private readonly db: DatabaseContext,
    private readonly apiTokens: ApiTokenRepository,
    private readonly audit: RecordAudit,
  ) {}

  /** Returns the token once; only its hash is kept. */
  async execute(owner: StaffPrincipal, name: string, actor: Actor): Promise<{ id: string; token: string; prefix: string }> {
    const label = (name ?? '').trim();
    if (!label || label.length > 100) throw new ValidationFailed([{ field: 'name', message: 'must be 1–100 characters' }]);
    const token = newSecretToken('sdt');
    return this.db.transaction(async () => {
      const stored = await this.apiTokens.insert({
        staffId: owner.id,
        name: label,
        prefix: displayPrefix(token),
        tokenHash: hashToken(token),
      });
      await this.audit.execute({
        actor,
        action: 'api_token.created',
        objectType: 'api_token',
        objectId: stored.id,
        after: { name: label, prefix: stored.prefix },
      });
      return { id: stored.id, token, prefix: stored.prefix };
    });
  }
}

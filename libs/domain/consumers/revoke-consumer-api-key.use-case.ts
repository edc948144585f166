import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { NotFound } from '@platform/errors';

import { ConsumerApiKeyRepository } from './consumer-api-key.repository';

/** Takes effect on the next request: keys are checked against the database every time. */
@Injectable()
export class RevokeConsumerApiKey {
  constructor(
    private readonly db: DatabaseContext,
    private readonly apiKeys: ConsumerApiKeyRepository,
    private readonly audit: RecordAudit,
  ) {}

  async execute(consumerId: string, keyId: string, actor: Actor): Promise<void> {
    await this.db.transaction(async () => {
      const key = await this.apiKeys.find(consumerId, keyId);
      if (!key) throw new NotFound('The API key', 'api_key_not_found');
      if (key.revokedAt) return;
      await this.apiKeys.revoke(key.id);
      await this.audit.execute({
        actor,
        action: 'consumer.api_key_revoked',
        objectType: 'consumer',
        objectId: consumerId,
        before: { keyId: key.id, name: key.name, prefix: key.prefix },
      });
    });
  }
}

import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';
import { displayPrefix, hashToken, newSecretToken } from '@platform/security';

import { ConsumerRepository } from './consumer.repository';
import { ConsumerApiKeyRepository } from './consumer-api-key.repository';
import { optionalText } from './consumer-rules';
import { ConsumerNotFound, ConsumerTerminated } from './consumers.exceptions';

export interface CreatedApiKey {
  id: string;
  key: string;
  prefix: string;
  name: string | null;
  createdAt: Date;
}

/** Issues an API key for a consumer, whatever its onboarding stage; the key is returned once, only its hash kept. */
@Injectable()
export class CreateConsumerApiKey {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: ConsumerRepository,
    private readonly apiKeys: ConsumerApiKeyRepository,
    private readonly audit: RecordAudit,
  ) {}

  async execute(consumerId: string, name: string | null | undefined, actor: Actor): Promise<CreatedApiKey> {
    if (name !== undefined && name !== null && (typeof name !== 'string' || name.length > 100))
      throw new ValidationFailed([{ field: 'name', message: 'must be at most 100 characters' }]);
    const key = newSecretToken('sdc');
    return this.db.transaction(async () => {
      const consumer = await this.repo.findConsumer(consumerId);
      if (!consumer) throw new ConsumerNotFound();
      if (consumer.status === 'terminated') throw new ConsumerTerminated();
      const stored = await this.apiKeys.insert({
        consumerId,
        name: optionalText(name),
        prefix: displayPrefix(key),
        keyHash: hashToken(key),
        createdBy: actor.label,
      });
      await this.audit.execute({
        actor,
        action: 'consumer.api_key_created',
        objectType: 'consumer',
        objectId: consumerId,
        after: { keyId: stored.id, name: stored.name, prefix: stored.prefix },
      });
      return { id: stored.id, key, prefix: stored.prefix, name: stored.name, createdAt: stored.createdAt };
    });
  }
}

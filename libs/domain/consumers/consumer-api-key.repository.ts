import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { IsNull } from 'typeorm';

import { ConsumerApiKey } from './consumer-api-key.entity';
import { type CredentialOwner, credentialOwner, type OwnerRow } from './credential-owner';

export interface ApiKeyOwner extends CredentialOwner {
  keyId: string;
  lastUsedAt: Date | null;
}

/** Consumers' API keys (stored hashed). */
@Injectable()
export class ConsumerApiKeyRepository {
  constructor(private readonly db: DatabaseContext) {}

  insert(key: Pick<ConsumerApiKey, 'consumerId' | 'name' | 'prefix' | 'keyHash' | 'createdBy'>): Promise<ConsumerApiKey> {
    return this.db.repository(ConsumerApiKey).save(this.db.repository(ConsumerApiKey).create(key));
  }

  list(consumerId: string): Promise<ConsumerApiKey[]> {
    return this.db.repository(ConsumerApiKey).find({ where: { consumerId }, order: { createdAt: 'DESC' } });
  }

  find(consumerId: string, id: string): Promise<ConsumerApiKey | null> {
    return this.db.repository(ConsumerApiKey).findOneBy({ consumerId, id });
  }

  async revoke(id: string): Promise<void> {
    await this.db.repository(ConsumerApiKey).update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** One query per request: the unrevoked key and its consumer. */
  async activeOwner(keyHash: string): Promise<ApiKeyOwner | null> {
    const rows: Array<OwnerRow & { key_id: string; last_used_at: Date | null }> = await this.db.manager.query(
      `SELECT k.id AS key_id, k.last_used_at, c.id AS consumer_id, c.org_number, c.name, c.status
         FROM consumer_api_key k JOIN consumer c ON c.id = k.consumer_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
      [keyHash],
    );
    return rows.length
      ? { ...credentialOwner(rows[0]), keyId: rows[0].key_id, lastUsedAt: rows[0].last_used_at ? new Date(rows[0].last_used_at) : null }
      : null;
  }

  /** The condition keeps concurrent requests from writing more than once a minute. */
  async touch(id: string): Promise<void> {
    await this.db.manager.query(
      `UPDATE consumer_api_key SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}

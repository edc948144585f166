import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { In, IsNull } from 'typeorm';

import { ApiToken } from './api-token.entity';

/** Staff members' personal API tokens (stored hashed). */
@Injectable()
export class ApiTokenRepository {
  constructor(private readonly db: DatabaseContext) {}

  insert(token: Pick<ApiToken, 'staffId' | 'name' | 'prefix' | 'tokenHash'>): Promise<ApiToken> {
    return this.db.repository(ApiToken).save(this.db.repository(ApiToken).create(token));
  }

  findActive(tokenHash: string): Promise<ApiToken | null> {
    return this.db.repository(ApiToken).findOneBy({ tokenHash, revokedAt: IsNull() });
  }

  list(staffId?: string): Promise<ApiToken[]> {
    return this.db.repository(ApiToken).find({ where: staffId ? { staffId } : {}, order: { createdAt: 'DESC' } });
  }

  find(id: string): Promise<ApiToken | null> {
    return this.db.repository(ApiToken).findOneBy({ id });
  }

  async revoke(id: string): Promise<void> {
    await this.db.repository(ApiToken).update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Of these tokens, the ones that belong to this staff member. */
  async ownedBy(staffId: string, ids: string[]): Promise<Set<string>> {
    const rows = ids.length ? await this.db.repository(ApiToken).find({ select: { id: true }, where: { id: In(ids), staffId } }) : [];
    return new Set(rows.map((r) => r.id));
  }

  /** Touches last_used_at at most once a minute, so token checks do not write on every request. */
  async touch(id: string): Promise<void> {
    await this.db.manager.query(
      `UPDATE api_token SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}

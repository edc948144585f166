import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { IsNull, MoreThan } from 'typeorm';

import { SetupToken } from './setup-token.entity';

/** First-admin setup links; at most one is usable at a time. */
@Injectable()
export class SetupTokenRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** Stores a new link and invalidates every earlier one: only the link in the latest log line works. */
  async replace(tokenHash: string, expiresAt: Date): Promise<void> {
    await this.db.repository(SetupToken).delete({ usedAt: IsNull() });
    await this.db.repository(SetupToken).insert({ tokenHash, expiresAt });
  }

  findUsable(tokenHash: string): Promise<SetupToken | null> {
    return this.db.repository(SetupToken).findOneBy({ tokenHash, usedAt: IsNull(), expiresAt: MoreThan(new Date()) });
  }

  /** Marks the link used, only if it was unused and unexpired (single use). */
  async consume(tokenHash: string): Promise<boolean> {
    // UPDATE … RETURNING comes back from manager.query as [rows, affected count].
    const [rows]: [Array<{ id: string }>, number] = await this.db.manager.query(
      `UPDATE setup_token SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING id`,
      [tokenHash],
    );
    return rows.length > 0;
  }
}

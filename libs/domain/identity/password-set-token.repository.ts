import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { IsNull, LessThan, MoreThan } from 'typeorm';

import { PasswordSetToken } from './password-set-token.entity';

/** One-time links to choose a password (new accounts and resets). */
@Injectable()
export class PasswordSetTokenRepository {
  constructor(private readonly db: DatabaseContext) {}

  insert(token: Pick<PasswordSetToken, 'staffId' | 'tokenHash' | 'expiresAt'>): Promise<unknown> {
    return this.db.repository(PasswordSetToken).insert(token);
  }

  countSince(staffId: string, since: Date): Promise<number> {
    return this.db.repository(PasswordSetToken).countBy({ staffId, createdAt: MoreThan(since) });
  }

  /** Marks the token used and returns it, only if it was unused and unexpired (single use). */
  async consume(tokenHash: string): Promise<PasswordSetToken | null> {
    // UPDATE … RETURNING comes back from manager.query as [rows, affected count].
    const [rows]: [Array<{ id: string }>, number] = await this.db.manager.query(
      `UPDATE password_set_token SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING id`,
      [tokenHash],
    );
    return rows.length ? this.db.repository(PasswordSetToken).findOneBy({ id: rows[0].id }) : null;
  }

  /** Spends every link of the account still unused: once a password is chosen, no other link chooses another. */
  async spendAllOf(staffId: string): Promise<void> {
    await this.db.manager.query(`UPDATE password_set_token SET used_at = now() WHERE staff_id = $1 AND used_at IS NULL`, [staffId]);
  }

  async deleteSpent(): Promise<number> {
    const r = await this.db.repository(PasswordSetToken).delete({ expiresAt: LessThan(new Date(Date.now() - 30 * 86_400_000)) });
    return r.affected ?? 0;
  }

  findUsable(tokenHash: string): Promise<PasswordSetToken | null> {
    return this.db.repository(PasswordSetToken).findOneBy({ tokenHash, usedAt: IsNull(), expiresAt: MoreThan(new Date()) });
  }
}

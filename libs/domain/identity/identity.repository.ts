import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { IsNull, LessThan, MoreThan } from 'typeorm';

import { ApiToken } from './api-token.entity';
import { PasswordSetToken } from './password-set-token.entity';
import { StaffSession } from './staff-session.entity';
import { StaffUser } from './staff-user.entity';

@Injectable()
export class IdentityRepository {
  constructor(private readonly db: DatabaseContext) {}

  countStaff(): Promise<number> {
    return this.db.repository(StaffUser).count();
  }

  findStaffById(id: string): Promise<StaffUser | null> {
    return this.db.repository(StaffUser).findOneBy({ id });
  }

  findStaffByEmail(email: string): Promise<StaffUser | null> {
    return this.db.repository(StaffUser).findOneBy({ email: email.trim().toLowerCase() });
  }

  listStaff(): Promise<StaffUser[]> {
    return this.db.repository(StaffUser).find({ order: { name: 'ASC' } });
  }

  saveStaff(user: Partial<StaffUser>): Promise<StaffUser> {
    return this.db.repository(StaffUser).save(user);
  }

  async insertStaffIfEmailFree(user: Pick<StaffUser, 'email' | 'name' | 'role'>): Promise<StaffUser | null> {
    const rows: StaffUser[] = await this.db.manager.query(
      `INSERT INTO staff_user (email, name, role) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [user.email, user.name, user.role],
    );
    return rows.length ? this.findStaffById(rows[0].id) : null;
  }

  /** Counts a failed login atomically and locks the account once the limit is reached. */
  async recordFailedLogin(id: string, maxFailures: number, lockMinutes: number): Promise<{ locked: boolean }> {
    // UPDATE … RETURNING comes back from manager.query as [rows, affected count].
    const [rows]: [Array<{ locked_until: Date | null }>, number] = await this.db.manager.query(
      // A lock-out that has ended starts a fresh count, so one mistake afterwards does not lock again.
      `WITH counted AS (
         SELECT id, CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1 ELSE failed_logins + 1 END AS failures
         FROM staff_user WHERE id = $1)
       UPDATE staff_user u SET failed_logins = c.failures,
         locked_until = CASE WHEN c.failures >= $2 THEN now() + ($3::int * interval '1 minute') WHEN u.locked_until <= now() THEN NULL ELSE u.locked_until END
       FROM counted c WHERE u.id = c.id RETURNING u.locked_until`,
      [id, maxFailures, lockMinutes],
    );
    const until = rows[0]?.locked_until;
    return { locked: !!until && new Date(until) > new Date() };
  }

  async recordSuccessfulLogin(id: string): Promise<void> {
    await this.db.repository(StaffUser).update({ id }, { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() });
  }

  insertSession(session: Omit<StaffSession, 'createdAt'>): Promise<unknown> {
    return this.db.repository(StaffSession).insert(session);
  }

  findLiveSession(idHash: string): Promise<StaffSession | null> {
    return this.db.repository(StaffSession).findOneBy({ idHash, expiresAt: MoreThan(new Date()) });
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.repository(StaffSession).delete({ idHash });
  }

  async deleteSessionsOf(staffId: string): Promise<void> {
    await this.db.repository(StaffSession).delete({ staffId });
  }

  async deleteExpiredSessions(): Promise<number> {
    const r = await this.db.repository(StaffSession).delete({ expiresAt: LessThan(new Date()) });
    return r.affected ?? 0;
  }

  insertApiToken(token: Pick<ApiToken, 'staffId' | 'name' | 'prefix' | 'tokenHash'>): Promise<ApiToken> {
    return this.db.repository(ApiToken).save(this.db.repository(ApiToken).create(token));
  }

  findActiveApiToken(tokenHash: string): Promise<ApiToken | null> {
    return this.db.repository(ApiToken).findOneBy({ tokenHash, revokedAt: IsNull() });
  }

  listApiTokens(staffId?: string): Promise<ApiToken[]> {
    return this.db.repository(ApiToken).find({ where: staffId ? { staffId } : {}, order: { createdAt: 'DESC' } });
  }

  findApiToken(id: string): Promise<ApiToken | null> {
    return this.db.repository(ApiToken).findOneBy({ id });
  }

  async revokeApiToken(id: string): Promise<void> {
    await this.db.repository(ApiToken).update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Touches last_used_at at most once a minute, so token checks do not write on every request. */
  async touchApiToken(id: string): Promise<void> {
    await this.db.manager.query(
      `UPDATE api_token SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }

  insertPasswordSetToken(token: Pick<PasswordSetToken, 'staffId' | 'tokenHash' | 'expiresAt'>): Promise<unknown> {
    return this.db.repository(PasswordSetToken).insert(token);
  }

  countRecentPasswordSetTokens(staffId: string, since: Date): Promise<number> {
    return this.db.repository(PasswordSetToken).countBy({ staffId, createdAt: MoreThan(since) });
  }

  /** Marks the token used and returns it, only if it was unused and unexpired (single use). */
  async consumePasswordSetToken(tokenHash: string): Promise<PasswordSetToken | null> {
    // UPDATE … RETURNING comes back from manager.query as [rows, affected count].
    const [rows]: [Array<{ id: string }>, number] = await this.db.manager.query(
      `UPDATE password_set_token SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING id`,
      [tokenHash],
    );
    return rows.length ? this.db.repository(PasswordSetToken).findOneBy({ id: rows[0].id }) : null;
  }

  async deleteSpentPasswordSetTokens(): Promise<number> {
    const r = await this.db.repository(PasswordSetToken).delete({ expiresAt: LessThan(new Date(Date.now() - 30 * 86_400_000)) });
    return r.affected ?? 0;
  }

  findUsablePasswordSetToken(tokenHash: string): Promise<PasswordSetToken | null> {
    return this.db.repository(PasswordSetToken).findOneBy({ tokenHash, usedAt: IsNull(), expiresAt: MoreThan(new Date()) });
  }
}

import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { StaffUser } from './staff-user.entity';

/** KS staff accounts, with their sign-in failure count and lock-out. */
@Injectable()
export class StaffUserRepository {
  constructor(private readonly db: DatabaseContext) {}

  count(): Promise<number> {
    return this.db.repository(StaffUser).count();
  }

  find(id: string): Promise<StaffUser | null> {
    return this.db.repository(StaffUser).findOneBy({ id });
  }

  findByEmail(email: string): Promise<StaffUser | null> {
    return this.db.repository(StaffUser).findOneBy({ email: email.trim().toLowerCase() });
  }

  list(): Promise<StaffUser[]> {
    return this.db.repository(StaffUser).find({ order: { name: 'ASC' } });
  }

  save(user: Partial<StaffUser>): Promise<StaffUser> {
    return this.db.repository(StaffUser).save(user);
  }

  async insertIfEmailFree(user: Pick<StaffUser, 'email' | 'name' | 'role'>): Promise<StaffUser | null> {
    const rows: StaffUser[] = await this.db.manager.query(
      `INSERT INTO staff_user (email, name, role) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [user.email, user.name, user.role],
    );
    return rows.length ? this.find(rows[0].id) : null;
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
}

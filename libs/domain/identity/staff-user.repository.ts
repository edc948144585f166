import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { StaffUser } from './staff-user.entity';

/** KS staff accounts, with their sign-in failure count and lock-out. */
/** A failed login's count: one more, or the first after a lock-out that has ended. */
const FAILURES_COUNTED = `CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1 ELSE failed_logins + 1 END`;

@Injectable()
export class StaffUserRepository {
  constructor(private readonly db: DatabaseContext) {}

  count(): Promise<number> {
    return this.db.repository(StaffUser).count();
  }

  find(id: string): Promise<StaffUser | null> {
    return this.db.repository(StaffUser).findOneBy({ id });
  }

  /** The user, locked for the rest of the transaction: changes to one account are made one after the other. */
  lock(id: string): Promise<StaffUser | null> {
    return this.db.repository(StaffUser).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  countActiveAdminsOtherThan(id: string): Promise<number> {
    return this.db.repository(StaffUser).createQueryBuilder('u').where(`u.role = 'admin' AND u.active AND u.id <> :id`, { id }).getCount();
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
      // Only the row's own columns: a failure waiting for another's update counts on from it.
      `UPDATE staff_user SET
         failed_logins = ${FAILURES_COUNTED},
         locked_until = CASE WHEN ${FAILURES_COUNTED} >= $2 THEN now() + ($3::int * interval '1 minute')
                             WHEN locked_until <= now() THEN NULL ELSE locked_until END
       WHERE id = $1 RETURNING locked_until`,
      [id, maxFailures, lockMinutes],
    );
    const until = rows[0]?.locked_until;
    return { locked: !!until && new Date(until) > new Date() };
  }

  /**
   * Records a sign-in with the right password, unless the account was locked meanwhile (by
   * failures counted while the password was checked): then false, and nothing changes.
   */
  async recordSuccessfulLogin(id: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.db.manager.query(
      `UPDATE staff_user SET failed_logins = 0, locked_until = NULL, last_login_at = now()
       WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now()) RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }
}

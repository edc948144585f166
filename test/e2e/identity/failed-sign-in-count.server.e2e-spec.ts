import { StaffUserRepository } from '@domain/identity/staff-user.repository';

import { LockWaits } from '../../support/lock-waits';
import { createStaffWithPassword } from '../../support/staff-session';
import { createTestApp, TestApp } from '../../support/test-app';

/**
 * Wrong passwords for one account at the same moment each count: guesses spread over many
 * addresses (each address is limited on its own) get no more tries before the lock-out.
 * Needs two sessions at once, so the server.
 */
describe('failed sign-ins counted at the same moment', () => {
  let t: TestApp;
  let locks: LockWaits;

  beforeAll(async () => {
    t = await createTestApp();
    locks = await LockWaits.open(t.db.url);
  });
  afterAll(async () => {
    await locks?.close();
    await t?.close();
  });

  it('counts a failure that waited for another one on top of it, and locks at the limit', async () => {
    const id = await createStaffWithPassword(t, 'samtidig@ks.example.test', 'agent');
    await t.dataSource.query(`UPDATE staff_user SET failed_logins = 3 WHERE id = $1`, [id]);
    const users = t.get(StaffUserRepository);

    // Another request's failure holds the row, uncommitted, while this one is counted.
    await locks.other.query('BEGIN');
    await locks.other.query(`UPDATE staff_user SET failed_logins = failed_logins + 1 WHERE id = $1`, [id]);
    const second = locks.start(users.recordFailedLogin(id, t.config.loginMaxFailures, t.config.loginLockoutMinutes));
    await locks.untilWaiting(1, second);
    await locks.other.query('COMMIT');

    expect(await second.result).toEqual({ locked: true });
    const [user] = await t.dataSource.query(`SELECT failed_logins, locked_until > now() AS locked FROM staff_user WHERE id = $1`, [id]);
    expect(user).toEqual({ failed_logins: 5, locked: true });
  });
});

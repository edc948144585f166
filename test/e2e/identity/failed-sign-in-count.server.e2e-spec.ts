import { StaffUserRepository } from '@domain/identity/staff-user.repository';
import { Client } from 'pg';

import { createStaffWithPassword } from '../../support/staff-session';
import { createTestApp, TestApp } from '../../support/test-app';

/**
 * Wrong passwords for one account at the same moment each count: guesses spread over many
 * addresses (each address is limited on its own) get no more tries before the lock-out.
 * Needs two sessions at once, so the server.
 */
describe('failed sign-ins counted at the same moment', () => {
  let t: TestApp;
  let other: Client;
  let observer: Client;

  beforeAll(async () => {
    t = await createTestApp();
    other = new Client({ connectionString: t.db.url });
    observer = new Client({ connectionString: t.db.url });
    await other.connect();
    await observer.connect();
  });
  afterAll(async () => {
    await other?.end();
    await observer?.end();
    await t?.close();
  });

  it('counts a failure that waited for another one on top of it, and locks at the limit', async () => {
    const id = await createStaffWithPassword(t, 'samtidig@ks.example.test', 'agent');
    await t.dataSource.query(`UPDATE staff_user SET failed_logins = 3 WHERE id = $1`, [id]);
    const users = t.get(StaffUserRepository);

    // Another request's failure holds the row, uncommitted, while this one is counted.
    await other.query('BEGIN');
    await other.query(`UPDATE staff_user SET failed_logins = failed_logins + 1 WHERE id = $1`, [id]);
    let counted = false;
    const second = users.recordFailedLogin(id, t.config.loginMaxFailures, t.config.loginLockoutMinutes).then((r) => ((counted = true), r));
    for (;;) {
      const { rows } = await observer.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (rows[0].n >= 1 || counted) break;
      await new Promise((r) => setImmediate(r));
    }
    await other.query('COMMIT');

    expect(await second).toEqual({ locked: true });
    const [user] = await t.dataSource.query(`SELECT failed_logins, locked_until > now() AS locked FROM staff_user WHERE id = $1`, [id]);
    expect(user).toEqual({ failed_logins: 5, locked: true });
  });
});

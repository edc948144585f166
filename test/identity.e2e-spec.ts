import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createHttpApp } from '@composition';
import { BootstrapAdmin } from '@domain/identity/bootstrap-admin.use-case';
import { CreateApiToken } from '@domain/identity/create-api-token.use-case';
import { type StaffPrincipal, type StaffRole, SYSTEM_ACTOR } from '@domain/shared/principal';
import { loadConfig } from '@platform/config/app-config';
import { hashToken } from '@platform/security/secret-token';

import { API_ROLE } from '../apps/api/src/api-role';
import {
  cookieHeader,
  cookiesSet,
  createStaffWithPassword,
  openForm,
  postLogin,
  setCookieLine,
  signIn,
  someIp,
  TEST_PASSWORD,
} from './support/staff-session';
import { bearer, createTestApp, TestApp } from './support/test-app';
import { ADMIN_EMAIL } from './support/test-config';

/** Tables whose rows contain `secret` anywhere in their text. */
async function tablesContaining(t: TestApp, secret: string): Promise<string[]> {
  const tables: Array<{ table_name: string }> = await t.dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const hits: string[] = [];
  for (const { table_name } of tables) {
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM "${table_name}" x WHERE strpos(x::text, $1) > 0`, [secret]);
    if (n > 0) hits.push(table_name);
  }
  return hits;
}

async function auditActions(t: TestApp, objectId: string): Promise<string[]> {
  const rows: Array<{ action: string }> = await t.dataSource.query(`SELECT action FROM audit_entry WHERE object_id = $1 ORDER BY id`, [
    objectId,
  ]);
  return rows.map((r) => r.action);
}

describe('identity: staff, sessions, tokens and roles', () => {
  let t: TestApp;
  const tokens: Partial<Record<StaffRole, string>> = {};
  const ids: Partial<Record<StaffRole, string>> = {};

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['agent', 'viewer'] as const) {
      const email = `${role}@ks.example.test`;
      ids[role] = await createStaffWithPassword(t, email, role);
      const owner: StaffPrincipal = { kind: 'staff', id: ids[role]!, email, name: role, role, via: 'token' };
      tokens[role] = (await t.get(CreateApiToken).execute(owner, 'test', SYSTEM_ACTOR)).token;
    }
  }, 180_000);
  afterAll(() => t?.close());

  describe('bootstrap admin', () => {
    it('is created on the empty database with exactly the configured token', async () => {
      const me = await t.http.get('/api/v1/me').set(bearer(t.adminToken)).expect(200);
      expect(me.body).toMatchObject({ kind: 'staff', email: ADMIN_EMAIL, role: 'admin' });
      const [row] = await t.dataSource.query(`SELECT token_hash, name FROM api_token WHERE staff_id = $1`, [me.body.id]);
      expect(row).toEqual({ token_hash: hashToken(t.adminToken), name: 'bootstrap' });
      expect(await auditActions(t, me.body.id)).toContain('staff.bootstrapped');
    });

    it('is not created again when the app starts against a database that has staff', async () => {
      const [{ n: before }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM staff_user`);
      const otherToken = 'another-bootstrap-token-0123456789abcdef';
      const dataDir = mkdtempSync(join(tmpdir(), 'segment-desk-second-'));
      const config = loadConfig({
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        DATABASE_POOL_SIZE: '2',
        BOOTSTRAP_ADMIN_EMAIL: 'intruder@ks.example.test',
        BOOTSTRAP_ADMIN_TOKEN: otherToken,
      });
      const second = await createHttpApp(config, t.db, [API_ROLE]);
      try {
        await expect(second.get(BootstrapAdmin).execute()).resolves.toBe('ignored');
      } finally {
        await second.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
      const [{ n: after }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM staff_user`);
      expect(after).toBe(before);
      await t.http.get('/api/v1/me').set(bearer(otherToken)).expect(401);
      await t.http.get('/api/v1/me').set(bearer(t.adminToken)).expect(200);
    });
  });

  describe('the guard', () => {
    it.each([
      ['no credential', {}, 'unauthenticated'],
      ['an unknown token', { Authorization: 'Bearer sdt_unknown-token-000000000000000000000' }, 'invalid_token'],
      ['a Basic credential', { Authorization: 'Basic YWRtaW46YWRtaW4=' }, 'unauthenticated'],
      ['an empty Bearer', { Authorization: 'Bearer' }, 'unauthenticated'],
      ['a token without a scheme', { Authorization: 'sdt_abc' }, 'unauthenticated'],
      ['an unknown session cookie', { Cookie: 'sd_session=forged' }, 'unauthenticated'],
    ])('answers 401 for %s', async (_, headers, code) => {
      const res = await t.http.get('/api/v1/me').set(headers).expect(401);
      expect(res.body).toMatchObject({ status: 401, code });
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    it('sends a browser without a session to the login page, remembering where it was going', async () => {
      const res = await t.http.get('/staff?x=1').set('Accept', 'text/html').expect(303);
      expect(res.headers.location).toBe('/login?next=%2Fstaff%3Fx%3D1');
    });

    it('lets a viewer read but not write (403)', async () => {
      await t.http.get('/api/v1/me').set(bearer(tokens.viewer!)).expect(200);
      const res = await t.http.post('/api/v1/catalogue/versions').set(bearer(tokens.viewer!)).send({}).expect(403);
      expect(res.body).toMatchObject({ status: 403, code: 'forbidden' });
    });

    it('lets a viewer hold a personal API token, which can still only read', async () => {
      const res = await t.http.post('/api/v1/api-tokens').set(bearer(tokens.viewer!)).send({ name: 'lesetilgang' }).expect(201);
      await t.http.get('/api/v1/me').set(bearer(res.body.token)).expect(200);
      await t.http.post('/api/v1/catalogue/versions').set(bearer(res.body.token)).send({}).expect(403);
      await t.http.delete(`/api/v1/api-tokens/${res.body.id}`).set(bearer(tokens.viewer!)).expect(204);
    });

    it('refuses an agent on admin-only routes (403)', async () => {
      await t.http.get('/api/v1/staff').set(bearer(tokens.agent!)).expect(403);
      await t.http.post('/api/v1/staff').set(bearer(tokens.agent!)).send({ email: 'x@ks.example.test', role: 'admin' }).expect(403);
      await t.http.get('/api/v1/staff').set(bearer(t.adminToken)).expect(200);
    });

    it('does not apply CSRF checks to Bearer calls', async () => {
      await t.http.post('/api/v1/api-tokens').set(bearer(tokens.agent!)).send({ name: 'no csrf needed' }).expect(201);
    });

    it('validates staff input and names the fields', async () => {
      const res = await t.http.post('/api/v1/staff').set(bearer(t.adminToken)).send({ email: 'not-an-email', role: 'boss' }).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['email', 'role']);
    });
  });

  describe('a new staff member, from creation to sign-out', () => {
    const email = 'kari.nordmann@ks.example.test';
    let staffId: string;
    let link: string;
    let session: Record<string, string>;
    let sessionCsrf: string;
    const ip = someIp();

    it('is created through the API, which queues a password link by e-mail', async () => {
      const res = await t.http
        .post('/api/v1/staff')
        .set(bearer(t.adminToken))
        .send({ email: 'Kari.Nordmann@KS.example.test', name: 'Kari Nordmann', role: 'agent' })
        .expect(201);
      expect(res.body).toMatchObject({ email, name: 'Kari Nordmann', role: 'agent' });
      staffId = res.body.id;
      const mail = await t.dataSource.query(
        `SELECT subject, text, status FROM outbox_message WHERE template = 'password-set' AND $1 = ANY(to_addresses)`,
        [email],
      );
      expect(mail).toHaveLength(1);
      expect(mail[0].status).toBe('pending');
      link = /(https?:\/\/\S+\/password\/\S+)/.exec(mail[0].text)![1];
      expect(link.startsWith(`${t.config.publicUrl}/password/`)).toBe(true);
      await t.http.post('/api/v1/staff').set(bearer(t.adminToken)).send({ email, role: 'viewer' }).expect(409);
    });

    it('cannot sign in before choosing a password', async () => {
      expect((await postLogin(t, email, TEST_PASSWORD, ip)).status).toBe(401);
    });

    it('refuses a password-set form posted without its CSRF token, and a short password', async () => {
      const path = new URL(link).pathname;
      const form = await openForm(t, path, ip);
      const noToken = await t.http
        .post(path)
        .set('X-Forwarded-For', ip)
        .set('Cookie', cookieHeader(form.cookies))
        .type('form')
        .send({ password: TEST_PASSWORD });
      // The form is shown again with the reason.
      expect(noToken.status).toBe(403);
      expect(noToken.text).toContain('The form has expired or did not come from this site');
      const short = await t.http
        .post(path)
        .set('X-Forwarded-For', ip)
        .set('Cookie', cookieHeader(form.cookies))
        .type('form')
        .send({ password: 'kort', _csrf: form.csrf });
      expect(short.status).toBe(400);
      expect(short.text).toContain('at least 12 characters');
    });

    it('chooses a password through the one-time link', async () => {
      const path = new URL(link).pathname;
      const form = await openForm(t, path, ip);
      expect(form.html).toContain('Nytt passord');
      const res = await t.http
        .post(path)
        .set('X-Forwarded-For', ip)
        .set('Cookie', cookieHeader(form.cookies))
        .type('form')
        .send({ password: TEST_PASSWORD, _csrf: form.csrf })
        .expect(303);
      expect(res.headers.location).toBe('/login?passwordSet=1');
      const [user] = await t.dataSource.query(`SELECT password_hash FROM staff_user WHERE id = $1`, [staffId]);
      expect(user.password_hash).toMatch(/^\$argon2id\$/);
      expect(await auditActions(t, staffId)).toEqual(['staff.created', 'login.failed', 'staff.password_set']);
    });

    it('accepts the link only once', async () => {
      const path = new URL(link).pathname;
      const page = await t.http.get(path).expect(200);
      expect(page.text).toContain('Lenken er ugyldig, brukt eller utløpt');
      expect(page.text).not.toContain('name="password"');
      const form = await openForm(t, '/login', ip);
      const again = await t.http
        .post(path)
        .set('X-Forwarded-For', ip)
        .set('Cookie', cookieHeader(form.cookies))
        .type('form')
        .send({ password: 'et-annet-passord-2030', _csrf: form.csrf });
      expect(again.status).toBe(404);
      expect((await postLogin(t, email, 'et-annet-passord-2030', ip)).status).toBe(401);
    });

    it('signs in through the form with an HttpOnly, SameSite=Lax session cookie', async () => {
      const res = await postLogin(t, email, TEST_PASSWORD, ip);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/');
      const line = setCookieLine(res, 'sd_session')!;
      expect(line).toMatch(/;\s*HttpOnly/i);
      expect(line).toMatch(/;\s*SameSite=Lax/i);
      expect(line).toMatch(/;\s*Path=\/(;|$)/);
      expect(line).toMatch(/;\s*Expires=/);
      expect(line).not.toMatch(/;\s*Secure/i);
      session = cookiesSet(res);
      // Only the hash of the cookie is stored.
      expect(await tablesContaining(t, session.sd_session)).toEqual([]);
      const [row] = await t.dataSource.query(`SELECT staff_id FROM staff_session WHERE id_hash = $1`, [hashToken(session.sd_session)]);
      expect(row.staff_id).toBe(staffId);

      const me = await t.http.get('/api/v1/me').set('Cookie', cookieHeader(session)).expect(200);
      expect(me.body).toMatchObject({ email, role: 'agent' });
      const home = await t.http.get('/').set('Cookie', cookieHeader(session)).expect(200);
      expect(home.text).toContain('Velkommen, Kari Nordmann.');
      sessionCsrf = /name="_csrf" value="([^"]+)"/.exec(home.text)![1];
    });

    it('refuses cookie-authenticated writes without the session CSRF token', async () => {
      const missing = await t.http.post('/api/v1/api-tokens').set('Cookie', cookieHeader(session)).send({ name: 'x' }).expect(403);
      expect(missing.body.code).toBe('csrf_failed');
      const wrong = await t.http
        .post('/tokens')
        .set('Cookie', cookieHeader(session))
        .type('form')
        .send({ name: 'x', _csrf: 'not-the-token' })
        .expect(403);
      expect(wrong.body.code).toBe('csrf_failed');
      // The pre-login double-submit token is not the session's token.
      const form = await openForm(t, '/login', ip);
      const preLogin = await t.http
        .post('/tokens')
        .set('Cookie', cookieHeader({ ...session, ...form.cookies }))
        .type('form')
        .send({ name: 'x', _csrf: form.csrf })
        .expect(403);
      expect(preLogin.body.code).toBe('csrf_failed');
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM api_token WHERE staff_id = $1`, [staffId]);
      expect(n).toBe(0);
    });

    it('accepts cookie-authenticated writes with the session CSRF token (form field or header)', async () => {
      const page = await t.http
        .post('/tokens')
        .set('Cookie', cookieHeader(session))
        .type('form')
        .send({ name: 'Fra skjema', _csrf: sessionCsrf })
        .expect(201);
      expect(page.text).toMatch(/<code class="app-secret">sdt_[\w-]+<\/code>/);
      await t.http
        .post('/api/v1/api-tokens')
        .set('Cookie', cookieHeader(session))
        .set('X-CSRF-Token', sessionCsrf)
        .send({ name: 'Fra API' })
        .expect(201);
      const list = await t.http.get('/api/v1/api-tokens').set('Cookie', cookieHeader(session)).expect(200);
      expect(list.body.map((x: { name: string }) => x.name).sort()).toEqual(['Fra API', 'Fra skjema']);
    });

    it('signs out, which ends the session on the server', async () => {
      const res = await t.http.post('/logout').set('Cookie', cookieHeader(session)).type('form').send({ _csrf: sessionCsrf }).expect(303);
      expect(res.headers.location).toBe('/login');
      expect(cookiesSet(res).sd_session).toBe('');
      await t.http.get('/api/v1/me').set('Cookie', cookieHeader(session)).expect(401);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM staff_session WHERE staff_id = $1`, [staffId]);
      expect(n).toBe(0);
      expect(await auditActions(t, staffId)).toEqual(expect.arrayContaining(['login.succeeded', 'logout']));
    });

    it('keeps sessions apart: signing in twice gives two sessions, and one sign-out leaves the other', async () => {
      const a = await signIn(t, email, TEST_PASSWORD, ip);
      const b = await signIn(t, email, TEST_PASSWORD, ip);
      expect(a.cookies.sd_session).not.toBe(b.cookies.sd_session);
      expect(a.csrf).not.toBe(b.csrf);
      await a.post('/logout').expect(303);
      await a.get('/api/v1/me').expect(401);
      await b.get('/api/v1/me').expect(200);
    });
  });

  describe('lock-out', () => {
    const email = 'lockout@ks.example.test';
    let staffId: string;
    beforeAll(async () => {
      staffId = await createStaffWithPassword(t, email, 'agent');
    });

    it('locks the account after LOGIN_MAX_FAILURES wrong passwords, then refuses the right one', async () => {
      expect(t.config.loginMaxFailures).toBe(5);
      const ip = someIp();
      for (let i = 0; i < 5; i++) {
        const res = await postLogin(t, email, `wrong-password-${i}`, ip);
        expect(res.status).toBe(401);
        expect(res.text).toContain('Feil e-post eller passord.');
      }
      const locked = await postLogin(t, email, TEST_PASSWORD, someIp());
      expect(locked.status).toBe(429);
      expect(locked.text).toContain('For mange mislykkede innlogginger');
      expect(cookiesSet(locked).sd_session).toBeUndefined();
      const [user] = await t.dataSource.query(
        `SELECT failed_logins, locked_until > now() + interval '14 minutes' AS long_enough FROM staff_user WHERE id = $1`,
        [staffId],
      );
      expect(user).toEqual({ failed_logins: 5, long_enough: true });
      const admin = await t.http.get('/api/v1/staff').set(bearer(t.adminToken)).expect(200);
      expect(admin.body.find((u: { id: string }) => u.id === staffId).locked).toBe(true);
    });

    it('lets the right password in again once the lock-out has ended, and resets the count', async () => {
      await t.dataSource.query(`UPDATE staff_user SET locked_until = now() - interval '1 second' WHERE id = $1`, [staffId]);
      const res = await postLogin(t, email, TEST_PASSWORD, someIp());
      expect(res.status).toBe(303);
      const [user] = await t.dataSource.query(
        `SELECT failed_logins, locked_until, last_login_at IS NOT NULL AS seen FROM staff_user WHERE id = $1`,
        [staffId],
      );
      expect(user).toEqual({ failed_logins: 0, locked_until: null, seen: true });
    });

    it('writes every failure, the lock and the success to the audit log', async () => {
      const rows: Array<{ action: string; actor_kind: string; actor_label: string; ip: string | null; details: { locked?: boolean } }> =
        await t.dataSource.query(
          `SELECT action, actor_kind, actor_label, ip, details FROM audit_entry WHERE object_id = $1 AND action LIKE 'login.%' ORDER BY id`,
          [staffId],
        );
      expect(rows.map((r) => r.action)).toEqual([
        'login.failed',
        'login.failed',
        'login.failed',
        'login.failed',
        'login.failed',
        'login.locked',
        'login.succeeded',
      ]);
      expect(rows.map((r) => r.details.locked)).toEqual([false, false, false, false, true, undefined, undefined]);
      expect(rows[0]).toMatchObject({ actor_kind: 'anonymous', actor_label: email });
      expect(rows[0].ip).toMatch(/^10\./);
      expect(rows[6]).toMatchObject({ actor_kind: 'staff', actor_label: email });
    });

    it('starts a fresh count after a lock-out has ended, so one more mistake does not lock again', async () => {
      await t.dataSource.query(`UPDATE staff_user SET failed_logins = 5, locked_until = now() - interval '1 second' WHERE id = $1`, [
        staffId,
      ]);
      expect((await postLogin(t, email, 'wrong-once-more', someIp())).status).toBe(401);
      const [user] = await t.dataSource.query(`SELECT failed_logins, locked_until FROM staff_user WHERE id = $1`, [staffId]);
      expect(user).toEqual({ failed_logins: 1, locked_until: null });
      expect((await postLogin(t, email, TEST_PASSWORD, someIp())).status).toBe(303);
    });

    it('audits a failed login for an unknown e-mail without an object', async () => {
      expect((await postLogin(t, 'nobody@ks.example.test', TEST_PASSWORD)).status).toBe(401);
      const [row] = await t.dataSource.query(`SELECT action, object_id FROM audit_entry WHERE actor_label = 'nobody@ks.example.test'`);
      expect(row).toEqual({ action: 'login.failed', object_id: null });
    });
  });

  describe('personal API tokens', () => {
    let created: { id: string; token: string; prefix: string };

    it('are shown once at creation and stored only as a hash', async () => {
      const res = await t.http.post('/api/v1/api-tokens').set(bearer(tokens.agent!)).send({ name: 'Saksbehandling' }).expect(201);
      created = res.body;
      expect(created.token).toMatch(/^sdt_[\w-]{43}$/);
      expect(created.token.startsWith(created.prefix)).toBe(true);
      expect(await tablesContaining(t, created.token)).toEqual([]);
      expect(await tablesContaining(t, hashToken(created.token))).toEqual(['api_token']);
      const me = await t.http.get('/api/v1/me').set(bearer(created.token)).expect(200);
      expect(me.body.email).toBe('agent@ks.example.test');
    });

    it('are listed without the secret', async () => {
      const res = await t.http.get('/api/v1/api-tokens').set(bearer(created.token)).expect(200);
      const listed = res.body.find((x: { id: string }) => x.id === created.id);
      expect(listed).toMatchObject({ name: 'Saksbehandling', prefix: created.prefix, revokedAt: null });
      expect(JSON.stringify(res.body)).not.toContain(created.token);
      expect(JSON.stringify(res.body)).not.toContain(hashToken(created.token));
      expect(res.body.every((x: { staffId: string }) => x.staffId === ids.agent)).toBe(true);
    });

    it('cannot be revoked by another non-admin user', async () => {
      await t.http.delete(`/api/v1/api-tokens/${created.id}`).set(bearer(tokens.viewer!)).expect(404);
      const other = await t
        .get(CreateApiToken)
        .execute(
          { kind: 'staff', id: ids.viewer!, email: 'viewer@ks.example.test', name: 'viewer', role: 'viewer', via: 'token' },
          'viewer-2',
          SYSTEM_ACTOR,
        );
      await t.http.delete(`/api/v1/api-tokens/${other.id}`).set(bearer(created.token)).expect(404);
      await t.http.get('/api/v1/me').set(bearer(other.token)).expect(200);
    });

    it('stop working at once when revoked', async () => {
      await t.http.delete(`/api/v1/api-tokens/${created.id}`).set(bearer(tokens.agent!)).expect(204);
      const res = await t.http.get('/api/v1/me').set(bearer(created.token)).expect(401);
      expect(res.body.code).toBe('invalid_token');
      const list = await t.http.get('/api/v1/api-tokens').set(bearer(tokens.agent!)).expect(200);
      expect(list.body.find((x: { id: string }) => x.id === created.id).revokedAt).not.toBeNull();
      expect(await auditActions(t, created.id)).toEqual(['api_token.created', 'api_token.revoked']);
    });

    it('stop working when their owner is deactivated', async () => {
      await t.http.patch(`/api/v1/staff/${ids.viewer}`).set(bearer(t.adminToken)).send({ active: false }).expect(200);
      await t.http.get('/api/v1/me').set(bearer(tokens.viewer!)).expect(401);
      await t.http.patch(`/api/v1/staff/${ids.viewer}`).set(bearer(t.adminToken)).send({ active: true }).expect(200);
      await t.http.get('/api/v1/me').set(bearer(tokens.viewer!)).expect(200);
    });
  });
});

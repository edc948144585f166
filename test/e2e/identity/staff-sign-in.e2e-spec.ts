import { InvalidPasswordLink, ResetStaffPassword, SetPassword } from '@domain/identity';
import { StaffUserRepository } from '@domain/identity/staff-user.repository';
import { SYSTEM_ACTOR } from '@domain/shared';
import { hashToken } from '@platform/security';

import {
  cookieHeader,
  cookiesSet,
  createStaffWithPassword,
  formCsrf,
  openForm,
  postLogin,
  setCookieLine,
  signIn,
  someIp,
  TEST_PASSWORD,
} from '../../support/staff-session';
import { auditActions, tablesContaining } from '../../support/stored-data';
import { bearer, createTestApp, TestApp } from '../../support/test-app';

/** The text of the page's error summary. */
const errorSummary = (html: string) => /<[^>]+data-error-summary[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1].replace(/\s+/g, ' ').trim();

describe('identity: staff sign-in, sessions and lock-out', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

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
      expect(short.text).toContain('Passordet må ha minst 12 tegn.');
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

    it('spends every other link of the account once a password is chosen through one', async () => {
      const reset = t.get(ResetStaffPassword);
      const pasted = (await reset.byAdmin(email, SYSTEM_ACTOR)).link;
      const used = (await reset.byAdmin(email, SYSTEM_ACTOR)).link;
      await t.get(SetPassword).execute(new URL(used).pathname.split('/').pop()!, TEST_PASSWORD, null);
      const page = await t.http.get(new URL(pasted).pathname).expect(200);
      expect(page.text).toContain('Lenken er ugyldig, brukt eller utløpt');
      await expect(t.get(SetPassword).execute(new URL(pasted).pathname.split('/').pop()!, 'et-annet-passord-2030', null)).rejects.toThrow(
        InvalidPasswordLink,
      );
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

  it('shows the login form again after a wrong password, ready for the next try', async () => {
    const email = 'retry@ks.example.test';
    await createStaffWithPassword(t, email, 'agent');
    const ip = someIp();
    const form = await openForm(t, '/login', ip);
    const send = (password: string, csrf: string) =>
      t.http
        .post('/login')
        .set('X-Forwarded-For', ip)
        .set('Cookie', cookieHeader(form.cookies))
        .type('form')
        .send({ email, password, _csrf: csrf, next: '/' });
    const wrong = await send('not-the-password', form.csrf);
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Feil e-post eller passord.');
    const again = formCsrf(wrong.text);
    expect(again).toBe(form.csrf);
    expect((await send(TEST_PASSWORD, again)).status).toBe(303);
  });

  it.each(['//evil.example/x', '/\\evil.example/x', '/\\/evil.example', '/\t/evil.example', 'https://evil.example/'])(
    'signs in to this site only, whatever next=%j says',
    async (next) => {
      const email = `next-${Buffer.from(next).toString('hex')}@ks.example.test`;
      await createStaffWithPassword(t, email, 'agent');
      const ip = someIp();
      const form = await openForm(t, '/login', ip);
      const res = await t.http
        .post('/login')
        .set('X-Forwarded-For', ip)
        .set('Cookie', cookieHeader(form.cookies))
        .type('form')
        .send({ email, password: TEST_PASSWORD, _csrf: form.csrf, next });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/');
    },
  );

  it('returns to the page that asked for the sign-in', async () => {
    const email = 'next-ok@ks.example.test';
    await createStaffWithPassword(t, email, 'agent');
    const ip = someIp();
    const form = await openForm(t, '/login', ip);
    const res = await t.http
      .post('/login')
      .set('X-Forwarded-For', ip)
      .set('Cookie', cookieHeader(form.cookies))
      .type('form')
      .send({ email, password: TEST_PASSWORD, _csrf: form.csrf, next: '/incidents?status=open#top' });
    expect(res.headers.location).toBe('/incidents?status=open#top');
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
      const unknown = await postLogin(t, 'finnes-ikke@ks.example.test', TEST_PASSWORD, someIp());
      // Answered exactly like an address without an account: the lock must not reveal the account.
      expect([locked.status, unknown.status]).toEqual([401, 401]);
      expect(errorSummary(locked.text)).toBe(errorSummary(unknown.text));
      expect(errorSummary(locked.text)).toContain('Feil e-post eller passord.');
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

    it('refuses the right password when failures locked the account while it was being checked', async () => {
      const users = t.get(StaffUserRepository);
      const find = users.findByEmail.bind(users);
      // The account as read before the check; other requests' failures lock it before the check ends.
      jest.spyOn(users, 'findByEmail').mockImplementationOnce(async (address) => {
        const user = await find(address);
        await t.dataSource.query(`UPDATE staff_user SET failed_logins = 5, locked_until = now() + interval '15 minutes' WHERE id = $1`, [
          staffId,
        ]);
        return user;
      });
      const res = await postLogin(t, email, TEST_PASSWORD, someIp());
      expect(res.status).toBe(401);
      expect(cookiesSet(res).sd_session).toBeUndefined();
      const [user] = await t.dataSource.query(`SELECT failed_logins, locked_until > now() AS locked FROM staff_user WHERE id = $1`, [
        staffId,
      ]);
      expect(user).toEqual({ failed_logins: 5, locked: true });
      await t.dataSource.query(`UPDATE staff_user SET failed_logins = 0, locked_until = NULL WHERE id = $1`, [staffId]);
    });

    it('audits a failed login for an unknown e-mail without an object', async () => {
      expect((await postLogin(t, 'nobody@ks.example.test', TEST_PASSWORD)).status).toBe(401);
      const [row] = await t.dataSource.query(`SELECT action, object_id FROM audit_entry WHERE actor_label = 'nobody@ks.example.test'`);
      expect(row).toEqual({ action: 'login.failed', object_id: null });
    });
  });
});

import { OpenFirstAdminSetup } from '@domain/identity';
import { hashToken } from '@platform/security';

import { cookieHeader, cookiesSet, openForm, someIp, TEST_PASSWORD } from '../../support/staff-session';
import { createTestApp, TestApp } from '../../support/test-app';

/** A brand-new installation: no bootstrap variables, so no one can sign in until the setup link is used. */
describe('identity: the first admin of a new installation', () => {
  let t: TestApp;
  const ip = someIp();
  const issue = async () => (await t.get(OpenFirstAdminSetup).execute())!;
  const pathOf = (link: string) => new URL(link).pathname;
  const staffCount = async () => Number((await t.dataSource.query(`SELECT count(*) AS n FROM staff_user`))[0].n);

  beforeAll(async () => {
    t = await createTestApp({ BOOTSTRAP_ADMIN_EMAIL: '', BOOTSTRAP_ADMIN_TOKEN: '' });
  });
  afterAll(() => t?.close());

  it('tells on the login page that there are no users yet, and where the setup link is', async () => {
    const page = await t.http.get('/login').expect(200);
    expect(page.text).toContain('Installasjonen har ingen brukere ennå');
    expect(page.text).toContain('serverens logg');
    expect(page.text).toContain('staff:create');
  });

  it('issues a link on the public URL, keeps only its hash, and a new link invalidates the older one', async () => {
    const first = await issue();
    expect(first.link.startsWith(`${t.config.publicUrl}/setup/`)).toBe(true);
    expect(first.expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    const token = decodeURIComponent(pathOf(first.link).split('/').pop()!);
    const rows = await t.dataSource.query(`SELECT token_hash FROM setup_token`);
    expect(rows).toEqual([{ token_hash: hashToken(token) }]);

    const second = await issue();
    const old = await t.http.get(pathOf(first.link)).expect(404);
    expect(old.text).toContain('ugyldig, brukt eller utløpt');
    expect(old.text).not.toContain('name="password"');
    const current = await t.http.get(pathOf(second.link)).expect(200);
    expect(current.text).toContain('Gjenta passordet');
  });

  it('refuses an expired link', async () => {
    const link = await issue();
    await t.dataSource.query(`UPDATE setup_token SET expires_at = now() - interval '1 second'`);
    expect((await t.http.get(pathOf(link.link)).expect(404)).text).toContain('ugyldig, brukt eller utløpt');
  });

  describe('with a fresh link', () => {
    let path: string;
    beforeAll(async () => {
      path = pathOf((await issue()).link);
    });

    it('shows the form again when the two passwords differ or are too short, and creates no one', async () => {
      const form = await openForm(t, path, ip);
      const post = (body: Record<string, string>) =>
        t.http
          .post(path)
          .set('X-Forwarded-For', ip)
          .set('Cookie', cookieHeader(form.cookies))
          .type('form')
          .send({ _csrf: form.csrf, name: 'Kari Nordmann', email: 'kari@ks.example.test', ...body });
      const differ = await post({ password: TEST_PASSWORD, passwordRepeat: `${TEST_PASSWORD}x` });
      expect(differ.status).toBe(400);
      expect(differ.text).toContain('De to passordene er ikke like.');
      expect(differ.text).toContain('value="kari@ks.example.test"');
      const short = await post({ password: 'kort', passwordRepeat: 'kort' });
      expect(short.status).toBe(400);
      expect(short.text).toContain('Passordet må ha minst 12 tegn.');
      expect(await staffCount()).toBe(0);
    });

    it('creates the admin, consumes the link, audits it and signs the person in on the overview', async () => {
      const form = await openForm(t, path, ip);
      const res = await t.http
        .post(path)
        .set('X-Forwarded-For', ip)
        .set('Cookie', cookieHeader(form.cookies))
        .type('form')
        .send({
          _csrf: form.csrf,
          name: 'Kari Nordmann',
          email: ' Kari@KS.example.test ',
          password: TEST_PASSWORD,
          passwordRepeat: TEST_PASSWORD,
        })
        .expect(303);
      expect(res.headers.location).toBe('/');
      const session = cookiesSet(res);
      const overview = await t.http.get('/').set('Cookie', cookieHeader(session)).expect(200);
      expect(overview.text).toContain('Velkommen, Kari Nordmann.');

      const users = await t.dataSource.query(`SELECT id, email, role, password_hash FROM staff_user`);
      expect(users).toEqual([
        { id: expect.any(String), email: 'kari@ks.example.test', role: 'admin', password_hash: expect.stringMatching(/^\$argon2id\$/) },
      ]);
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM setup_token WHERE used_at IS NULL`)).toEqual([{ n: 0 }]);
      const audit = await t.dataSource.query(`SELECT action, actor_label FROM audit_entry WHERE object_id = $1`, [users[0].id]);
      expect(audit).toContainEqual({ action: 'staff.first_admin_created', actor_label: 'kari@ks.example.test' });
    });

    it('then shows no setup form, issues no new link, and the login page no longer mentions setup', async () => {
      const used = await t.http.get(path).expect(409);
      expect(used.text).toContain('Installasjonen har allerede brukere');
      expect(used.text).not.toContain('name="password"');
      expect(await t.get(OpenFirstAdminSetup).execute()).toBeNull();
      expect((await t.http.get('/login').expect(200)).text).not.toContain('ingen brukere');
      expect(await staffCount()).toBe(1);
    });
  });
});

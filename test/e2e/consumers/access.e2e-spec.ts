import { PORTAL_SIGN_IN_ANSWER_MS } from '@domain/consumers';

import { BERGEN, consumerRegistryApp, ORG, OSLO, registered, RegisteredDetail } from '../../support/consumer-fixtures';
import { cookieHeader, openForm, requestPortalLink, setCookieLine, someIp, usePortalLink } from '../../support/staff-session';
import { bearer, TestApp } from '../../support/test-app';

describe('consumer access: API keys, isolation and portal sign-in', () => {
  let t: TestApp;
  const admin = () => bearer(t.adminToken);
  let oslo: RegisteredDetail;
  let bergen: RegisteredDetail;

  beforeAll(async () => {
    t = await consumerRegistryApp();
    [oslo, bergen] = [await registered(t, OSLO), await registered(t, BERGEN)];
    // The portal shows the vendor a service is connected through.
    await t.http
      .put(`/api/v1/consumers/${oslo.id}/services/ssg`)
      .set(admin())
      .send({ connectionMethod: 'vendor', vendor: { orgNumber: ORG.vendorB, name: 'Leverandør B' } })
      .expect(200);
  });
  afterAll(() => t?.close());

  describe('API keys and isolation', () => {
    let key: string;
    let keyId: string;

    it('issues a key once (only its hash is stored) that identifies the consumer', async () => {
      const res = await t.http.post(`/api/v1/consumers/${bergen.id}/api-keys`).set(admin()).send({}).expect(201);
      expect(res.body.key).toMatch(/^sdc_[A-Za-z0-9_-]{40,}$/);
      expect(res.body.key.startsWith(res.body.prefix)).toBe(true);
      ({ key, id: keyId } = res.body);
      const stored = await t.dataSource.query('SELECT key_hash FROM consumer_api_key WHERE id = $1', [keyId]);
      expect(stored[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
      const me = await t.http.get('/api/v1/me').set(bearer(key)).expect(200);
      expect(me.body).toMatchObject({ kind: 'consumer', consumerId: bergen.id, orgNumber: ORG.bergen });
      const listed = (await t.http.get(`/api/v1/consumers/${bergen.id}/api-keys`).set(admin()).expect(200)).body;
      expect(listed).toEqual([
        expect.objectContaining({ id: keyId, prefix: res.body.prefix, revokedAt: null, lastUsedAt: expect.any(String) }),
      ]);
      expect(JSON.stringify(listed)).not.toContain(key);
    });

    it('lets a consumer read itself but not another consumer (404), and not staff endpoints (403)', async () => {
      await t.http.get(`/api/v1/consumers/${bergen.id}`).set(bearer(key)).expect(200);
      expect((await t.http.get(`/api/v1/consumers/${oslo.id}`).set(bearer(key)).expect(404)).body.code).toBe('consumer_not_found');
      await t.http.get('/api/v1/consumers').set(bearer(key)).expect(403);
      await t.http
        .post('/api/v1/consumers')
        .set(bearer(key))
        .send({ orgNumber: ORG.vendorA, name: 'x', contacts: [], services: [] })
        .expect(403);
      await t.http.post(`/api/v1/consumers/${bergen.id}/api-keys`).set(bearer(key)).expect(403);
      await t.http.get('/api/v1/onboarding/queue').set(bearer(key)).expect(403);
    });

    it('refuses the keys of a suspended consumer, saying so, until it is active again', async () => {
      await t.http.patch(`/api/v1/consumers/${bergen.id}`).set(admin()).send({ status: 'suspended' }).expect(200);
      // Told that the consumer is suspended, not that the key is unknown: a vendor is not sent to ask for a new key.
      expect((await t.http.get('/api/v1/me').set(bearer(key)).expect(403)).body.code).toBe('consumer_inactive');
      await t.http.patch(`/api/v1/consumers/${bergen.id}`).set(admin()).send({ status: 'active' }).expect(200);
      await t.http.get('/api/v1/me').set(bearer(key)).expect(200);
    });

    it('refuses a revoked key at once', async () => {
      await t.http.delete(`/api/v1/consumers/${bergen.id}/api-keys/${keyId}`).set(admin()).expect(204);
      expect((await t.http.get('/api/v1/me').set(bearer(key)).expect(401)).body.code).toBe('invalid_token');
      const listed = (await t.http.get(`/api/v1/consumers/${bergen.id}/api-keys`).set(admin()).expect(200)).body;
      expect(listed[0].revokedAt).not.toBeNull();
      await t.http.delete(`/api/v1/consumers/${oslo.id}/api-keys/${keyId}`).set(admin()).expect(404);
    });
  });

  describe('consumer portal sign-in', () => {
    const email = `tech-${ORG.oslo}@kommune.example.test`;
    let form: { cookies: Record<string, string>; csrf: string };

    async function requestLink(address: string, next?: string) {
      return t.http
        .post('/portal/login')
        .set('Cookie', cookieHeader(form.cookies))
        .type('form')
        .send({ _csrf: form.csrf, email: address, ...(next ? { next } : {}) })
        .expect(200);
    }

    async function latestLink(): Promise<string> {
      await t.deliverMail();
      const rows = await t.dataSource.query(
        `SELECT text FROM outbox_message WHERE template = 'portal-sign-in' AND $1 = ANY(to_addresses) ORDER BY created_at DESC LIMIT 1`,
        [email],
      );
      const link = new URL(/https?:\/\/\S+\/portal\/login\/\S+/.exec(rows[0].text)![0]);
      return `${link.pathname}${link.search}`;
    }

    const portalMails = async () =>
      Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE template = 'portal-sign-in'`))[0].n);

    beforeAll(async () => {
      form = await openForm(t, '/portal/login');
    });

    it('gives the same answer for unknown addresses, no sooner than for registered ones, and sends them nothing', async () => {
      const before = await portalMails();
      const timed = async (address: string) => {
        const started = performance.now();
        const res = await requestLink(address);
        return { res, ms: performance.now() - started };
      };
      const unknown = await timed('ukjent@example.test');
      const known = await timed(email);
      const message = (html: string) => /<div class="ds-alert"[^]*?<\/div>/.exec(html)![0];
      expect(message(unknown.res.text)).toEqual(message(known.res.text));
      expect(await portalMails()).toBe(before + 1);
      // Both are held to the same floor, so the registered address's extra work does not show.
      for (const { ms } of [unknown, known]) expect(ms).toBeGreaterThanOrEqual(PORTAL_SIGN_IN_ANSWER_MS);
    });

    it('signs in once with the e-mailed link and opens the portal', async () => {
      await t.deliverMail();
      const sent = await t.dataSource.query(
        `SELECT status, subject FROM outbox_message WHERE template = 'portal-sign-in' ORDER BY created_at DESC LIMIT 1`,
      );
      expect(sent[0]).toMatchObject({ status: 'sent', subject: 'Innloggingslenke til konsumentportalen til KS' });
      const path = await latestLink();
      const first = await usePortalLink(t, path);
      expect(first.headers.location).toBe('/portal');
      const session = setCookieLine(first, 'sd_portal')!;
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/SameSite=Lax/);
      const cookie = session.split(';')[0];

      const portal = await t.http.get('/portal').set('Cookie', cookie).expect(200);
      expect(portal.text).toContain('Oslo kommune');
      expect(portal.text).toContain('Leverandør B');
      // Its services by the catalogue's names, not their codes.
      expect(portal.text).toMatch(/<tr>\s*<td>Tjeneste ssg<\/td>/);
      const me = await t.http.get('/api/v1/me').set('Cookie', cookie).expect(200);
      expect(me.body).toMatchObject({ kind: 'consumer', consumerId: oslo.id, email });
      await t.http.get(`/api/v1/consumers/${bergen.id}`).set('Cookie', cookie).expect(404);

      const second = await t.http.get(path).expect(404);
      expect(setCookieLine(second, 'sd_portal')).toBeUndefined();

      // Signing out needs the session's own CSRF token and ends the session.
      const portalCsrf = /action="\/portal\/logout">\s*<input type="hidden" name="_csrf" value="([^"]+)"/.exec(portal.text)![1];
      await t.http.post('/portal/logout').set('Cookie', cookie).type('form').send({ _csrf: 'wrong' }).expect(403);
      await t.http.post('/portal/logout').set('Cookie', cookie).type('form').send({ _csrf: portalCsrf }).expect(303);
      const after = await t.http.get('/portal').set('Cookie', cookie).expect(303);
      expect(after.headers.location).toMatch(/^\/portal\/login/);
    });

    it('spends the link only when «Logg inn» is pressed, not when it is opened (as mail scanners do)', async () => {
      await requestLink(email);
      const path = await latestLink();
      for (let opened = 0; opened < 2; opened++) {
        const page = await t.http.get(path).expect(200);
        expect(page.text).toContain('<button class="ds-button" type="submit">Logg inn</button>');
        expect(setCookieLine(page, 'sd_portal')).toBeUndefined();
      }
      expect(setCookieLine(await usePortalLink(t, path), 'sd_portal')).toMatch(/^sd_portal=/);
      await t.http.get(path).expect(404);
    });

    it('returns to the portal page that asked for the sign-in', async () => {
      const asked = await t.http.get('/portal/change-requests?status=new').expect(303);
      expect(asked.headers.location).toBe(`/portal/login?next=${encodeURIComponent('/portal/change-requests?status=new')}`);
      const page = await t.http.get(asked.headers.location).expect(200);
      const next = /<input type="hidden" name="next" value="([^"]+)">/.exec(page.text)![1].replace(/&#x3D;/g, '=');
      expect(next).toBe('/portal/change-requests?status=new');
      await requestLink(email, next);
      const path = await latestLink();
      expect(path).toMatch(/^\/portal\/login\/[^?]+\?next=%2Fportal%2Fchange-requests%3Fstatus%3Dnew$/);
      expect((await usePortalLink(t, path)).headers.location).toBe('/portal/change-requests?status=new');
    });

    it.each(['/incidents', '//evil.example/x', 'https://evil.example/', '/portal/../api/v1/me'])(
      'opens the portal, not next=%j, from a link that names another place',
      async (next) => {
        // Each case needs a link of its own, beyond the contact's five a quarter of an hour.
        await t.dataSource.query('DELETE FROM portal_sign_in_token');
        await requestLink(email, next);
        const path = await latestLink();
        expect(path).not.toContain('?next=');
        const used = await usePortalLink(t, `${path}?next=${encodeURIComponent(next)}`);
        expect(used.headers.location).toBe('/portal');
      },
    );

    it('refuses an expired link', async () => {
      await requestLink(email);
      const path = await latestLink();
      await t.dataSource.query(`UPDATE portal_sign_in_token SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL`);
      const res = await t.http.get(path).expect(404);
      expect(res.text).toContain('utløpt');
      expect(setCookieLine(res, 'sd_portal')).toBeUndefined();
    });

    it("signs out whoever used a contact's old address, and spends its links, when staff change the address", async () => {
      const address = BERGEN.contacts[0].email;
      const ip = someIp();
      const cookie = setCookieLine(await usePortalLink(t, await requestPortalLink(t, address, ip), ip), 'sd_portal')!.split(';')[0];
      await t.http.get('/portal').set('Cookie', cookie).expect(200);
      const unused = await requestPortalLink(t, address, ip);
      const { contacts } = (await t.http.get(`/api/v1/consumers/${bergen.id}`).set(admin()).expect(200)).body as {
        contacts: Array<{ id: string; email: string }>;
      };
      const contact = contacts.find((c) => c.email === address)!;
      // A name alone changes nothing for the person signed in.
      await t.http.patch(`/api/v1/consumers/${bergen.id}/contacts/${contact.id}`).set(admin()).send({ name: 'Nytt Navn' }).expect(200);
      await t.http.get('/portal').set('Cookie', cookie).expect(200);

      await t.http
        .patch(`/api/v1/consumers/${bergen.id}/contacts/${contact.id}`)
        .set(admin())
        .send({ email: `etterfolger-${ORG.bergen}@kommune.example.test` })
        .expect(200);
      expect((await t.http.get('/portal').set('Cookie', cookie).expect(303)).headers.location).toMatch(/^\/portal\/login/);
      await t.http.get(unused).expect(404);
    });
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { JWKS_COOLDOWN_MS } from '@domain/consumers';
import { exportJWK, exportSPKI, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

import { orgNumber, publishCatalogue, registerConsumer, RegisteredConsumer } from '../../support/fixtures';
import { reportBody } from '../../support/incident-fixtures';
import { cookieHeader, createStaffWithPassword, openForm, setCookieLine, signIn, usePortalLink } from '../../support/staff-session';
import { bearer, createTestApp, TestApp } from '../../support/test-app';

const SERVICE = 'summert-skattegrunnlag';
const SCOPE = 'ks:segmentdesk/rapporter';
const AUDIENCE = 'https://segmentdesk.ks.example.test';
const ISSUER_PATH = '/maskinporten/';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/** A local Maskinporten: its signing keys and the JWKS it serves over HTTP. */
interface LocalIssuer {
  url: string;
  jwksUrl: string;
  key: KeyPair;
  kid: string;
  server: Server;
  /** How often the key set was fetched. */
  fetches(): number;
  /** Signs with a new key from now on and publishes only that one, as after a key rotation. */
  rotate(kid: string): Promise<void>;
}

async function startIssuer(): Promise<LocalIssuer> {
  const published = async (key: KeyPair, kid: string): Promise<JWK> => ({
    ...(await exportJWK(key.publicKey)),
    kid,
    alg: 'RS256',
    use: 'sig',
  });
  const first = await generateKeyPair('RS256', { extractable: true });
  let jwk = await published(first, 'mp-key-1');
  let fetches = 0;
  const server = createServer((req, res) => {
    if (req.url !== '/maskinporten/jwk') return void res.writeHead(404).end();
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer: LocalIssuer = {
    url: `${base}${ISSUER_PATH}`,
    jwksUrl: `${base}/maskinporten/jwk`,
    key: first,
    kid: 'mp-key-1',
    server,
    fetches: () => fetches,
    rotate: async (kid) => {
      const key = await generateKeyPair('RS256', { extractable: true });
      jwk = await published(key, kid);
      Object.assign(issuer, { key, kid });
    },
  };
  return issuer;
}

const org = (n: string) => ({ authority: 'iso6523-actorid-upis', ID: `0192:${n}` });
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Maskinporten's claims for a consumer, signed by the local issuer unless told otherwise. */
function claims(issuer: LocalIssuer, consumer: string | null, over: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: issuer.url,
    aud: AUDIENCE,
    scope: SCOPE,
    ...(consumer ? { consumer: org(consumer) } : {}),
    client_id: 'c5a1b2d3-test',
    token_type: 'Bearer',
    iat: now,
    exp: now + 120,
    jti: `jti-${Math.random()}`,
    ...over,
  };
}

function sign(issuer: LocalIssuer, payload: JWTPayload, key = issuer.key.privateKey, kid = issuer.kid): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid }).sign(key);
}

/** Maskinporten access tokens as the consumer API's credential, beside API keys. */
describe('Maskinporten access tokens', () => {
  let issuer: LocalIssuer;
  let t: TestApp;
  let municipality: RegisteredConsumer;
  let other: RegisteredConsumer;
  const vendorOrg = orgNumber(9_100);
  const storedCount = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*) FROM report)::int AS reports, (SELECT count(*) FROM incident)::int AS incidents,
                (SELECT count(*) FROM idempotency_record)::int AS keys, (SELECT count(*) FROM outbox_message)::int AS mail`,
      )
    )[0] as Record<string, number>;

  beforeAll(async () => {
    issuer = await startIssuer();
    t = await createTestApp({
      MASKINPORTEN_ISSUER: issuer.url,
      MASKINPORTEN_JWKS_URL: issuer.jwksUrl,
      MASKINPORTEN_AUDIENCE: AUDIENCE,
      MASKINPORTEN_SCOPE: SCOPE,
    });
    await publishCatalogue(t, [SERVICE]);
    municipality = await registerConsumer(t, 4_101, [SERVICE]);
    other = await registerConsumer(t, 4_202, [SERVICE]);
    // The municipality names its vendor on the service, so reports the vendor sends carry its name.
    await t.http
      .put(`/api/v1/consumers/${municipality.id}/services/${SERVICE}`)
      .set(bearer(t.adminToken))
      .send({ connectionMethod: 'vendor', vendor: { orgNumber: vendorOrg, name: 'Fagsystem AS' } })
      .expect(200);
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((done) => issuer?.server.close(done));
  });

  it("takes a municipality's own token as that municipality", async () => {
    const token = await sign(issuer, claims(issuer, municipality.orgNumber));
    const created = await t.http
      .post('/api/v1/reports')
      .set(bearer(token))
      .send(reportBody({ environment: 'test' }))
      .expect(201);
    const mine = await t.http.get('/api/v1/reports').set(bearer(token)).expect(200);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toContain(created.body.id);
    // One fetch of the key set serves every token after it.
    expect(issuer.fetches()).toBe(1);
    const [row] = await t.dataSource.query(`SELECT consumer_id, channel, vendor_organisation_number FROM report WHERE id = $1`, [
      created.body.id,
    ]);
    expect(row).toEqual({ consumer_id: municipality.id, channel: 'api', vendor_organisation_number: null });
  });

  describe('a vendor acting for a municipality that delegated to it', () => {
    let reportId: string;

    beforeAll(async () => {
      const token = await sign(issuer, claims(issuer, municipality.orgNumber, { supplier: org(vendorOrg) }));
      const res = await t.http
        .post('/api/v1/reports')
        .set(bearer(token))
        .send(reportBody({ title: 'Leverandøren melder for kommunen', description: 'Alle oppslag gir 503 fra fagsystemet.' }))
        .expect(201);
      reportId = res.body.id;
    });

    it("files the report as the municipality's, with the vendor recorded on it", async () => {
      const byKey = await t.http.get('/api/v1/reports').set(bearer(municipality.key)).expect(200);
      const report = byKey.body.items.find((r: { id: string }) => r.id === reportId);
      expect(report).toMatchObject({ consumerId: municipality.id, vendorOrganisationNumber: vendorOrg, vendorName: 'Fagsystem AS' });
      const otherSees = await t.http.get('/api/v1/reports').set(bearer(other.key)).expect(200);
      expect(otherSees.body.items.map((r: { id: string }) => r.id)).not.toContain(reportId);
      const [event] = await t.dataSource.query(
        `SELECT actor_label FROM incident_event WHERE kind = 'report_received' AND details->>'reportId' = $1`,
        [reportId],
      );
      expect(event.actor_label).toBe(`${municipality.orgNumber} via ${vendorOrg}`);
    });

    it("shows the report in the municipality's portal as its own, naming the vendor that sent it", async () => {
      const login = await openForm(t, '/portal/login');
      await t.http
        .post('/portal/login')
        .set('Cookie', cookieHeader(login.cookies))
        .type('form')
        .send({ _csrf: login.csrf, email: municipality.emails[0] })
        .expect(200);
      const [mail] = await t.dataSource.query(
        `SELECT text FROM outbox_message WHERE template = 'portal-sign-in' ORDER BY created_at DESC LIMIT 1`,
      );
      const link = new URL(/https?:\/\/\S+\/portal\/login\/\S+/.exec(mail.text)![0]).pathname;
      const cookie = setCookieLine(await usePortalLink(t, link), 'sd_portal')!.split(';')[0];
      const page = await t.http.get(`/portal/reports/${reportId}`).set('Cookie', cookie).expect(200);
      expect(page.text).toContain('Leverandøren melder for kommunen');
      expect(page.text).toMatch(/<dt>Sendt av leverandør<\/dt><dd id="report-sent-by-vendor">Fagsystem AS \(org\.nr\. \d{9}\)<\/dd>/);
    });

    it('signs an answer the vendor sends for the municipality with both names', async () => {
      const token = await sign(issuer, claims(issuer, municipality.orgNumber, { supplier: org(vendorOrg) }));
      const answered = await t.http
        .post(`/api/v1/reports/${reportId}/messages`)
        .set(bearer(token))
        .send({ body: 'Svar fra leverandøren.' })
        .expect(201);
      const [message] = await t.dataSource.query(`SELECT author_label FROM incident_message WHERE id = $1`, [answered.body.id]);
      const [{ name }] = await t.dataSource.query(`SELECT name FROM consumer WHERE id = $1`, [municipality.id]);
      expect(message.author_label).toBe(`${name} via Fagsystem AS`);
    });

    it('names the vendor on the staff incident page', async () => {
      const [{ incident_id }] = await t.dataSource.query(`SELECT incident_id FROM report WHERE id = $1`, [reportId]);
      await createStaffWithPassword(t, 'agent-mp@ks.example.test', 'agent');
      const staff = await signIn(t, 'agent-mp@ks.example.test');
      const page = await staff.get(`/incidents/${incident_id}`).expect(200);
      expect(page.text).toContain(`Sendt av leverandør: Fagsystem AS (org.nr. ${vendorOrg})`);
    });
  });

  describe('refuses, before anything is stored', () => {
    let suspended: RegisteredConsumer;
    let terminated: RegisteredConsumer;
    const unregistered = orgNumber(7_777);

    beforeAll(async () => {
      suspended = await registerConsumer(t, 4_303, [SERVICE]);
      terminated = await registerConsumer(t, 4_404, [SERVICE]);
      await t.http.patch(`/api/v1/consumers/${suspended.id}`).set(bearer(t.adminToken)).send({ status: 'suspended' }).expect(200);
      await t.http.patch(`/api/v1/consumers/${terminated.id}`).set(bearer(t.adminToken)).send({ status: 'terminated' }).expect(200);
    });

    const now = () => Math.floor(Date.now() / 1000);
    const cases: Array<[string, () => Promise<string>, number, string]> = [
      [
        'another issuer',
        () => sign(issuer, claims(issuer, municipality.orgNumber, { iss: 'https://maskinporten.no/' })),
        401,
        'token_invalid',
      ],
      [
        'another audience',
        () => sign(issuer, claims(issuer, municipality.orgNumber, { aud: 'https://annen.example.test' })),
        401,
        'token_invalid',
      ],
      [
        'an expired token',
        () => sign(issuer, claims(issuer, municipality.orgNumber, { iat: now() - 600, exp: now() - 300 })),
        401,
        'token_expired',
      ],
      [
        'a token not yet valid',
        () => sign(issuer, claims(issuer, municipality.orgNumber, { nbf: now() + 600 })),
        401,
        'token_not_yet_valid',
      ],
      [
        'a token issued in the future',
        () => sign(issuer, claims(issuer, municipality.orgNumber, { iat: now() + 600, exp: now() + 900 })),
        401,
        'token_not_yet_valid',
      ],
      [
        'alg none',
        async () => `${b64({ alg: 'none', typ: 'JWT', kid: issuer.kid })}.${b64(claims(issuer, municipality.orgNumber))}.`,
        401,
        'token_invalid',
      ],
      [
        'HS256 with the public key as the secret',
        async () =>
          new SignJWT(claims(issuer, municipality.orgNumber))
            .setProtectedHeader({ alg: 'HS256', kid: issuer.kid })
            .sign(new TextEncoder().encode(await exportSPKI(issuer.key.publicKey))),
        401,
        'token_invalid',
      ],
      [
        'a key the issuer does not publish',
        async () => sign(issuer, claims(issuer, municipality.orgNumber), (await generateKeyPair('RS256')).privateKey, 'mp-key-unknown'),
        401,
        'token_invalid',
      ],
      [
        'the right kid with a signature by another key',
        async () => sign(issuer, claims(issuer, municipality.orgNumber), (await generateKeyPair('RS256')).privateKey),
        401,
        'token_invalid',
      ],
      ['no scope', () => sign(issuer, claims(issuer, municipality.orgNumber, { scope: undefined })), 403, 'token_scope_missing'],
      [
        'another scope',
        () => sign(issuer, claims(issuer, municipality.orgNumber, { scope: 'skatteetaten:inntekt' })),
        403,
        'token_scope_missing',
      ],
      ['a consumer not registered', () => sign(issuer, claims(issuer, unregistered)), 403, 'consumer_not_registered'],
      ['a suspended consumer', () => sign(issuer, claims(issuer, suspended.orgNumber)), 403, 'consumer_inactive'],
      ['a terminated consumer', () => sign(issuer, claims(issuer, terminated.orgNumber)), 403, 'consumer_inactive'],
      [
        'a supplier without a consumer',
        () => sign(issuer, claims(issuer, null, { supplier: org(vendorOrg) })),
        401,
        'token_consumer_missing',
      ],
    ];

    it.each(cases)('%s', async (_what, token, status, code) => {
      const before = await storedCount();
      const res = await t.http
        .post('/api/v1/reports')
        .set(bearer(await token()))
        .set('Idempotency-Key', `k-${code}`)
        .send(reportBody());
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      expect(res.headers['content-type']).toContain('application/problem+json');
      await t.http
        .get('/api/v1/reports')
        .set(bearer(await token()))
        .expect(status);
      expect(await storedCount()).toEqual(before);
    });

    it('does not let a consumer token reach staff routes', async () => {
      const token = await sign(issuer, claims(issuer, municipality.orgNumber));
      await t.http.get('/api/v1/incidents').set(bearer(token)).expect(403);
      await t.http.get('/api/v1/consumers').set(bearer(token)).expect(403);
    });
  });

  it('still takes API keys beside tokens', async () => {
    await t.http
      .post('/api/v1/reports')
      .set(bearer(municipality.key))
      .send(reportBody({ environment: 'test' }))
      .expect(201);
  });
});

/**
 * The key set is fetched again for a kid it does not hold, at most once per cooldown. The
 * cooldown passing is simulated by moving Date.now, which is the clock jose keeps it by.
 */
describe('when the issuer rotates its signing key', () => {
  let issuer: LocalIssuer;
  let t: TestApp;
  let municipality: RegisteredConsumer;
  const realNow = Date.now.bind(Date);
  let shift = 0;
  const cooldownPasses = () => (shift += JWKS_COOLDOWN_MS + 1_000);
  const report = async (token: string) =>
    t.http
      .post('/api/v1/reports')
      .set(bearer(token))
      .send(reportBody({ environment: 'test' }));

  beforeAll(async () => {
    issuer = await startIssuer();
    t = await createTestApp({
      MASKINPORTEN_ISSUER: issuer.url,
      MASKINPORTEN_JWKS_URL: issuer.jwksUrl,
      MASKINPORTEN_SCOPE: SCOPE,
      // The flood below is of refused tokens from one address; here it is the key set's cooldown that must hold it back.
      AUTH_FAILURES_PER_MINUTE: '0',
    });
    await publishCatalogue(t, [SERVICE]);
    municipality = await registerConsumer(t, 4_707, [SERVICE]);
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + shift);
    // The API holds the key set before the rotation.
    expect((await report(await sign(issuer, claims(issuer, municipality.orgNumber)))).status).toBe(201);
    expect(issuer.fetches()).toBe(1);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
    await new Promise((done) => issuer?.server.close(done));
  });

  it('takes a token signed with the new key by fetching the key set again', async () => {
    await issuer.rotate('mp-key-2');
    cooldownPasses();
    const res = await report(await sign(issuer, claims(issuer, municipality.orgNumber)));
    expect(res.status).toBe(201);
    expect(issuer.fetches()).toBe(2);
    // Kept: the next token with that key needs no fetch.
    expect((await report(await sign(issuer, claims(issuer, municipality.orgNumber)))).status).toBe(201);
    expect(issuer.fetches()).toBe(2);
  });

  it('refuses a kid the issuer does not have even after fetching again, with 401 token_invalid', async () => {
    cooldownPasses();
    const res = await report(await sign(issuer, claims(issuer, municipality.orgNumber), issuer.key.privateKey, 'mp-key-unknown'));
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'token_invalid' });
    expect(issuer.fetches()).toBe(3);
  });

  it('fetches the key set at most once per cooldown, however many unknown kids arrive', async () => {
    const flood = async () => {
      for (let i = 0; i < 25; i++) {
        const res = await report(
          await sign(issuer, claims(issuer, municipality.orgNumber), issuer.key.privateKey, `mp-flood-${shift}-${i}`),
        );
        expect(res.status).toBe(401);
      }
    };
    const before = issuer.fetches();
    await flood();
    // The previous fetch is still within its cooldown.
    expect(issuer.fetches()).toBe(before);
    cooldownPasses();
    await flood();
    expect(issuer.fetches()).toBe(before + 1);
    // The current key still works throughout.
    expect((await report(await sign(issuer, claims(issuer, municipality.orgNumber)))).status).toBe(201);
  });
});

describe('without Maskinporten configured', () => {
  let issuer: LocalIssuer;
  let t: TestApp;
  let municipality: RegisteredConsumer;

  beforeAll(async () => {
    issuer = await startIssuer();
    t = await createTestApp();
    await publishCatalogue(t, [SERVICE]);
    municipality = await registerConsumer(t, 4_505, [SERVICE]);
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((done) => issuer?.server.close(done));
  });

  it('takes API keys only: a valid token is an unknown credential', async () => {
    const token = await sign(issuer, claims(issuer, municipality.orgNumber));
    const res = await t.http.post('/api/v1/reports').set(bearer(token)).send(reportBody()).expect(401);
    expect(res.body.code).toBe('invalid_token');
    await t.http.post('/api/v1/reports').set(bearer(municipality.key)).send(reportBody()).expect(201);
  });
});

describe('when the issuer cannot be reached', () => {
  it('answers 503 and stores nothing', async () => {
    const issuer = await startIssuer();
    await new Promise((done) => issuer.server.close(done));
    const t = await createTestApp({
      MASKINPORTEN_ISSUER: issuer.url,
      MASKINPORTEN_JWKS_URL: issuer.jwksUrl,
      MASKINPORTEN_SCOPE: SCOPE,
    });
    try {
      await publishCatalogue(t, [SERVICE]);
      const municipality = await registerConsumer(t, 4_606, [SERVICE]);
      const res = await t.http
        .post('/api/v1/reports')
        .set(bearer(await sign(issuer, claims(issuer, municipality.orgNumber))))
        .send(reportBody())
        .expect(503);
      expect(res.body.code).toBe('token_keys_unavailable');
      expect(await t.dataSource.query(`SELECT id FROM report`)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

import { bearer, createTestApp, TestApp } from '../../support/test-app';

describe('identity: an address that keeps sending unknown credentials', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ AUTH_FAILURES_PER_MINUTE: '3' });
  });
  afterAll(() => t?.close());

  const fromAddress = (address: string, token: string) => ({ ...bearer(token), 'X-Forwarded-For': address });

  it('is answered 429 with Retry-After once it has used up its minute, even with a valid token; other addresses are not', async () => {
    for (let i = 0; i < 3; i++)
      expect(
        (
          await t.http
            .get('/api/v1/me')
            .set(fromAddress('203.0.113.7', `sdt_guess-${i}`))
            .expect(401)
        ).body.code,
      ).toBe('invalid_token');

    const refused = await t.http.get('/api/v1/me').set(fromAddress('203.0.113.7', 'sdt_guess-3')).expect(429);
    expect(refused.body).toMatchObject({ status: 429, code: 'too_many_failed_authentications' });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // A valid credential is not looked up either: a guesser learns nothing from the answer.
    await t.http.get('/api/v1/me').set(fromAddress('203.0.113.7', t.adminToken)).expect(429);

    await t.http.get('/api/v1/me').set(fromAddress('198.51.100.20', t.adminToken)).expect(200);
    await t.http.get('/api/v1/me').set(fromAddress('198.51.100.20', 'sdt_guess-4')).expect(401);
  });

  it('counts only failures: valid credentials, and requests without any, do not use up the minute', async () => {
    for (let i = 0; i < 5; i++) await t.http.get('/api/v1/me').set(fromAddress('192.0.2.50', t.adminToken)).expect(200);
    for (let i = 0; i < 5; i++) await t.http.get('/api/v1/me').set('X-Forwarded-For', '192.0.2.50').expect(401);
    await t.http.get('/api/v1/me').set(fromAddress('192.0.2.50', 'sdt_guess-5')).expect(401);
  });
});

describe('identity: X-Forwarded-For from a proxy that is not trusted', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The test's connections come from the loopback address, which is then not a trusted proxy.
    t = await createTestApp({ AUTH_FAILURES_PER_MINUTE: '2', TRUST_PROXY: '192.0.2.99' });
  });
  afterAll(() => t?.close());

  it('is ignored: the failures count against the connection’s own address', async () => {
    await t.http
      .get('/api/v1/me')
      .set({ ...bearer('sdt_guess-a'), 'X-Forwarded-For': '203.0.113.1' })
      .expect(401);
    await t.http
      .get('/api/v1/me')
      .set({ ...bearer('sdt_guess-b'), 'X-Forwarded-For': '203.0.113.2' })
      .expect(401);
    await t.http
      .get('/api/v1/me')
      .set({ ...bearer('sdt_guess-c'), 'X-Forwarded-For': '203.0.113.3' })
      .expect(429);
  });
});

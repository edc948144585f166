import { createHttpApp } from '@composition';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AttemptCounter, LONGEST_ATTEMPT_WINDOW_MS, SharedAttemptLimiter } from '@platform/rate-limit';
import { hashToken } from '@platform/security';
import request from 'supertest';

import { API_ROLE } from '../../../apps/api/src/api-role';
import { cookieHeader, openForm, someIp } from '../../support/staff-session';
import { bearer, createTestApp, TestApp } from '../../support/test-app';
import { testConfig, testConnection } from '../../support/test-config';

const MINUTE = 60_000;

describe('identity: attempt limits counted by every replica together', () => {
  const env = { AUTH_FAILURES_PER_MINUTE: '4' };
  let t: TestApp;
  let replica: NestFastifyApplication;
  let other: ReturnType<typeof request>;
  let counter: AttemptCounter;

  beforeAll(async () => {
    t = await createTestApp(env);
    const config = testConfig(t.db, env);
    replica = await createHttpApp(config, testConnection(t.db, config), [API_ROLE]);
    other = request(replica.getHttpServer());
    counter = t.get(AttemptCounter);
  });
  afterAll(async () => {
    await replica?.close();
    await t?.close();
  });

  const rows = (): Promise<Array<{ scope: string; key_hash: string; hits: number }>> =>
    t.dataSource.query('SELECT scope, key_hash, hits FROM attempt_window ORDER BY scope, key_hash');
  /** As if `ms` had passed for the scope's windows. */
  const later = (scope: string, ms: number) =>
    t.dataSource.query(
      `UPDATE attempt_window SET started_at = started_at - $2 * interval '1 millisecond',
         blocked_until = blocked_until - $2 * interval '1 millisecond' WHERE scope = $1`,
      [scope, ms],
    );
  /** A duration just measured on the database's clock: at most `ms`, and not much less. */
  const about = (ms: number) => ({
    asymmetricMatch: (value: unknown) => typeof value === 'number' && value > ms - 5_000 && value <= ms,
    toAsymmetricMatcher: () => `a number of milliseconds just under ${ms}`,
  });
  const counting = { windowMs: MINUTE, blockFrom: 100, blockMs: null };

  describe('the count', () => {
    it('counts within a window that starts at the first attempt, and starts the next one after it', async () => {
      const first = await counter.count('test-window', 'key-a', counting);
      expect(first).toEqual({ hits: 1, windowLeftMs: about(MINUTE), blockedMs: 0 });
      expect((await counter.count('test-window', 'key-a', counting)).hits).toBe(2);
      await later('test-window', MINUTE - 10_000);
      expect(await counter.count('test-window', 'key-a', counting)).toEqual({ hits: 3, windowLeftMs: about(10_000), blockedMs: 0 });
      await later('test-window', 10_000);
      expect(await counter.count('test-window', 'key-a', counting)).toEqual({ hits: 1, windowLeftMs: about(MINUTE), blockedMs: 0 });
    });

    it('refuses a key from the attempt that reaches the limit to the end of its window', async () => {
      const rule = { windowMs: MINUTE, blockFrom: 3, blockMs: null };
      await counter.count('test-block', 'key-a', rule);
      await later('test-block', 20_000);
      expect((await counter.count('test-block', 'key-a', rule)).blockedMs).toBe(0);
      expect(await counter.count('test-block', 'key-a', rule)).toEqual({ hits: 3, windowLeftMs: about(40_000), blockedMs: about(40_000) });
      expect(await counter.count('test-block', 'key-a', rule)).toEqual({ hits: 4, windowLeftMs: about(40_000), blockedMs: about(40_000) });
      await later('test-block', 40_000);
      expect(await counter.count('test-block', 'key-a', rule)).toEqual({ hits: 1, windowLeftMs: about(MINUTE), blockedMs: 0 });
    });

    it('refuses a key for as long as asked, beyond the end of its window, and then starts afresh', async () => {
      const rule = { windowMs: MINUTE, blockFrom: 2, blockMs: 5 * MINUTE };
      await counter.count('test-long-block', 'key-a', rule);
      expect((await counter.count('test-long-block', 'key-a', rule)).blockedMs).toEqual(about(5 * MINUTE));
      await later('test-long-block', 2 * MINUTE);
      expect(await counter.count('test-long-block', 'key-a', rule)).toEqual({ hits: 3, windowLeftMs: 0, blockedMs: about(3 * MINUTE) });
      await later('test-long-block', 3 * MINUTE);
      expect(await counter.count('test-long-block', 'key-a', rule)).toEqual({ hits: 1, windowLeftMs: about(MINUTE), blockedMs: 0 });
    });

    it('refuses at the first attempt when the limit is one', async () => {
      expect((await counter.count('test-one', 'key-a', { windowMs: MINUTE, blockFrom: 1, blockMs: null })).blockedMs).toEqual(
        about(MINUTE),
      );
    });

    it('keeps scopes and keys apart', async () => {
      await counter.count('test-apart', 'key-a', counting);
      await counter.count('test-apart', 'key-a', counting);
      expect((await counter.count('test-apart', 'key-b', counting)).hits).toBe(1);
      expect((await counter.count('test-apart-too', 'key-a', counting)).hits).toBe(1);
      expect((await counter.count('test-apart', 'key-a', counting)).hits).toBe(3);
    });

    it('counts concurrent attempts once each', async () => {
      const counts = await Promise.all(Array.from({ length: 20 }, () => counter.count('test-concurrent', 'key-a', counting)));
      expect(counts.map((c) => c.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('stores the key as a keyed hash, neither as sent nor as its plain hash', async () => {
      await counter.count('test-hashed', '203.0.113.77', counting);
      const stored = (await rows()).filter((r) => r.scope === 'test-hashed');
      expect(stored).toEqual([{ scope: 'test-hashed', key_hash: counter.keyHash('203.0.113.77'), hits: 1 }]);
      expect(JSON.stringify(await rows())).not.toContain('203.0.113.77');
      expect(counter.keyHash('203.0.113.77')).not.toBe(hashToken('203.0.113.77'));
    });

    it('refuses a window or a refusal longer than the longest one, which forgetting ended windows relies on', async () => {
      const tooLong = LONGEST_ATTEMPT_WINDOW_MS + 1;
      expect(() => counter.count('test-long', 'key-a', { ...counting, windowMs: tooLong })).toThrow(RangeError);
      expect(() => counter.count('test-long', 'key-a', { ...counting, blockMs: tooLong })).toThrow(RangeError);
    });

    it('forgets the windows that have ended and refuse no one, and only those', async () => {
      const refusing = { windowMs: MINUTE, blockFrom: 1, blockMs: LONGEST_ATTEMPT_WINDOW_MS };
      for (const key of ['old', 'recent']) await counter.count('test-forget', key, counting);
      await counter.count('test-forget-refusing', 'old', refusing);
      await later('test-forget', LONGEST_ATTEMPT_WINDOW_MS + 1_000);
      await later('test-forget-refusing', LONGEST_ATTEMPT_WINDOW_MS / 2);
      await t.dataSource.query(
        `UPDATE attempt_window SET started_at = started_at - interval '2 hours' WHERE scope = 'test-forget-refusing'`,
      );
      await t.dataSource.query(`UPDATE attempt_window SET started_at = now() WHERE scope = 'test-forget' AND key_hash = $1`, [
        counter.keyHash('recent'),
      ]);
      await counter.forgetEnded();
      const left = (await rows()).filter((r) => r.scope.startsWith('test-forget'));
      expect(left.map((r) => [r.scope, r.key_hash])).toEqual([
        ['test-forget', counter.keyHash('recent')],
        ['test-forget-refusing', counter.keyHash('old')],
      ]);
    });
  });

  describe('the limiter', () => {
    const rule = { limit: 3, windowMs: MINUTE, maxKeys: 100 };

    it('refuses a key on every replica once the replicas’ failures together use up its window', async () => {
      const alone: unknown[] = [];
      const [a, b] = [1, 2].map(() => new SharedAttemptLimiter('test-limiter', rule, counter, (e) => alone.push(e)));
      expect(await a.recordFailure('key-a', Date.now())).toBe(false);
      expect(await b.recordFailure('key-a', Date.now())).toBe(false);
      // The third failure, on b, uses up the window: b refuses from now on without asking.
      expect(await b.recordFailure('key-a', Date.now())).toBe(true);
      expect(b.blockedFor('key-a', Date.now())).toEqual(about(MINUTE));
      // a learns it at its next failure, which the window no longer allows.
      expect(a.blockedFor('key-a', Date.now())).toBe(0);
      expect(await a.recordFailure('key-a', Date.now())).toBe(false);
      expect(a.blockedFor('key-a', Date.now())).toEqual(about(MINUTE));
      expect(a.blockedFor('key-a', Date.now() + MINUTE)).toBe(0);
      expect(a.blockedFor('key-b', Date.now())).toBe(0);
      expect(alone).toEqual([]);
    });

    it('counts nothing when the limit is off', async () => {
      const off = new SharedAttemptLimiter('test-off', { ...rule, limit: 0 }, counter, () => undefined);
      for (let i = 0; i < 5; i++) expect(await off.recordFailure('key-a', Date.now())).toBe(false);
      expect(off.blockedFor('key-a', Date.now())).toBe(0);
      expect((await rows()).filter((r) => r.scope === 'test-off')).toEqual([]);
    });

    it('counts on its own when the database cannot count, and says so once', async () => {
      const unreachable = new Error('connection terminated');
      const failing = Object.assign(Object.create(AttemptCounter.prototype) as AttemptCounter, {
        count: () => Promise.reject(unreachable),
      });
      const alone: unknown[] = [];
      const limiter = new SharedAttemptLimiter('test-alone', rule, failing, (e) => alone.push(e));
      const now = Date.now();
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await limiter.recordFailure('key-a', now));
      expect(answers).toEqual([false, false, true]);
      expect(limiter.blockedFor('key-a', now + 1)).toBe(MINUTE - 1);
      expect(alone).toEqual([unreachable]);
    });
  });

  describe('over HTTP, on two replicas of one database', () => {
    const fromAddress = (address: string, token: string) => ({ ...bearer(token), 'X-Forwarded-For': address });

    it('refuses an address on both replicas once its unknown credentials, sent to either, use up the minute', async () => {
      const address = '203.0.113.41';
      for (const [i, http] of [t.http, other, t.http, other].entries())
        expect((await http.get('/api/v1/me').set(fromAddress(address, `sdt_guess-${i}`))).status).toBe(401);
      // The fourth failure came through the other replica, which now refuses without a look-up.
      const refused = await other.get('/api/v1/me').set(fromAddress(address, t.adminToken)).expect(429);
      expect(refused.body.code).toBe('too_many_failed_authentications');
      // The first replica learns it from its next failure; then it refuses a valid token too.
      await t.http.get('/api/v1/me').set(fromAddress(address, 'sdt_guess-4')).expect(401);
      await t.http.get('/api/v1/me').set(fromAddress(address, t.adminToken)).expect(429);
      await t.http.get('/api/v1/me').set(fromAddress('198.51.100.41', t.adminToken)).expect(200);
    });

    it('counts an IPv6 client by its /64, as the sign-in throttle does', async () => {
      for (let i = 1; i <= 4; i++)
        await t.http
          .get('/api/v1/me')
          .set(fromAddress(`2001:db8:41:7::${i}`, `sdt_guess-v6-${i}`))
          .expect(401);
      await t.http.get('/api/v1/me').set(fromAddress('2001:db8:41:7::99', t.adminToken)).expect(429);
      await t.http.get('/api/v1/me').set(fromAddress('2001:db8:41:8::1', t.adminToken)).expect(200);
    });

    it('throttles the sign-in form by address across both replicas', async () => {
      const ip = someIp();
      const form = await openForm(t, '/login', ip);
      const signIn = (http: ReturnType<typeof request>) =>
        http
          .post('/login')
          .set('X-Forwarded-For', ip)
          .set('Cookie', cookieHeader(form.cookies))
          .type('form')
          .send({ email: 'nobody@ks.example.test', password: 'not-a-password', _csrf: form.csrf, next: '/' });
      // Ten a minute from one address, five through each replica.
      for (let i = 0; i < 10; i++) expect((await signIn(i % 2 ? other : t.http)).status).toBe(401);
      for (const http of [t.http, other]) {
        const refused = await signIn(http);
        expect(refused.status).toBe(429);
        // Refused for the throttle's block (its window, a minute), counted from the refusal.
        expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(55);
        expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      }
      // Once the refusal has passed, the address may try again.
      await t.dataSource.query(
        `UPDATE attempt_window SET started_at = started_at - interval '61 seconds', blocked_until = blocked_until - interval '61 seconds'
         WHERE scope LIKE 'throttle:%'`,
      );
      expect((await signIn(other)).status).toBe(401);
      // Another address still may.
      const elsewhere = someIp();
      const fresh = await openForm(t, '/login', elsewhere);
      const res = await other
        .post('/login')
        .set('X-Forwarded-For', elsewhere)
        .set('Cookie', cookieHeader(fresh.cookies))
        .type('form')
        .send({ email: 'nobody@ks.example.test', password: 'not-a-password', _csrf: fresh.csrf, next: '/' });
      expect(res.status).toBe(401);
    });
  });
});

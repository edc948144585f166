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
const T0 = Date.parse('2026-12-01T10:00:00Z');

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

  describe('the count', () => {
    it('counts within a window that starts at the first attempt, and starts the next one after it', async () => {
      const seen = [];
      for (const at of [T0, T0 + 1_000, T0 + MINUTE - 1]) seen.push(await counter.count('test-window', 'key-a', MINUTE, at));
      expect(seen).toEqual([1, 2, 3].map((hits) => ({ hits, endsAt: T0 + MINUTE })));
      expect(await counter.count('test-window', 'key-a', MINUTE, T0 + MINUTE)).toEqual({ hits: 1, endsAt: T0 + 2 * MINUTE });
    });

    it('keeps scopes and keys apart', async () => {
      await counter.count('test-apart', 'key-a', MINUTE, T0);
      await counter.count('test-apart', 'key-a', MINUTE, T0);
      expect((await counter.count('test-apart', 'key-b', MINUTE, T0)).hits).toBe(1);
      expect((await counter.count('test-apart-too', 'key-a', MINUTE, T0)).hits).toBe(1);
      expect((await counter.count('test-apart', 'key-a', MINUTE, T0)).hits).toBe(3);
    });

    it('counts concurrent attempts once each', async () => {
      const counts = await Promise.all(Array.from({ length: 20 }, () => counter.count('test-concurrent', 'key-a', MINUTE, T0)));
      expect(counts.map((c) => c.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('stores the key hashed, never as sent', async () => {
      await counter.count('test-hashed', '203.0.113.77', MINUTE, T0);
      const stored = (await rows()).filter((r) => r.scope === 'test-hashed');
      expect(stored).toEqual([{ scope: 'test-hashed', key_hash: hashToken('203.0.113.77'), hits: 1 }]);
      expect(JSON.stringify(await rows())).not.toContain('203.0.113.77');
    });

    it('ends a window started by a replica whose clock runs ahead within one window of this one’s clock', async () => {
      await counter.count('test-skew', 'key-a', MINUTE, T0 + 5_000);
      expect(await counter.count('test-skew', 'key-a', MINUTE, T0)).toEqual({ hits: 2, endsAt: T0 + MINUTE });
    });

    it('refuses a window longer than the longest one, which forgetting ended windows relies on', async () => {
      await expect(counter.count('test-long', 'key-a', LONGEST_ATTEMPT_WINDOW_MS + 1, T0)).rejects.toThrow(RangeError);
    });

    it('forgets the windows that have certainly ended, and only those', async () => {
      const now = T0 + 3 * LONGEST_ATTEMPT_WINDOW_MS;
      await counter.count('test-forget', 'old', MINUTE, now - LONGEST_ATTEMPT_WINDOW_MS - 1);
      await counter.count('test-forget', 'recent', MINUTE, now - MINUTE);
      await counter.forgetEnded(now);
      expect((await rows()).filter((r) => r.scope === 'test-forget').map((r) => r.key_hash)).toEqual([hashToken('recent')]);
    });
  });

  describe('the limiter', () => {
    const rule = { limit: 3, windowMs: MINUTE, maxKeys: 100 };

    it('refuses a key on every replica once the replicas’ failures together use up its window', async () => {
      const failed: unknown[] = [];
      const [a, b] = [1, 2].map(() => new SharedAttemptLimiter('test-limiter', rule, counter, (e) => failed.push(e)));
      expect(await a.recordFailure('key-a', T0)).toBe(false);
      expect(await b.recordFailure('key-a', T0 + 1)).toBe(false);
      // The third failure, on b, uses up the window: b refuses from now on without asking.
      expect(await b.recordFailure('key-a', T0 + 2)).toBe(true);
      expect(b.blockedFor('key-a', T0 + 3)).toBe(MINUTE - 3);
      // a learns it at its next failure, which the window no longer allows.
      expect(a.blockedFor('key-a', T0 + 3)).toBe(0);
      expect(await a.recordFailure('key-a', T0 + 4)).toBe(false);
      expect(a.blockedFor('key-a', T0 + 5)).toBe(MINUTE - 5);
      expect(a.blockedFor('key-a', T0 + MINUTE)).toBe(0);
      expect(a.blockedFor('key-b', T0 + 5)).toBe(0);
      expect(failed).toEqual([]);
    });

    it('counts nothing when the limit is off', async () => {
      const off = new SharedAttemptLimiter('test-off', { ...rule, limit: 0 }, counter, () => undefined);
      for (let i = 0; i < 5; i++) expect(await off.recordFailure('key-a', T0)).toBe(false);
      expect(off.blockedFor('key-a', T0)).toBe(0);
      expect((await rows()).filter((r) => r.scope === 'test-off')).toEqual([]);
    });

    it('counts on its own, and says so, when the database cannot count', async () => {
      const unreachable = new Error('connection terminated');
      const failing = Object.assign(Object.create(AttemptCounter.prototype) as AttemptCounter, {
        count: () => Promise.reject(unreachable),
      });
      const failed: unknown[] = [];
      const alone = new SharedAttemptLimiter('test-alone', rule, failing, (e) => failed.push(e));
      expect([
        await alone.recordFailure('key-a', T0),
        await alone.recordFailure('key-a', T0),
        await alone.recordFailure('key-a', T0),
      ]).toEqual([false, false, true]);
      expect(alone.blockedFor('key-a', T0 + 1)).toBe(MINUTE - 1);
      expect(failed).toEqual([unreachable, unreachable, unreachable]);
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
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      }
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

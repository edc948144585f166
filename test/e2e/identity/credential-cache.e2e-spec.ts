import { createHttpApp } from '@composition';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';

import { API_ROLE } from '../../../apps/api/src/api-role';
import { BERGEN } from '../../support/consumer-fixtures';
import { publishCatalogue } from '../../support/fixtures';
import { createStaffWithToken } from '../../support/staff-session';
import { bearer, createTestApp, TestApp } from '../../support/test-app';
import { testConfig, testConnection } from '../../support/test-config';

/** Long enough that only the database's notice can explain a credential that stops working. */
const AN_HOUR = { CREDENTIAL_CACHE_SECONDS: '3600' };

/** Asks until the answer is the expected one; the other replica hears of a change asynchronously. */
async function eventually<T>(ask: () => Promise<T>, expected: T, withinMs = 10_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  let last = await ask();
  while (last !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setImmediate(resolve));
    last = await ask();
  }
  expect(last).toBe(expected);
}

describe('identity: cached credentials stop working at once on every replica', () => {
  let t: TestApp;
  let replica: NestFastifyApplication;
  let other: ReturnType<typeof request>;
  const admin = () => bearer(t.adminToken);

  beforeAll(async () => {
    t = await createTestApp(AN_HOUR);
    const config = testConfig(t.db, AN_HOUR);
    replica = await createHttpApp(config, testConnection(t.db, config), [API_ROLE]);
    other = request(replica.getHttpServer());
  });
  afterAll(async () => {
    await replica?.close();
    await t?.close();
  });

  /** Both replicas have answered the credential, so both hold it in their caches. */
  async function usedOnBoth(credential: string): Promise<void> {
    await t.http.get('/api/v1/me').set(bearer(credential)).expect(200);
    await other.get('/api/v1/me').set(bearer(credential)).expect(200);
  }

  it('a revoked staff token is refused by the replica that revoked it at once, and by the other as soon as it hears', async () => {
    const staff = await createStaffWithToken(t, 'agent', { email: 'replica-agent@ks.example.test' });
    await usedOnBoth(staff.token);
    const tokens = (await t.http.get('/api/v1/api-tokens').set(bearer(staff.token)).expect(200)).body as Array<{ id: string }>;
    await t.http.delete(`/api/v1/api-tokens/${tokens[0].id}`).set(bearer(staff.token)).expect(204);
    await t.http.get('/api/v1/me').set(bearer(staff.token)).expect(401);
    await eventually(async () => (await other.get('/api/v1/me').set(bearer(staff.token))).status, 401);
  });

  it('a deactivated user, and a changed role, take effect on the other replica', async () => {
    const staff = await createStaffWithToken(t, 'agent', { email: 'replica-role@ks.example.test' });
    await usedOnBoth(staff.token);
    await t.http.patch(`/api/v1/staff/${staff.id}`).set(admin()).send({ role: 'viewer' }).expect(200);
    await eventually(async () => (await other.get('/api/v1/me').set(bearer(staff.token))).body.role, 'viewer');
    await t.http.patch(`/api/v1/staff/${staff.id}`).set(admin()).send({ active: false }).expect(200);
    await eventually(async () => (await other.get('/api/v1/me').set(bearer(staff.token))).status, 401);
  });

  it('a revoked consumer key and a suspended consumer are refused on the other replica', async () => {
    await publishCatalogue(t, ['ssg']);
    const consumer = (await t.http.post('/api/v1/consumers').set(admin()).send(BERGEN).expect(201)).body as { id: string };
    const first = (await t.http.post(`/api/v1/consumers/${consumer.id}/api-keys`).set(admin()).send({}).expect(201)).body;
    const second = (await t.http.post(`/api/v1/consumers/${consumer.id}/api-keys`).set(admin()).send({}).expect(201)).body;
    await usedOnBoth(first.key);
    await usedOnBoth(second.key);

    await t.http.delete(`/api/v1/consumers/${consumer.id}/api-keys/${first.id}`).set(admin()).expect(204);
    await t.http.get('/api/v1/me').set(bearer(first.key)).expect(401);
    await eventually(async () => (await other.get('/api/v1/me').set(bearer(first.key))).status, 401);

    await t.http.patch(`/api/v1/consumers/${consumer.id}`).set(admin()).send({ status: 'suspended' }).expect(200);
    await t.http.get('/api/v1/me').set(bearer(second.key)).expect(403);
    await eventually(async () => (await other.get('/api/v1/me').set(bearer(second.key))).status, 403);
  });

  it('a change made outside the application (SQL by an operator) is heard too', async () => {
    const staff = await createStaffWithToken(t, 'viewer', { email: 'replica-sql@ks.example.test' });
    await usedOnBoth(staff.token);
    await t.dataSource.query(`UPDATE api_token SET revoked_at = now() WHERE staff_id = $1`, [staff.id]);
    await eventually(async () => (await t.http.get('/api/v1/me').set(bearer(staff.token))).status, 401);
    await eventually(async () => (await other.get('/api/v1/me').set(bearer(staff.token))).status, 401);
  });

  it('answers a cached credential without a database round trip, and records its use at most once a minute', async () => {
    const staff = await createStaffWithToken(t, 'viewer', { email: 'replica-touch@ks.example.test' });
    await t.http.get('/api/v1/me').set(bearer(staff.token)).expect(200);
    const [{ last_used_at: first }] = await t.dataSource.query(`SELECT last_used_at FROM api_token WHERE staff_id = $1`, [staff.id]);
    expect(first).not.toBeNull();
    // Forget the stored look-up: a cached answer does not need it.
    await t.dataSource.query(`UPDATE api_token SET last_used_at = NULL WHERE staff_id = $1`, [staff.id]);
    for (let i = 0; i < 5; i++) await t.http.get('/api/v1/me').set(bearer(staff.token)).expect(200);
    const [{ last_used_at: after }] = await t.dataSource.query(`SELECT last_used_at FROM api_token WHERE staff_id = $1`, [staff.id]);
    expect(after).toBeNull();
  });
});

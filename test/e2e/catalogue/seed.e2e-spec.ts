import { SEED_CATALOGUE_LABEL } from '@domain/catalogue/catalogue-seed';

import { createStaffWithPassword, signIn } from '../../support/staff-session';
import { bearer, createTestApp, TestApp } from '../../support/test-app';

/** A new installation is offered the first Bilag 2 on the empty catalogue page; loading it twice changes nothing. */
describe('seed catalogue offered on an empty installation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('offers the seed to writers on the empty list, loads it once, and audits who did it', async () => {
    await createStaffWithPassword(t, 'agent@ks.example.test', 'agent');
    const agent = await signIn(t, 'agent@ks.example.test');
    const empty = await agent.get('/catalogue').expect(200);
    expect(empty.text).toContain('Last inn startkatalogen');

    await agent.post('/catalogue/seed').expect(303);
    await agent.post('/catalogue/seed').expect(303);
    const versions = await t.http.get('/api/v1/catalogue/versions').set(bearer(t.adminToken)).expect(200);
    expect(versions.body.filter((v: { label: string }) => v.label === SEED_CATALOGUE_LABEL)).toHaveLength(1);
    const inForce = await t.http.get('/api/v1/catalogue/in-force').set(bearer(t.adminToken)).expect(200);
    expect(inForce.body.services.map((s: { code: string }) => s.code)).toEqual(
      expect.arrayContaining(['summert-skattegrunnlag', 'inntekt']),
    );
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action LIKE 'catalogue%' AND actor_label = 'agent@ks.example.test'`,
    );
    expect(n).toBeGreaterThan(0);
    expect((await agent.get('/catalogue').expect(200)).text).not.toContain('Last inn startkatalogen');
  });

  it('refuses the seed to viewers', async () => {
    await createStaffWithPassword(t, 'viewer@ks.example.test', 'viewer');
    const viewer = await signIn(t, 'viewer@ks.example.test');
    await viewer.post('/catalogue/seed').expect(403);
  });
});

import { DomainEvents } from '@platform/events';

import { catalogueService, registerConsumer } from '../../support/fixtures';
import { bearer, createTestApp, TestApp } from '../../support/test-app';

describe('domain events: a published Bilag 2 version with changes proposes a notice', () => {
  let t: TestApp;
  const staff = () => bearer(t.adminToken);
  const events = () => t.get(DomainEvents);
  const rows = (): Promise<Array<{ type: string; status: string; attempts: number; last_error: string | null }>> =>
    t.dataSource.query('SELECT type, status, attempts, last_error FROM domain_event ORDER BY created_at');

  const publish = async (label: string, effectiveFrom: string, services: ReturnType<typeof catalogueService>[]) => {
    const v = await t.http.post('/api/v1/catalogue/versions').set(staff()).send({ label, effectiveFrom, services }).expect(201);
    await t.http.post(`/api/v1/catalogue/versions/${v.body.id}/publish`).set(staff()).expect(200);
    return v.body.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
  }, 180_000);
  afterAll(async () => t?.close());

  it('writes no event for the first version, and one in the publishing transaction for a version with changes', async () => {
    await publish('v1', '2020-01-01', [catalogueService('ssg'), catalogueService('inntekt')]);
    expect(await rows()).toEqual([]);
    await registerConsumer(t, 11, ['ssg']);
    await registerConsumer(t, 22, ['inntekt']);
    const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const v2 = await publish('v2', future, [
      catalogueService('ssg', { maskinportenScopes: ['skatteetaten:ssg2'] }),
      catalogueService('inntekt'),
    ]);
    expect(await rows()).toEqual([expect.objectContaining({ type: 'catalogue.version-published', status: 'pending' })]);

    // two workers at once: the event is handled once, and one draft notice results
    const handled = await Promise.all([events().process(), events().process()]);
    expect(handled.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await rows()).toEqual([expect.objectContaining({ status: 'done', attempts: 1 })]);
    const list = (await t.http.get('/api/v1/notices').set(staff()).expect(200)).body.items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      status: 'draft',
      source: `catalogue-version:${v2}`,
      services: ['ssg'],
      title: 'Endringer i Bilag 2: v2',
    });
    expect(list[0].body).toContain('Maskinporten-scopes');
    const audience = (await t.http.get(`/api/v1/notices/${list[0].id}/audience`).set(staff()).expect(200)).body;
    expect(audience.consumers).toBe(1);
    const audited = await t.dataSource.query(`SELECT actor_kind, object_id FROM audit_entry WHERE action = 'notice.proposed'`);
    expect(audited).toEqual([{ actor_kind: 'system', object_id: list[0].id }]);
  });

  it('retries a failing handler with backoff, keeping the change it reacts to, and handles it once when it succeeds', async () => {
    let fail = true;
    let calls = 0;
    events().on('test.flaky', 'test.flaky-handler', async () => {
      calls++;
      if (fail) throw new Error('not yet');
    });
    await t.dataSource.query(`INSERT INTO domain_event (type, payload) VALUES ('test.flaky', '{}')`);
    expect(await events().process()).toBe(0);
    const failed = (await rows()).find((r) => r.type === 'test.flaky');
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, last_error: 'not yet' });
    expect(await events().process()).toBe(0); // not due yet: backoff
    fail = false;
    await t.dataSource.query(`UPDATE domain_event SET next_attempt_at = now() WHERE type = 'test.flaky'`);
    expect(await events().process()).toBe(1);
    expect(await events().process()).toBe(0);
    expect(calls).toBe(2);
    expect((await rows()).find((r) => r.type === 'test.flaky')).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('refuses to publish outside a transaction', async () => {
    await expect(events().publish('test.loose', {})).rejects.toThrow(/transaction/);
  });
});

import { DomainEvents } from '@platform/events';

import { createStaffWithPassword, signIn, StaffBrowser } from '../../support/staff-session';
import { createTestApp, TestApp } from '../../support/test-app';

describe('the background jobs page (domain events)', () => {
  let t: TestApp;
  let agent: StaffBrowser;
  let viewer: StaffBrowser;
  const handled: string[] = [];

  const failedEvent = async (type: string, error: string): Promise<string> => {
    const [row] = await t.dataSource.query(
      `INSERT INTO domain_event (type, payload, status, attempts, last_error) VALUES ($1, '{"n":1}', 'failed', 8, $2) RETURNING id`,
      [type, error],
    );
    return row.id;
  };
  const status = async (id: string) => (await t.dataSource.query('SELECT status, attempts FROM domain_event WHERE id = $1', [id]))[0];

  beforeAll(async () => {
    t = await createTestApp();
    await createStaffWithPassword(t, 'agent@ks.example.test', 'agent');
    agent = await signIn(t, 'agent@ks.example.test');
    await createStaffWithPassword(t, 'viewer@ks.example.test', 'viewer');
    viewer = await signIn(t, 'viewer@ks.example.test');
    t.get(DomainEvents).on('test.retried', 'test.handler', async (payload) => {
      handled.push(JSON.stringify(payload));
    });
  }, 180_000);
  afterAll(() => t?.close());

  it('shows a failed job with its error in Norwegian context and gives it one more try, audited, once', async () => {
    const id = await failedEvent('test.retried', 'handler exploded');
    const known = await failedEvent('catalogue.version-published', 'no such version');
    const page = await agent.get('/events?status=failed').expect(200);
    const row = page.text.split('<tr>').find((r) => r.includes(`/events/${id}/retry`))!;
    expect(row).toContain('handler exploded');
    expect(row).toContain('Feilet');
    expect(page.text.split('<tr>').find((r) => r.includes(`/events/${known}/retry`))).toContain('Ny versjon av Bilag 2 publisert');
    expect(page.text).toContain('Feilet (2)');

    await agent.post(`/events/${id}/retry`).expect(303);
    expect(await status(id)).toEqual({ status: 'pending', attempts: 8 });
    const audited = await t.dataSource.query(`SELECT action, actor_kind, details FROM audit_entry WHERE object_id = $1`, [id]);
    expect(audited).toEqual([
      { action: 'domain_event.retried', actor_kind: 'staff', details: expect.objectContaining({ type: 'test.retried', attempts: 8 }) },
    ]);
    // A second press on a job that is no longer failed changes nothing and records nothing.
    await agent.post(`/events/${id}/retry`).expect(303);
    expect(await t.dataSource.query(`SELECT id FROM audit_entry WHERE object_id = $1`, [id])).toHaveLength(1);

    expect(await t.get(DomainEvents).process()).toBeGreaterThanOrEqual(1);
    expect(handled).toEqual(['{"n":1}']);
    expect((await status(id)).status).toBe('done');
  });

  it('keeps read-only staff and strangers out, and changes nothing for them', async () => {
    const id = await failedEvent('test.other', 'still broken');
    await viewer.get('/events').expect(403);
    await viewer.post(`/events/${id}/retry`).expect(403);
    expect((await status(id)).status).toBe('failed');
    expect((await t.http.get('/events')).status).toBe(303);
  });

  it('answers an id that is not a UUID with 400, and ignores an unknown status filter', async () => {
    await agent.post('/events/not-a-uuid/retry').expect(400);
    const page = await agent.get('/events?status=lost&sort=payload').expect(200);
    expect(page.text).toContain('Bakgrunnsjobber');
  });
});

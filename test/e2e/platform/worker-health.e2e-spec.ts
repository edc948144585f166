import { PASSWORD_SET_MAIL } from '@domain/identity';
import { DatabaseContext } from '@platform/database';
import { ReadPipelineStatus, RecordWorkerHeartbeat } from '@platform/heartbeat';
import { EnqueueEmail } from '@platform/mail';

import { createStaffWithPassword, signIn, StaffBrowser } from '../../support/staff-session';
import { createTestApp, TestApp } from '../../support/test-app';
import { until } from '../../support/until';

/** Whether background work goes on: the workers' heartbeats and the outbox, as monitoring and staff see them. */
describe('background work health', () => {
  let t: TestApp;
  let agent: StaffBrowser;
  let heartbeat: RecordWorkerHeartbeat;
  let serial = 0;

  const enqueue = () =>
    t.get(DatabaseContext).transaction(() =>
      t.get(EnqueueEmail).execute({
        template: PASSWORD_SET_MAIL,
        to: ['mottaker@kommune.example.test'],
        data: { name: 'Kari', link: 'https://segmentdesk.test/password/pw_x', expiresAt: new Date('2030-06-01T10:00:00Z'), reset: false },
        dedupeKey: `health:${++serial}`,
      }),
    );
  const deliveryAlert = async () =>
    /<div class="ds-alert"[^>]*id="delivery-state"[^>]*>([\s\S]*?)<\/div>/.exec((await agent.get('/mail').expect(200)).text)?.[1];

  beforeAll(async () => {
    t = await createTestApp();
    heartbeat = t.get(RecordWorkerHeartbeat);
    await createStaffWithPassword(t, 'agent@ks.example.test', 'agent');
    agent = await signIn(t, 'agent@ks.example.test');
  });
  afterAll(() => t.close());

  it('answers 503 worker_unavailable while no worker has ever beaten, and the mail page says nothing is sent', async () => {
    const res = await t.http.get('/health/worker').expect(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toMatchObject({ status: 503, code: 'worker_unavailable' });
    expect(res.body.detail).toBe('No worker is running: none has written its heartbeat for a minute.');
    expect(await deliveryAlert()).toContain('ingen arbeidsprosess kjører');
  });

  it('answers 200 once a worker beats, with the verdict alone (the backlog is for staff), and the mail page has no alert', async () => {
    await heartbeat.execute();
    await enqueue();
    const res = await t.http.get('/health/worker').expect(200);
    // A queued e-mail (a sign-in link for a registered address, say) changes nothing anyone can read here.
    expect(res.body).toEqual({ status: 'ok', worker: { status: 'up' }, mail: { status: 'up' } });
    expect(await deliveryAlert()).toBeUndefined();
  });

  it('answers 503 mail_stalled when due e-mail has waited five minutes though a worker beats', async () => {
    await t.dataSource.query(`UPDATE outbox_message SET next_attempt_at = now() - interval '6 minutes' WHERE status = 'pending'`);
    const res = await t.http.get('/health/worker').expect(503);
    expect(res.body.code).toBe('mail_stalled');
    expect(await deliveryAlert()).toMatch(/Den eldste av 1 e-post i kø har ventet i 6 minutter/);
    // Delivered, the queue is healthy again.
    expect(await t.deliverMail()).toBe(1);
    await t.http.get('/health/worker').expect(200);
  });

  it('answers 503 mail_stalled when retried e-mail has not got through for fifteen minutes, until the server takes one', async () => {
    await enqueue();
    await t.dataSource.query(
      `UPDATE outbox_message SET attempts = 4, next_attempt_at = now() + interval '5 minutes', created_at = now() - interval '20 minutes',
         last_error = '421 try again later' WHERE status = 'pending'`,
    );
    await t.dataSource.query(`UPDATE outbox_message SET sent_at = now() - interval '30 minutes' WHERE status = 'sent'`);
    const res = await t.http.get('/health/worker').expect(503);
    expect(res.body).toMatchObject({ code: 'mail_stalled', detail: expect.stringContaining('not getting through') });
    expect(await deliveryAlert()).toMatch(/E-post kommer ikke fram.*1 e-post prøves på nytt/s);
    // The server takes another message: delivery makes progress, though this one is still retried.
    await t.dataSource.query(`UPDATE outbox_message SET sent_at = now() WHERE status = 'sent'`);
    await t.http.get('/health/worker').expect(200);
    await t.dataSource.query(`UPDATE outbox_message SET status = 'sent', sent_at = now() WHERE status = 'pending'`);
  });

  it('counts e-mail given up on without calling delivery down, and points staff to it', async () => {
    await enqueue();
    await t.dataSource.query(`UPDATE outbox_message SET status = 'failed', attempts = 3 WHERE status = 'pending'`);
    await t.http.get('/health/worker').expect(200);
    const page = (await agent.get('/mail').expect(200)).text;
    expect(page).toContain('1 e-post ble ikke levert og venter på at noen sender den på nytt.');
    expect(page).toContain('href="/mail?status=failed"');
  });

  it('takes a worker that stopped beating a minute ago for gone, and names when it was last seen', async () => {
    await t.dataSource.query(`UPDATE worker_heartbeat SET seen_at = now() - interval '61 seconds'`);
    const res = await t.http.get('/health/worker').expect(503);
    expect(res.body.code).toBe('worker_unavailable');
    expect(await deliveryAlert()).toContain('En arbeidsprosess ble sist sett');
  });

  it('answers calls that arrive while a read is under way from that read, and reads again for the next', async () => {
    await heartbeat.execute();
    const pipeline = t.get(ReadPipelineStatus);
    const read = pipeline.execute.bind(pipeline);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The first read waits until every call has arrived, so they surely overlap.
    const reads = jest.spyOn(pipeline, 'execute').mockImplementationOnce(() => held.then(read));
    const calls = jest.spyOn(pipeline, 'check');
    try {
      const answers = Promise.all(Array.from({ length: 20 }, () => t.http.get('/health/worker').then((r) => r.status)));
      await until(() => calls.mock.calls.length === 20);
      release();
      expect(await answers).toEqual(Array(20).fill(200));
      expect(reads).toHaveBeenCalledTimes(1);
      await t.http.get('/health/worker').expect(200);
      expect(reads).toHaveBeenCalledTimes(2);
    } finally {
      reads.mockRestore();
      calls.mockRestore();
    }
  });

  it('forgets a worker that says it stops', async () => {
    await heartbeat.execute();
    await t.http.get('/health/worker').expect(200);
    await heartbeat.stopped();
    expect(await t.dataSource.query('SELECT 1 FROM worker_heartbeat')).toHaveLength(0);
    expect((await t.http.get('/health/worker').expect(503)).body.code).toBe('worker_unavailable');
    // A beat after it stopped (a tick that came late) writes nothing.
    await heartbeat.execute();
    expect(await t.dataSource.query('SELECT 1 FROM worker_heartbeat')).toHaveLength(0);
  });

  it('forgets workers gone for a week, and keeps the others for "last seen"', async () => {
    await t.dataSource.query(
      `INSERT INTO worker_heartbeat (worker_id, host, pid, started_at, seen_at) VALUES
         ('gone-long', 'old-host', 1, now() - interval '9 days', now() - interval '8 days'),
         ('gone-lately', 'old-host', 2, now() - interval '2 days', now() - interval '1 day'),
         ('running', 'host', 3, now() - interval '1 hour', now())`,
    );
    expect(await heartbeat.forgetGone()).toBe(1);
    const left = await t.dataSource.query('SELECT worker_id FROM worker_heartbeat ORDER BY worker_id');
    expect(left.map((r: { worker_id: string }) => r.worker_id)).toEqual(['gone-lately', 'running']);
  });

  it('documents the route in the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths['/health/worker'].get.responses)).toEqual(expect.arrayContaining(['200', '503']));
  });
});

import { PASSWORD_SET_MAIL, type PasswordSetMail } from '@domain/identity';
import { ESCALATION_CLOSED_MAIL } from '@domain/incidents';
import { DatabaseContext } from '@platform/database';
import { DomainEvents } from '@platform/events';
import { defineMailTemplate, DeliverOutbox, EmailRequest, EnqueueEmail, ListOutboxMessages } from '@platform/mail';
import { MailTransport } from '@platform/mail/mail-transport';
import { OutboxRepository } from '@platform/mail/outbox.repository';
import { SMTPServer } from 'smtp-server';

import { OutboxWorker } from '../../../apps/worker/src/outbox.worker';
import { SmtpCapture } from '../../support/smtp-capture';
import { createStaffWithPassword, signIn, StaffBrowser } from '../../support/staff-session';
import { bearer, createTestApp, TestApp } from '../../support/test-app';
import { until } from '../../support/until';

interface Row {
  id: string;
  message_id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  template: string;
  transport: string | null;
  claimed_by: string | null;
  sent_at: Date | null;
}

const SEND_TIMEOUT_MS = 1_500;

describe('e-mail outbox', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let agent: StaffBrowser;
  let admin: StaffBrowser;
  let serial = 0;

  const request = (overrides: Partial<EmailRequest<PasswordSetMail>> = {}): EmailRequest<PasswordSetMail> => ({
    template: PASSWORD_SET_MAIL,
    to: ['mottaker@kommune.example.test'],
    data: { name: 'Kari', link: 'https://segmentdesk.test/password/pw_x', expiresAt: new Date('2030-06-01T10:00:00Z'), reset: false },
    dedupeKey: `test:${++serial}:${Date.now()}`,
    ...overrides,
  });
  const enqueue = (req: EmailRequest<PasswordSetMail>) => t.get(DatabaseContext).transaction(() => t.get(EnqueueEmail).execute(req));
  const row = async (messageId: string): Promise<Row> =>
    (await t.dataSource.query(`SELECT * FROM outbox_message WHERE message_id = $1`, [messageId]))[0];
  const received = (messageId: string) => smtp.messages.filter((m) => m.parsed.messageId === messageId);

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({ SMTP_URL: smtp.url, OUTBOX_SEND_TIMEOUT_MS: String(SEND_TIMEOUT_MS) });
    await createStaffWithPassword(t, 'agent@ks.example.test', 'agent');
    agent = await signIn(t, 'agent@ks.example.test');
    await createStaffWithPassword(t, 'admin2@ks.example.test', 'admin');
    admin = await signIn(t, 'admin2@ks.example.test');
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('sends nothing from the transaction; delivery sends the stored message with its threading headers', async () => {
    const { messageId, created } = await enqueue(
      request({
        to: ['Mottaker@Kommune.example.test', 'mottaker@kommune.example.test', 'kopi@kommune.example.test'],
        data: {
          name: 'Åse <Ærlig> & Øyvind',
          link: 'https://segmentdesk.test/password/pw_a?x=1&y=2',
          expiresAt: new Date('2030-06-01T10:00:00Z'),
          reset: true,
        },
        inReplyTo: '<root-1@segmentdesk.test>',
        references: ['<root-1@segmentdesk.test>', '<reply-1@segmentdesk.test>'],
        related: { type: 'incident', id: 'inc-1' },
      }),
    );
    expect(created).toBe(true);
    expect(messageId).toMatch(/^<[0-9a-f-]{36}@segmentdesk\.test>$/);
    expect((await row(messageId)).status).toBe('pending');
    expect(received(messageId)).toHaveLength(0);

    expect(await t.deliverMail()).toBeGreaterThanOrEqual(1);
    const [mail] = received(messageId);
    expect(received(messageId)).toHaveLength(1);
    expect(mail.envelopeTo.sort()).toEqual(['kopi@kommune.example.test', 'mottaker@kommune.example.test']);
    expect(mail.parsed.from?.text).toBe('segment@ks.example.test');
    expect(mail.parsed.inReplyTo).toBe('<root-1@segmentdesk.test>');
    expect([mail.parsed.references].flat()).toEqual(['<root-1@segmentdesk.test>', '<reply-1@segmentdesk.test>']);
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.parsed.subject).toBe('Tilbakestill passordet ditt i segmentdesken');
    expect(mail.parsed.text).toContain('Hei Åse <Ærlig> & Øyvind,');
    expect(mail.parsed.text).toContain('Velg passord: https://segmentdesk.test/password/pw_a?x=1&y=2');
    expect(mail.parsed.html).toContain('Hei Åse &lt;Ærlig&gt; &amp; Øyvind,');
    expect(mail.parsed.html).not.toContain('<Ærlig>');

    const sent = await row(messageId);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, transport: 'smtp', last_error: null });
    expect(sent.sent_at).not.toBeNull();
    const [byRelation] = await t.get(ListOutboxMessages).execute({ relatedType: 'incident', relatedId: 'inc-1' });
    expect(byRelation.messageId).toBe(messageId);
  });

  it('marks no message a person at KS sends to Skatteetaten as automatic, so its acknowledgement comes back', async () => {
    const { messageId } = await t.get(DatabaseContext).transaction(() =>
      t.get(EnqueueEmail).execute({
        template: ESCALATION_CLOSED_MAIL,
        to: ['drift@skatteetaten.example.test'],
        data: {
          reference: 'KS-2030-0001',
          title: 'Inntekt svarer 503',
          threadSubject: null,
          message: 'Rettet.',
          followedElsewhere: false,
          consumerCount: 2,
          skeCaseReference: null,
          mergedThreads: [],
        },
        dedupeKey: `test:${++serial}:${Date.now()}`,
      }),
    );
    await t.deliverMail();
    const [mail] = received(messageId);
    expect(mail.parsed.headers.has('auto-submitted')).toBe(false);
  });

  it('enqueues one row and sends one e-mail for the same dedupe key', async () => {
    const req = request();
    const first = await enqueue(req);
    const second = await enqueue({ ...req, data: { ...req.data, name: 'Someone else' } });
    expect(second).toEqual({ messageId: first.messageId, created: false });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE dedupe_key = $1`, [req.dedupeKey]);
    expect(n).toBe(1);
    await t.deliverMail();
    await t.deliverMail();
    expect(received(first.messageId)).toHaveLength(1);
    expect(received(first.messageId)[0].parsed.text).toContain('Hei Kari,');
  });

  it('keeps no row when the transaction that enqueued it rolls back', async () => {
    const req = request();
    await expect(
      t.get(DatabaseContext).transaction(async () => {
        await t.get(EnqueueEmail).execute(req);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.dataSource.query(`SELECT id FROM outbox_message WHERE dedupe_key = $1`, [req.dedupeKey])).toEqual([]);
  });

  it('refuses a message without recipients or with an unknown template', async () => {
    await expect(enqueue(request({ to: [' '] }))).rejects.toThrow(/no recipients/);
    await expect(enqueue(request({ template: defineMailTemplate<PasswordSetMail>('no-such-template', __dirname) }))).rejects.toThrow(
      /No e-mail template named no-such-template/,
    );
  });

  it('retries with backoff while the mail server is down, then delivers exactly once', async () => {
    const { messageId } = await enqueue(request());
    const port = smtp.port;
    await smtp.stop();

    await t.deliverMail();
    const failed = await row(messageId);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, transport: null });
    expect(failed.last_error).toBeTruthy();
    const [{ later, bounded }] = await t.dataSource.query(
      `SELECT next_attempt_at > now() + interval '2 seconds' AS later, next_attempt_at < now() + interval '6 seconds' AS bounded FROM outbox_message WHERE message_id = $1`,
      [messageId],
    );
    expect({ later, bounded }).toEqual({ later: true, bounded: true });
    // Not due yet: another pass leaves it alone.
    expect(await t.deliverMail()).toBe(0);
    expect((await row(messageId)).attempts).toBe(1);

    await smtp.start(port);
    await t.dataSource.query(`UPDATE outbox_message SET next_attempt_at = now() WHERE message_id = $1`, [messageId]);
    await t.deliverMail();
    await t.deliverMail();
    expect(received(messageId)).toHaveLength(1);
    expect(await row(messageId)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('gives up on a message that has failed for too long, shows it as failed and can retry it', async () => {
    const { messageId } = await enqueue(request({ dedupeKey: `give-up:${Date.now()}` }));
    await t.dataSource.query(
      `UPDATE outbox_message SET created_at = now() - ($2::bigint * interval '1 millisecond') - interval '1 minute' WHERE message_id = $1`,
      [messageId, t.config.outbox.giveUpAfterMs],
    );
    const port = smtp.port;
    await smtp.stop();
    try {
      await t.deliverMail();
    } finally {
      await smtp.start(port);
    }
    const failed = await row(messageId);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.last_error).toBeTruthy();
    expect(await t.deliverMail()).toBe(0);

    const listed = await t.get(ListOutboxMessages).execute({ status: 'failed' });
    expect(listed.map((m) => m.messageId)).toContain(messageId);
    const page = await agent.get('/mail?status=failed').expect(200);
    const rowHtml = page.text.split('<tr>').find((r) => r.includes(`/mail/${failed.id}`))!;
    expect(rowHtml).toContain('Feilet');
    const detail = await admin.get(`/mail/${failed.id}`).expect(200);
    expect(detail.text).toContain('Prøv igjen');
    expect(detail.text).toContain(messageId.replace(/</g, '&lt;').replace(/>/g, '&gt;'));

    await agent.post(`/mail/${failed.id}/retry`).expect(303);
    expect((await row(messageId)).status).toBe('pending');
    const audited = await t.dataSource.query(`SELECT action, actor_kind, details FROM audit_entry WHERE object_id = $1`, [failed.id]);
    expect(audited).toEqual([
      { action: 'mail.retried', actor_kind: 'staff', details: expect.objectContaining({ template: failed.template, attempts: 1 }) },
    ]);
    // Retrying what has not failed changes nothing and records nothing.
    await agent.post(`/mail/${failed.id}/retry`).expect(303);
    expect(await t.dataSource.query(`SELECT id FROM audit_entry WHERE object_id = $1`, [failed.id])).toHaveLength(1);
    await t.deliverMail();
    expect(received(messageId)).toHaveLength(1);
    expect((await row(messageId)).status).toBe('sent');
  });

  it('reclaims a row whose worker died while sending, but not one being sent right now', async () => {
    const stale = await enqueue(request());
    const fresh = await enqueue(request());
    await t.dataSource.query(
      `UPDATE outbox_message SET status = 'sending', claimed_by = 'crashed-worker', claimed_at = now() - interval '10 minutes', attempts = 1 WHERE message_id = $1`,
      [stale.messageId],
    );
    await t.dataSource.query(
      `UPDATE outbox_message SET status = 'sending', claimed_by = 'busy-worker', claimed_at = now(), attempts = 1 WHERE message_id = $1`,
      [fresh.messageId],
    );

    await t.deliverMail();
    expect(received(stale.messageId)).toHaveLength(1);
    expect(await row(stale.messageId)).toMatchObject({ status: 'sent', attempts: 2, claimed_by: t.get(DeliverOutbox).workerId });
    expect(received(fresh.messageId)).toHaveLength(0);
    expect(await row(fresh.messageId)).toMatchObject({ status: 'sending', claimed_by: 'busy-worker' });
    // The slow worker's late outcome is not lost.
    await t.get(OutboxRepository).markSent([(await row(fresh.messageId)).id], 'busy-worker', 'smtp');
    expect((await row(fresh.messageId)).status).toBe('sent');
  });

  it('lets a message the server stalls on hold up one lane only, aborts it at the send timeout and tries it again', async () => {
    const stalledAddress = 'treg@kommune.example.test';
    smtp.stallFor = (to) => to.includes(stalledAddress);
    const worker = new OutboxWorker(t.get(DeliverOutbox), t.config);
    try {
      const stalled = await enqueue(request({ to: [stalledAddress] }));
      const others: string[] = [];
      for (let i = 0; i < 8; i++) others.push((await enqueue(request({ to: [`rask${i}@kommune.example.test`] }))).messageId);
      worker.onApplicationBootstrap();
      await until(async () => others.every((id) => received(id).length === 1));
      // All the others went while the stalled one was still in its send.
      expect(await row(stalled.messageId)).toMatchObject({ status: 'sending', attempts: 1 });
      const started = Date.now();
      await until(async () => (await row(stalled.messageId)).status === 'pending');
      expect(Date.now() - started).toBeLessThan(SEND_TIMEOUT_MS + 2_000);
      expect((await row(stalled.messageId)).last_error).toMatch(/abort/i);
      const rows: Array<{ status: string; attempts: number }> = await t.dataSource.query(
        `SELECT status, attempts FROM outbox_message WHERE message_id = ANY($1)`,
        [others],
      );
      expect(rows.map((r) => [r.status, r.attempts])).toEqual(others.map(() => ['sent', 1]));

      smtp.stallFor = null;
      await t.dataSource.query(`UPDATE outbox_message SET next_attempt_at = now() WHERE message_id = $1`, [stalled.messageId]);
      await until(async () => (await row(stalled.messageId)).status === 'sent');
      expect(received(stalled.messageId)).toHaveLength(1);
      expect((await row(stalled.messageId)).attempts).toBe(2);
    } finally {
      smtp.stallFor = null;
      await worker.beforeApplicationShutdown();
    }
  });

  it('gives up at once on a message the server refuses for good (5xx)', async () => {
    const refused = 'finnes.ikke@kommune.example.test';
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 100,
      onRcptTo: (address, _session, callback) =>
        callback(address.address === refused ? Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }) : undefined),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server as unknown as { server: { address(): { port: number } } }).server.address().port;
    const transport = new MailTransport({ ...t.config, smtpUrl: `smtp://127.0.0.1:${port}` });
    try {
      const { messageId } = await enqueue(request({ to: [refused] }));
      while (
        (await new DeliverOutbox(t.get(OutboxRepository), transport, t.config, t.get(DatabaseContext), t.get(DomainEvents)).execute()) > 0
      ) {
        /* until nothing is due */
      }
      const failed = await row(messageId);
      expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
      expect(failed.last_error).toContain('550');
    } finally {
      transport.onApplicationShutdown();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('takes back its own claim that was lost on the way (committed, but the answer never came), once older than a send', async () => {
    const worker = t.get(DeliverOutbox);
    const lost = await enqueue(request());
    const recent = await enqueue(request());
    const claim = (messageId: string, secondsAgo: number) =>
      t.dataSource.query(
        `UPDATE outbox_message SET status = 'sending', claimed_by = $2, claimed_at = now() - ($3::int * interval '1 second'), attempts = 1
         WHERE message_id = $1`,
        [messageId, worker.workerId, secondsAgo],
      );
    await claim(lost.messageId, Math.ceil((3 * SEND_TIMEOUT_MS) / 1000));
    await claim(recent.messageId, 0);
    await t.deliverMail();
    expect(received(lost.messageId)).toHaveLength(1);
    expect(await row(lost.messageId)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(received(recent.messageId)).toHaveLength(0);
    expect(await row(recent.messageId)).toMatchObject({ status: 'sending', attempts: 1 });
    await t.dataSource.query(`UPDATE outbox_message SET status = 'sent' WHERE message_id = $1`, [recent.messageId]);
  });

  it('records the messages a lane sent by its next claim, and never takes them back as lost claims', async () => {
    const outbox = t.get(OutboxRepository);
    const worker = 'lane-worker';
    const sent = await enqueue(request());
    const due = await enqueue(request());
    // Sent long ago by this worker: without the record, the claim would take it back as a lost claim.
    await t.dataSource.query(
      `UPDATE outbox_message SET status = 'sending', claimed_by = $2, claimed_at = now() - interval '1 hour', attempts = 1
       WHERE message_id = $1`,
      [sent.messageId, worker],
    );
    const sentId = (await row(sent.messageId)).id;
    const claimed = await outbox.claimDue(worker, 5, t.config.outbox, [], { ids: [sentId], transport: 'smtp' });
    expect(claimed.map((m) => m.messageId)).toContain(due.messageId);
    expect(claimed.map((m) => m.messageId)).not.toContain(sent.messageId);
    expect(await row(sent.messageId)).toMatchObject({ status: 'sent', attempts: 1, transport: 'smtp' });
    expect((await row(sent.messageId)).sent_at).not.toBeNull();
    // Another worker's sent row is not its to record.
    const dueId = (await row(due.messageId)).id;
    await outbox.claimDue('other-worker', 5, t.config.outbox, [], { ids: [dueId], transport: 'smtp' });
    expect(await row(due.messageId)).toMatchObject({ status: 'sending', claimed_by: worker });
    await outbox.markSent([dueId], worker, 'smtp');
  });

  it('records the last messages its lanes sent when the worker stops', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await enqueue(request({ to: [`stopp${i}@kommune.example.test`] }))).messageId);
    const worker = new OutboxWorker(t.get(DeliverOutbox), t.config);
    // Stopping while the server takes the last message: no lane claims again to record it.
    let stopped: Promise<void> | null = null;
    smtp.onAccept = () => {
      if (ids.every((id) => received(id).length === 1)) stopped ??= worker.beforeApplicationShutdown();
    };
    try {
      worker.onApplicationBootstrap();
      await until(async () => stopped !== null);
      await stopped;
    } finally {
      smtp.onAccept = null;
      await worker.beforeApplicationShutdown();
    }
    const rows: Array<{ status: string }> = await t.dataSource.query(`SELECT status FROM outbox_message WHERE message_id = ANY($1)`, [ids]);
    expect(rows.map((r) => r.status)).toEqual(ids.map(() => 'sent'));
  });

  it('sends each message exactly once when several workers deliver at the same time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await enqueue(request({ to: [`kommune${i}@kommune.example.test`] }))).messageId);
    const first = t.get(DeliverOutbox);
    const second = new DeliverOutbox(t.get(OutboxRepository), t.get(MailTransport), t.config, t.get(DatabaseContext), t.get(DomainEvents));
    expect(second.workerId).not.toBe(first.workerId);
    const drain = async (worker: DeliverOutbox) => {
      while ((await worker.execute()) > 0) {
        /* until nothing is due */
      }
    };
    await Promise.all([drain(first), drain(second), drain(first), drain(second)]);

    expect(ids.map((id) => received(id).length)).toEqual(ids.map(() => 1));
    const rows: Array<{ status: string; attempts: number }> = await t.dataSource.query(
      `SELECT status, attempts FROM outbox_message WHERE message_id = ANY($1)`,
      [ids],
    );
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('without SMTP_URL keeps the message as delivered locally, readable in the mail view', async () => {
    const local = new DeliverOutbox(
      t.get(OutboxRepository),
      new MailTransport({ ...t.config, smtpUrl: null }),
      t.config,
      t.get(DatabaseContext),
      t.get(DomainEvents),
    );
    const { messageId } = await enqueue(
      request({ data: { name: 'Lokal <Leser>', link: 'https://segmentdesk.test/password/pw_l', expiresAt: new Date(), reset: false } }),
    );
    while ((await local.execute()) > 0) {
      /* until nothing is due */
    }
    const sent = await row(messageId);
    expect(sent).toMatchObject({ status: 'sent', transport: 'local', attempts: 1 });
    expect(received(messageId)).toHaveLength(0);

    const list = await agent.get('/mail').expect(200);
    const rowHtml = list.text.split('<tr>').find((r) => r.includes(`/mail/${sent.id}`))!;
    expect(rowHtml).toContain('Sendt (lokalt)');
    const detail = await admin.get(`/mail/${sent.id}`).expect(200);
    expect(detail.text).toContain('Hei Lokal &lt;Leser&gt;,');
    const html = await admin.get(`/mail/${sent.id}/html`).expect(200);
    expect(html.headers['content-security-policy']).toContain('sandbox');
    expect(html.text).toContain('Hei Lokal &lt;Leser&gt;,');
  });

  it('lists the outbox as JSON for operators, without content', async () => {
    const res = await t.http.get('/api/v1/outbox?status=sent&limit=5').set(bearer(t.adminToken)).expect(200);
    expect(res.body).toHaveLength(5);
    expect(res.body.every((m: { status: string }) => m.status === 'sent')).toBe(true);
    expect(res.body[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        messageId: expect.any(String),
        template: 'password-set',
        subject: expect.any(String),
        attempts: 1,
      }),
    );
    expect(res.body[0]).not.toHaveProperty('text');
    expect(res.body[0]).not.toHaveProperty('html');
    const bad = await t.http.get('/api/v1/outbox?status=lost&limit=0').set(bearer(t.adminToken)).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['limit', 'status']);
    await t.http.get('/api/v1/outbox').expect(401);
  });

  it('lets only admins read e-mails that carry a one-time link', async () => {
    const { messageId } = await enqueue(
      request({ data: { name: 'Ny', link: 'https://segmentdesk.test/password/pw_secret', expiresAt: new Date(), reset: false } }),
    );
    const { id } = await row(messageId);
    const asAdmin = await t.http.get(`/api/v1/outbox/${id}`).set(bearer(t.adminToken)).expect(200);
    expect(asAdmin.body.text).toContain('https://segmentdesk.test/password/pw_secret');
    expect(asAdmin.body.messageId).toBe(messageId);

    const forbidden = await agent.get(`/api/v1/outbox/${id}`).expect(403);
    expect(forbidden.body.code).toBe('credential_mail');
    await agent.get(`/mail/${id}`).expect(403);
    const frame = await agent.get(`/mail/${id}/html`).expect(403);
    expect(frame.text).not.toContain('pw_secret');
    // The list still shows that it exists.
    expect((await agent.get('/mail').expect(200)).text).toContain(`/mail/${id}`);
  });

  it('shows the mail view to staff who write, not to read-only users', async () => {
    await createStaffWithPassword(t, 'viewer@ks.example.test', 'viewer');
    await (await signIn(t, 'viewer@ks.example.test')).get('/mail').expect(403);
  });
});

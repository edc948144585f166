import { PASSWORD_SET_MAIL } from '@domain/identity';
import { DatabaseContext } from '@platform/database';
import { DomainEvents } from '@platform/events';
import { DeliverOutbox, EnqueueEmail } from '@platform/mail';
import { MailTransport } from '@platform/mail/mail-transport';
import { OutboxRepository } from '@platform/mail/outbox.repository';
import { Client } from 'pg';

import { SmtpCapture } from '../../support/smtp-capture';
import { createTestApp, TestApp } from '../../support/test-app';

const SEND_TIMEOUT_MS = 1_500;

/**
 * Taking over another worker's rows on the server, where each live worker holds a session lock
 * (its lease): a free lease means the worker is gone, but only once the row was claimed longer ago
 * than a send can take, since a worker whose lease connection was cut (a terminated backend, a
 * database restart) may still be in the middle of that send.
 */
describe('e-mail outbox: taking over another worker’s rows', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let serial = 0;
  /** A worker as the worker process runs it: in-process tests leave DATABASE_URL unset, and with it the leases. */
  let worker: DeliverOutbox;
  const deliverMail = async () => {
    while ((await worker.execute()) > 0) {
      /* until nothing is due */
    }
  };

  const enqueue = async () =>
    (
      await t.get(DatabaseContext).transaction(() =>
        t.get(EnqueueEmail).execute({
          template: PASSWORD_SET_MAIL,
          to: ['mottaker@kommune.example.test'],
          data: { name: 'Kari', link: 'https://segmentdesk.test/password/pw_x', expiresAt: new Date('2030-06-01T10:00:00Z'), reset: false },
          dedupeKey: `lease:${++serial}:${Date.now()}`,
        }),
      )
    ).messageId;
  const claimAs = (messageId: string, worker: string, secondsAgo: number) =>
    t.dataSource.query(
      `UPDATE outbox_message SET status = 'sending', claimed_by = $2, claimed_at = now() - ($3::int * interval '1 second'), attempts = 1
       WHERE message_id = $1`,
      [messageId, worker, secondsAgo],
    );
  const status = async (messageId: string) =>
    (await t.dataSource.query(`SELECT status, claimed_by FROM outbox_message WHERE message_id = $1`, [messageId]))[0];

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({ SMTP_URL: smtp.url, OUTBOX_SEND_TIMEOUT_MS: String(SEND_TIMEOUT_MS) });
    const config = { ...t.config, databaseUrl: t.db.url };
    worker = new DeliverOutbox(
      new OutboxRepository(t.get(DatabaseContext), config),
      t.get(MailTransport),
      config,
      t.get(DatabaseContext),
      t.get(DomainEvents),
    );
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('takes a row whose worker’s lease is free once it was claimed longer ago than a send can take, and not before', async () => {
    const justClaimed = await enqueue();
    const claimedLongAgo = await enqueue();
    await claimAs(justClaimed, 'worker-that-lost-its-lease', 0);
    await claimAs(claimedLongAgo, 'worker-that-died', Math.ceil((4 * SEND_TIMEOUT_MS) / 1000));
    await deliverMail();
    expect(await status(justClaimed)).toEqual({ status: 'sending', claimed_by: 'worker-that-lost-its-lease' });
    expect(await status(claimedLongAgo)).toMatchObject({ status: 'sent' });
    expect(smtp.messages.filter((m) => m.parsed.messageId === justClaimed)).toHaveLength(0);
  });

  it('leaves a row to a live worker that holds its lease, however long ago it claimed it (up to the claim timeout)', async () => {
    const held = await enqueue();
    const lease = new Client({ connectionString: t.db.url });
    await lease.connect();
    try {
      await lease.query(`SELECT pg_advisory_lock(hashtextextended('outbox-worker:' || $1::text, 0))`, ['live-worker']);
      await claimAs(held, 'live-worker', 60);
      await deliverMail();
      expect(await status(held)).toEqual({ status: 'sending', claimed_by: 'live-worker' });
    } finally {
      await lease.end();
    }
    // Its connection gone, the lease is free: the row is taken over.
    await deliverMail();
    expect(await status(held)).toMatchObject({ status: 'sent' });
  });
});

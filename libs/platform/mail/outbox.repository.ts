import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import { DatabaseContext, orderOf, type Page, type PageRequest, pageWindow } from '@platform/database';
import type { QueryRunner } from 'typeorm';

import { OutboxMessage, OutboxStatus } from './outbox-message.entity';

export type NewOutboxMessage = Pick<
  OutboxMessage,
  'messageId' | 'dedupeKey' | 'template' | 'to' | 'subject' | 'html' | 'text' | 'inReplyTo' | 'references' | 'relatedType' | 'relatedId'
>;

/** What waits in the outbox (OutboxRepository.backlog), read on the database's clock. */
export interface OutboxBacklog {
  /** Queued messages whose time to be sent has come. */
  due: number;
  /** Since when the longest-waiting of those has been due; null when none is. */
  oldestDueAt: Date | null;
  /** Messages that failed at least once and wait for another attempt. */
  retrying: number;
  /** When the longest-retrying of those was queued; null when none is. */
  oldestRetryingSince: Date | null;
  /** When the mail server last took a message; null when it never did. */
  lastSentAt: Date | null;
  /** Messages given up on, waiting for staff to send them again. */
  failed: number;
}

/**
 * Where one message's delivery stands: queued (not yet tried), sending, sent, retrying (tried and
 * failed, tried again at `nextAttemptAt`) or failed (given up, or refused for good).
 */
export interface MailDelivery {
  outboxId: string;
  state: 'queued' | 'sending' | 'sent' | 'retrying' | 'failed';
  attempts: number;
  /** Why the last attempt failed (the SMTP server's reply); null once sent. */
  lastError: string | null;
  nextAttemptAt: Date | null;
}

/** One message we sent, as a reply to it is threaded: by its Message-ID to what it was about. */
export interface OutboundThreadEntry {
  messageId: string;
  template: string;
  relatedType: string | null;
  relatedId: string | null;
}

export type OutboxSort = 'created' | 'subject' | 'status' | 'attempts';

const OUTBOX_ORDER: Record<OutboxSort, string> = {
  created: 'm.created_at',
  subject: 'm.subject',
  status: 'm.status',
  attempts: 'm.attempts',
};

/**
 * The statement that stores `message` unless its dedupe key is taken, its values appended to
 * `params`. A use case that stores its subject and the message in one statement uses it as a
 * data-modifying CTE: `lateBound` then names text in the rendered message that stands for a value
 * the database assigns in that same statement (`column` of the CTE `from`, e.g. a new reference).
 */
export function outboxInsertSql(
  message: NewOutboxMessage,
  params: unknown[],
  lateBound?: { from: string; placeholder: string; column: string },
): string {
  const bind = (value: unknown) => `$${params.push(value)}`;
  const placeholder = lateBound && bind(lateBound.placeholder);
  const rendered = (value: string) =>
    lateBound ? `replace(${bind(value)}::text, ${placeholder}::text, ${lateBound.from}.${lateBound.column})` : bind(value);
  const values = [
    bind(message.messageId),
    bind(message.dedupeKey),
    bind(message.template),
    `${bind(message.to)}::text[]`,
    rendered(message.subject),
    rendered(message.html),
    rendered(message.text),
    bind(message.inReplyTo),
    `${bind(message.references)}::text[]`,
    bind(message.relatedType),
    bind(message.relatedId),
  ].join(', ');
  return `INSERT INTO outbox_message (message_id, dedupe_key, template, to_addresses, subject, html, text, in_reply_to, "references", related_type, related_id)
       ${lateBound ? `SELECT ${values} FROM ${lateBound.from}` : `VALUES (${values})`}
       ON CONFLICT (dedupe_key) DO NOTHING`;
}

/**
 * How long ago a row must have been claimed (or touched, just before its send) before a free lease
 * means its worker is gone: longer than a send can take (nodemailer aborts it at the send timeout)
 * and the writing of its outcome, so a live worker that lost its lease connection has finished.
 */
const sendBound = (sendTimeoutMs: number) => 2 * sendTimeoutMs;

/** What a claim returns of each row: what its send needs, under the entity's names (one statement, no read after it). */
const CLAIMED_COLUMNS = [
  'id',
  'message_id AS "messageId"',
  'template',
  'to_addresses AS "to"',
  'subject',
  'html',
  'text',
  'in_reply_to AS "inReplyTo"',
  '"references"',
  'related_type AS "relatedType"',
  'related_id AS "relatedId"',
  'status',
  'attempts',
  'created_at AS "createdAt"',
].join(', ');

/** Records messages a worker sent, given the parameters of their ids, the worker and the transport. */
const markSentSql = (ids: string, worker: string, transport: string) =>
  `UPDATE outbox_message SET status = 'sent', sent_at = now(), transport = ${transport}, last_error = NULL, claimed_at = NULL
   WHERE id = ANY(${ids}::uuid[]) AND claimed_by = ${worker} AND status = 'sending'`;

/** Messages the worker has sent whose outcome a claim records (see claimDue). */
export interface SentMessages {
  ids: readonly string[];
  transport: string;
}

/** How often a worker asks whether its lease's connection is still there (its loss is also heard at once, by the 'end' event). */
const LEASE_CHECK_MS = 5_000;

/** The session lock a live worker holds; its claimed rows are orphaned once nobody holds it. */
const lease = (worker: string) => `hashtextextended('outbox-worker:' || ${worker}, 0)`;

@Injectable()
export class OutboxRepository {
  private lease: QueryRunner | null = null;
  private leasing: Promise<void> | null = null;
  /** When the lease's connection was last seen alive; it is asked again after LEASE_CHECK_MS. */
  private leaseCheckedAt = 0;

  constructor(
    private readonly db: DatabaseContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Holds, on a connection of its own, a session lock named after the worker. PostgreSQL drops it
   * when that connection goes, so when a worker dies other workers see that the rows it had
   * claimed are nobody's once a send would have ended (two send timeouts after the claim, instead
   * of the claim timeout). Taken again when the connection was lost. The embedded database is one
   * process and one session: nothing to hold there.
   */
  holdLease(workerId: string): Promise<void> {
    if (!this.leaseCheckDue()) return Promise.resolve();
    // One at a time: the worker's lanes ask together, and a second session asking for the lock
    // would wait for the first one's for ever.
    this.leasing ??= this.takeLease(workerId).finally(() => (this.leasing = null));
    return this.leasing;
  }

  /** Whether holdLease will ask the database (and may wait for it), rather than answer at once. */
  leaseCheckDue(): boolean {
    return !!this.config.databaseUrl && !(this.lease && Date.now() - this.leaseCheckedAt < LEASE_CHECK_MS);
  }

  private async takeLease(workerId: string): Promise<void> {
    if (this.lease) {
      const alive = await this.lease.query('SELECT 1').then(
        () => true,
        () => false,
      );
      if (alive) {
        this.leaseCheckedAt = Date.now();
        return;
      }
      await this.lease.release().catch(() => undefined);
      this.lease = null;
    }
    const runner = this.db.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.query(`SELECT pg_advisory_lock(${lease('$1::text')})`, [workerId]);
    } catch (e) {
      await runner.release().catch(() => undefined);
      throw e;
    }
    this.lease = runner;
    this.leaseCheckedAt = Date.now();
    // A lost connection (a terminated backend, a restart) is taken again at the next pass, not after the next check.
    const connection = (runner as unknown as { databaseConnection?: { once(event: 'end', listener: () => void): unknown } })
      .databaseConnection;
    connection?.once('end', () => {
      if (this.lease === runner) this.lease = null;
    });
  }

  /** Inserts unless a message with the same dedupe key exists; returns the stored Message-ID. */
  async insertOnce(message: NewOutboxMessage): Promise<{ messageId: string; created: boolean }> {
    const params: unknown[] = [];
    const inserted: Array<{ message_id: string }> = await this.db.manager.query(
      `${outboxInsertSql(message, params)} RETURNING message_id`,
      params,
    );
    if (inserted.length) return { messageId: inserted[0].message_id, created: true };
    const existing = await this.db.repository(OutboxMessage).findOneByOrFail({ dedupeKey: message.dedupeKey });
    return { messageId: existing.messageId, created: false };
  }

  /**
   * Claims due rows, and rows whose worker died (its lease is free, and the row was claimed longer
   * ago than a send can take) or stopped answering (claimed longer ago than the claim timeout), so
   * no two workers send one row at once. A free lease alone is not enough: a worker whose lease
   * connection was cut (a database restart, a terminated backend) is still alive and may be in the
   * middle of the send; it takes its lease again before its next claim. A row taken over from a
   * dead worker may have reached the SMTP server already: it goes again with the same Message-ID,
   * so a mail client shows one message. Leases exist only on a server (see holdLease). The worker
   * also takes back its own rows that it is not sending (`inFlight` names those it is), claimed
   * as long ago: a claim whose answer the connection lost on the way back.
   *
   * `sent` are messages the worker sent since its last claim: the claim records them in its own
   * statement, so a lane that sends one message after another makes one statement per message.
   */
  async claimDue(
    workerId: string,
    limit: number,
    timeouts: { claimTimeoutMs: number; sendTimeoutMs: number },
    inFlight: readonly string[] = [],
    sent: SentMessages = { ids: [], transport: 'local' },
  ): Promise<OutboxMessage[]> {
    // Each kind of due row is found by its own scan of (status, next_attempt_at) in order, which
    // stops at the first rows it can lock. One scan for both kinds, joined by OR, read and sorted
    // every pending row on each claim; lanes claim one row at a time, so working off a backlog of
    // n messages read about n²/2 rows, and in a burst of reports (each sends a receipt) the claim
    // was the database's costliest statement.
    // UPDATE … RETURNING comes back from manager.query as [rows, affected count].
    const [rows]: [Array<Record<string, unknown>>, number] = await this.db.manager.query(
      `WITH recorded AS (${markSentSql('$6', '$1', '$7')}),
       due AS (
         SELECT * FROM (
           SELECT id, next_attempt_at FROM outbox_message
           WHERE status = 'pending' AND next_attempt_at <= now()
           ORDER BY next_attempt_at
           LIMIT $2
           FOR UPDATE SKIP LOCKED) pending
         UNION ALL
         SELECT * FROM (
           SELECT id, next_attempt_at FROM outbox_message
           WHERE status = 'sending'
             AND NOT (id = ANY($6::uuid[]))
             AND (claimed_at < now() - ($3::int * interval '1 millisecond')
               OR (claimed_by = $1 AND claimed_at < now() - ($4::int * interval '1 millisecond') AND NOT (id = ANY($5::uuid[])))
               ${
                 this.config.databaseUrl
                   ? `OR (claimed_by <> $1 AND claimed_at < now() - ($4::int * interval '1 millisecond')
                          AND pg_try_advisory_xact_lock(${lease('claimed_by')}))`
                   : ''
               })
           ORDER BY next_attempt_at
           LIMIT $2
           FOR UPDATE SKIP LOCKED) stalled)
       UPDATE outbox_message SET status = 'sending', claimed_at = now(), claimed_by = $1, attempts = attempts + 1
       WHERE id IN (SELECT id FROM due ORDER BY next_attempt_at LIMIT $2)
       RETURNING ${CLAIMED_COLUMNS}`,
      [workerId, limit, timeouts.claimTimeoutMs, sendBound(timeouts.sendTimeoutMs), inFlight, sent.ids, sent.transport],
    );
    const repository = this.db.repository(OutboxMessage);
    return rows
      .map((row) => repository.create({ ...row, createdAt: new Date(row.createdAt as string) } as Partial<OutboxMessage>))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /**
   * Renews the worker's claim on a row just before it is sent, so a row waiting its turn in a
   * pass is not mistaken for one stuck in a send; false when the claim is no longer the worker's
   * (another took the row over): then it must not be sent.
   */
  async touchClaim(id: string, workerId: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.db.manager.query(
      `UPDATE outbox_message SET claimed_at = now() WHERE id = $1 AND claimed_by = $2 AND status = 'sending' RETURNING id`,
      [id, workerId],
    );
    return rows.length > 0;
  }

  async markSent(ids: readonly string[], workerId: string, transport: string): Promise<void> {
    await this.db.manager.query(markSentSql('$1', '$2', '$3'), [ids, workerId, transport]);
  }

  /** Records a failed attempt on a row the worker still holds; false when another worker has taken it over. */
  async markFailedAttempt(id: string, workerId: string, error: string, nextAttemptAt: Date | null): Promise<boolean> {
    const status: OutboxStatus = nextAttemptAt ? 'pending' : 'failed';
    const [rows]: [unknown[], number] = await this.db.manager.query(
      `UPDATE outbox_message SET status = $3, last_error = $4, next_attempt_at = COALESCE($5, next_attempt_at), claimed_at = NULL
       WHERE id = $1 AND claimed_by = $2 AND status = 'sending' RETURNING id`,
      [id, workerId, status, error.slice(0, 2000), nextAttemptAt],
    );
    return rows.length > 0;
  }

  /** Puts a failed message back in the queue; returns it as it was, or null when it had not failed. */
  async retryNow(id: string): Promise<Pick<OutboxMessage, 'template' | 'attempts' | 'lastError'> | null> {
    const [rows]: [Array<{ template: string; attempts: number; last_error: string | null }>, number] = await this.db.manager.query(
      `UPDATE outbox_message SET status = 'pending', next_attempt_at = now() WHERE id = $1 AND status = 'failed'
       RETURNING template, attempts, last_error`,
      [id],
    );
    const row = rows[0];
    return row ? { template: row.template, attempts: row.attempts, lastError: row.last_error } : null;
  }

  list(filter: { status?: OutboxStatus; relatedType?: string; relatedId?: string; limit?: number }): Promise<OutboxMessage[]> {
    const q = this.db
      .repository(OutboxMessage)
      .createQueryBuilder('m')
      .orderBy('m.created_at', 'DESC')
      .limit(Math.min(filter.limit ?? 100, 500));
    if (filter.status) q.andWhere('m.status = :status', { status: filter.status });
    if (filter.relatedType) q.andWhere('m.related_type = :rt', { rt: filter.relatedType });
    if (filter.relatedId) q.andWhere('m.related_id = :rid', { rid: filter.relatedId });
    return q.getMany();
  }

  /** One page of the mail list, without the bodies (a list never shows them), and how many match. */
  async page(filter: { status?: OutboxStatus }, req: PageRequest<OutboxSort>): Promise<Page<OutboxMessage>> {
    const { limit, offset } = pageWindow(req, 50);
    const order = orderOf(OUTBOX_ORDER, req, { sort: 'created', direction: 'desc' });
    const q = this.db
      .repository(OutboxMessage)
      .createQueryBuilder('m')
      .select([
        'm.id',
        'm.createdAt',
        'm.template',
        'm.to',
        'm.subject',
        'm.inReplyTo',
        'm.status',
        'm.attempts',
        'm.transport',
        'm.relatedType',
        'm.relatedId',
      ])
      .orderBy(order.expression, order.direction)
      .addOrderBy('m.id', 'ASC')
      .limit(limit)
      .offset(offset);
    if (filter.status) q.andWhere('m.status = :status', { status: filter.status });
    const [items, total] = await q.getManyAndCount();
    return { items, total };
  }

  /** Message-ID → status, for those of these messages that exist (only the two columns are read). */
  async statusOf(messageIds: string[]): Promise<Map<string, OutboxStatus>> {
    if (!messageIds.length) return new Map();
    const rows: Array<{ message_id: string; status: OutboxStatus }> = await this.db.manager.query(
      'SELECT message_id, status FROM outbox_message WHERE message_id = ANY($1::text[])',
      [messageIds],
    );
    return new Map(rows.map((r) => [r.message_id, r.status]));
  }

  /** Where one message's delivery stands, by its Message-ID; null when there is no such message. */
  async deliveryOf(messageId: string): Promise<MailDelivery | null> {
    const rows: Array<{ id: string; status: OutboxStatus; attempts: number; last_error: string | null; next_attempt_at: Date }> =
      await this.db.manager.query('SELECT id, status, attempts, last_error, next_attempt_at FROM outbox_message WHERE message_id = $1', [
        messageId,
      ]);
    const row = rows[0];
    if (!row) return null;
    const state: MailDelivery['state'] =
      row.status === 'pending' ? (row.attempts ? 'retrying' : 'queued') : row.status === 'sending' ? 'sending' : row.status;
    return {
      outboxId: row.id,
      state,
      attempts: row.attempts,
      lastError: state === 'sent' ? null : row.last_error,
      nextAttemptAt: state === 'retrying' ? new Date(row.next_attempt_at) : null,
    };
  }

  /**
   * What waits to be sent: due messages and since when the oldest has been due, those waiting to
   * be tried again, and those given up on. Read through the (status, next_attempt_at) index.
   */
  async backlog(): Promise<OutboxBacklog> {
    const rows: Array<{
      due: string;
      oldest_due_at: Date | null;
      retrying: string;
      oldest_retrying_since: Date | null;
      failed: string;
      last_sent_at: Date | null;
    }> = await this.db.manager.query(
      `SELECT count(*) FILTER (WHERE status = 'pending' AND next_attempt_at <= now()) AS due,
              min(next_attempt_at) FILTER (WHERE status = 'pending' AND next_attempt_at <= now()) AS oldest_due_at,
              count(*) FILTER (WHERE status = 'pending' AND attempts > 0) AS retrying,
              min(created_at) FILTER (WHERE status = 'pending' AND attempts > 0) AS oldest_retrying_since,
              count(*) FILTER (WHERE status = 'failed') AS failed,
              (SELECT max(sent_at) FROM outbox_message) AS last_sent_at
         FROM outbox_message WHERE status IN ('pending', 'failed')`,
    );
    const row = rows[0]!;
    const date = (v: Date | null) => (v ? new Date(v) : null);
    return {
      due: Number(row.due),
      oldestDueAt: date(row.oldest_due_at),
      retrying: Number(row.retrying),
      oldestRetryingSince: date(row.oldest_retrying_since),
      lastSentAt: date(row.last_sent_at),
      failed: Number(row.failed),
    };
  }

  /** What these Message-IDs were sent about (those that are ours), for threading replies. */
  async sentAbout(messageIds: string[]): Promise<OutboundThreadEntry[]> {
    if (!messageIds.length) return [];
    const rows: Array<{ message_id: string; template: string; related_type: string | null; related_id: string | null }> =
      await this.db.manager.query(
        'SELECT message_id, template, related_type, related_id FROM outbox_message WHERE message_id = ANY($1::text[])',
        [messageIds],
      );
    return rows.map((r) => ({ messageId: r.message_id, template: r.template, relatedType: r.related_type, relatedId: r.related_id }));
  }

  async threadRootOf(messageId: string): Promise<string | null> {
    const rows: Array<{ root: string }> = await this.db.manager.query(
      `SELECT coalesce("references"[1], message_id) AS root FROM outbox_message WHERE message_id = $1`,
      [messageId],
    );
    return rows[0]?.root ?? null;
  }

  async subjectOf(messageId: string): Promise<string | null> {
    const rows: Array<{ subject: string }> = await this.db.manager.query('SELECT subject FROM outbox_message WHERE message_id = $1', [
      messageId,
    ]);
    return rows[0]?.subject ?? null;
  }

  findById(id: string): Promise<OutboxMessage | null> {
    return this.db.repository(OutboxMessage).findOneBy({ id });
  }

  findByDedupeKey(dedupeKey: string): Promise<OutboxMessage | null> {
    return this.db.repository(OutboxMessage).findOneBy({ dedupeKey });
  }
}

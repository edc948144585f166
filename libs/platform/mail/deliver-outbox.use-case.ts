import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import { DatabaseContext } from '@platform/database';
import { DomainEvents } from '@platform/events';

import { MailTransport } from './mail-transport';
import { OutboxRepository } from './outbox.repository';
import { OutboxMessage } from './outbox-message.entity';

/** Bounded exponential backoff: base · 2^(attempt-1), capped; null once giving up. */
export function nextAttemptAt(message: Pick<OutboxMessage, 'attempts' | 'createdAt'>, now: Date, policy: AppConfig['outbox']): Date | null {
  if (now.getTime() - message.createdAt.getTime() >= policy.giveUpAfterMs) return null;
  const delay = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** Math.max(0, message.attempts - 1));
  return new Date(now.getTime() + delay);
}

/**
 * Whether the SMTP server refused the message for good (a 5xx reply: no such mailbox, relaying
 * denied, message refused). Trying again changes nothing; staff see it as failed at once and may
 * send it again once the cause is fixed.
 */
export function isPermanentRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** A message was given up on (refused for good, or failing for too long): the context it was about may tell someone. */
export const MAIL_UNDELIVERED = 'mail.undelivered';

export interface MailUndeliveredEvent {
  outboxId: string;
  template: string;
  relatedType: string | null;
  relatedId: string | null;
  error: string;
}

/** Rows a pass claims unless told otherwise (the worker's lanes claim one at a time). */
const PASS_LIMIT = 20;

/** The first wait before writing an outcome again, doubling up to the last. */
const OUTCOME_RETRY_MS = [250, 500, 1_000, 2_000, 5_000];

/**
 * One of the worker's lanes, which claims the next message as soon as it has sent one: the
 * messages it has sent whose outcome that next claim records.
 */
export class DeliveryLane {
  sent: string[] = [];
}

/**
 * One delivery pass: claim due rows, send them one after another, and record each outcome as soon
 * as it is known. The worker runs passes of one row side by side, one per SMTP connection.
 */
@Injectable()
export class DeliverOutbox {
  private readonly logger = new Logger(DeliverOutbox.name);
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  /** The rows this worker's passes are sending or recording now: its other claimed rows are lost claims. */
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DatabaseContext,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Returns how many rows were claimed (so the caller can loop while there is work). Each message
   * is marked sent right after the server took it, so a pass that stalls on a later message, or a
   * process that dies, leaves no sent message to go again; only a message sent but not yet marked
   * when the process dies goes again, with the same Message-ID. In a `lane`, that mark is the
   * lane's next claim, which follows at once: one statement per message instead of two, which
   * halved the statements of a burst of reports, each of which sends a receipt.
   */
  async execute(limit = PASS_LIMIT, lane?: DeliveryLane): Promise<number> {
    const policy = this.config.outbox;
    let sent = lane?.sent ?? [];
    if (lane) lane.sent = [];
    let batch: OutboxMessage[];
    try {
      // Taking the lease again asks the database and may wait on it: what was sent is recorded
      // first, by itself, as it was before lanes recorded by their claims.
      if (sent.length && this.outbox.leaseCheckDue()) {
        await this.outbox.markSent(sent, this.workerId, this.transport.kind);
        this.forget(sent);
        sent = [];
      }
      await this.outbox.holdLease(this.workerId);
      batch = await this.outbox.claimDue(this.workerId, limit, policy, [...this.inFlight], { ids: sent, transport: this.transport.kind });
    } catch (e) {
      // Still in flight, so no claim takes them back: the lane's next claim records them.
      if (lane) lane.sent = [...sent, ...lane.sent];
      throw e;
    }
    this.forget(sent);
    for (const message of batch) this.inFlight.add(message.id);
    for (const [i, message] of batch.entries()) {
      let sentNow = false;
      try {
        // A row that waited for the ones before it renews its claim, or is left to the worker that took it over.
        if (i > 0 && !(await this.outbox.touchClaim(message.id, this.workerId))) continue;
        sentNow = await this.deliver(message, lane);
      } finally {
        // A lane's sent message stays in flight until its next claim has recorded it.
        if (!sentNow) this.inFlight.delete(message.id);
      }
    }
    return batch.length;
  }

  /** Records a lane's sent messages when it claims no more (it stops). */
  async closeLane(lane: DeliveryLane): Promise<void> {
    const sent = lane.sent;
    lane.sent = [];
    if (!sent.length) return;
    try {
      await this.record(() => this.outbox.markSent(sent, this.workerId, this.transport.kind));
    } finally {
      this.forget(sent);
    }
  }

  private forget(ids: readonly string[]): void {
    for (const id of ids) this.inFlight.delete(id);
  }

  /**
   * Sends one message; a failure is recorded with its next attempt (or none, giving up). True when
   * it was sent and left to the lane's next claim to record.
   */
  private async deliver(message: OutboxMessage, lane?: DeliveryLane): Promise<boolean> {
    let failure: unknown = null;
    try {
      await this.transport.send(message);
    } catch (e) {
      failure = e;
    }
    if (failure === null) {
      if (lane) {
        lane.sent.push(message.id);
        return true;
      }
      await this.record(() => this.outbox.markSent([message.id], this.workerId, this.transport.kind));
      return false;
    }
    const error = failure instanceof Error ? failure.message : String(failure);
    const permanent = isPermanentRefusal(failure);
    const retryAt = permanent ? null : nextAttemptAt(message, new Date(), this.config.outbox);
    await this.record(() =>
      retryAt
        ? this.outbox.markFailedAttempt(message.id, this.workerId, error, retryAt).then(() => undefined)
        : this.db.transaction(async () => {
            if (!(await this.outbox.markFailedAttempt(message.id, this.workerId, error, null))) return;
            const event: MailUndeliveredEvent = {
              outboxId: message.id,
              template: message.template,
              relatedType: message.relatedType,
              relatedId: message.relatedId,
              error,
            };
            await this.events.publish(MAIL_UNDELIVERED, { ...event });
          }),
    );
    // Only the id and template: recipients and content stay out of the logs.
    this.logger.warn(
      { outboxId: message.id, template: message.template, attempts: message.attempts, error, permanent, gaveUp: retryAt === null },
      'e-mail delivery failed',
    );
    return false;
  }

  /**
   * Writes an outcome, again while the database is out of reach (its lease taken again first): a
   * message the server took but that stays `sending` would be sent again by the worker that takes
   * the row over. Gives up after half the claim timeout, when another worker may take it anyway.
   */
  private async record(write: () => Promise<void>): Promise<void> {
    const deadline = Date.now() + this.config.outbox.claimTimeoutMs / 2;
    for (let attempt = 0; ; attempt++) {
      try {
        if (attempt) await this.outbox.holdLease(this.workerId);
        await write();
        return;
      } catch (e) {
        const wait = OUTCOME_RETRY_MS[Math.min(attempt, OUTCOME_RETRY_MS.length - 1)];
        if (Date.now() + wait > deadline) throw e;
        await sleep(wait);
      }
    }
  }
}

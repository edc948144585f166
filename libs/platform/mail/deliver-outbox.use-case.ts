import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';

import { MailTransport } from './mail-transport';
import { OutboxRepository } from './outbox.repository';
import { OutboxMessage } from './outbox-message.entity';

/** Bounded exponential backoff: base · 2^(attempt-1), capped; null once giving up. */
export function nextAttemptAt(message: Pick<OutboxMessage, 'attempts' | 'createdAt'>, now: Date, policy: AppConfig['outbox']): Date | null {
  if (now.getTime() - message.createdAt.getTime() >= policy.giveUpAfterMs) return null;
  const delay = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** Math.max(0, message.attempts - 1));
  return new Date(now.getTime() + delay);
}

/** One delivery pass: claim due rows, send each, record the outcome. */
@Injectable()
export class DeliverOutbox {
  private readonly logger = new Logger(DeliverOutbox.name);
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Returns how many rows were claimed (so the caller can loop while there is work). The batch's
   * sent rows are marked by one statement once its sends are done: a row sent but not yet marked
   * when the process dies goes again with the same Message-ID, as after any crash between the two.
   */
  async execute(): Promise<number> {
    const policy = this.config.outbox;
    await this.outbox.holdLease(this.workerId);
    const batch = await this.outbox.claimDue(this.workerId, policy.batchSize, policy.claimTimeoutMs);
    const sent = await Promise.all(batch.map((m) => this.deliver(m)));
    const ids = batch.filter((_, i) => sent[i]).map((m) => m.id);
    if (ids.length) await this.outbox.markSent(ids, this.workerId, this.transport.kind);
    return batch.length;
  }

  /** Sends one message; a failure is recorded with its next attempt (or none, giving up). */
  private async deliver(message: OutboxMessage): Promise<boolean> {
    try {
      await this.transport.send(message);
      return true;
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const retryAt = nextAttemptAt(message, new Date(), this.config.outbox);
      await this.outbox.markFailedAttempt(message.id, this.workerId, error, retryAt);
      // Only the id and template: recipients and content stay out of the logs.
      this.logger.warn(
        { outboxId: message.id, template: message.template, attempts: message.attempts, error, gaveUp: retryAt === null },
        'e-mail delivery failed',
      );
      return false;
    }
  }
}

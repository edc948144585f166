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

  /** Returns how many rows were claimed (so the caller can loop while there is work). */
  async execute(): Promise<number> {
    const policy = this.config.outbox;
    await this.outbox.holdLease(this.workerId);
    const batch = await this.outbox.claimDue(this.workerId, policy.batchSize, policy.claimTimeoutMs);
    await Promise.all(batch.map((m) => this.deliver(m)));
    return batch.length;
  }

  private async deliver(message: OutboxMessage): Promise<void> {
    try {
      await this.transport.send(message);
      await this.outbox.markSent(message.id, this.workerId, this.transport.kind);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const retryAt = nextAttemptAt(message, new Date(), this.config.outbox);
      await this.outbox.markFailedAttempt(message.id, this.workerId, error, retryAt);
      // Only the id and template: recipients and content stay out of the logs.
      this.logger.warn(
        { outboxId: message.id, template: message.template, attempts: message.attempts, error, gaveUp: retryAt === null },
        'e-mail delivery failed',
      );
    }
  }
}

import { randomUUID } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { DomainEventRepository } from './domain-event.repository';

export type DomainEventHandler = (payload: Record<string, unknown>, eventId: string) => Promise<void>;

const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_MS = 5_000;

/**
 * Publishing and handling domain events. `publish` must run inside the transaction of the
 * change it reports (it refuses otherwise). Handlers register per event type when their module
 * starts; `process` runs every handler of an event and marks it done in one transaction, so an
 * event's reactions happen once, or are retried together with backoff.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly handlers = new Map<string, Array<{ name: string; handle: DomainEventHandler }>>();
  readonly workerId = `events-${randomUUID()}`;

  constructor(
    private readonly db: DatabaseContext,
    private readonly events: DomainEventRepository,
  ) {}

  async publish(type: string, payload: Record<string, unknown>): Promise<string> {
    if (!this.db.inTransaction) throw new Error(`Domain event ${type} must be published in the transaction of its change`);
    return this.events.insert(type, payload);
  }

  on(type: string, name: string, handle: DomainEventHandler): void {
    const list = this.handlers.get(type) ?? [];
    if (!list.some((h) => h.name === name)) list.push({ name, handle });
    this.handlers.set(type, list);
  }

  /** One pass: claims due events and handles each; returns how many were done. */
  async process(limit = 20, claimTimeoutMs = 5 * 60_000): Promise<number> {
    const ids = await this.events.claimDue(this.workerId, limit, claimTimeoutMs);
    let done = 0;
    for (const id of ids) {
      try {
        const handled = await this.db.transaction(async () => {
          const event = await this.events.lockClaimed(id, this.workerId);
          if (!event) return false;
          for (const h of this.handlers.get(event.type) ?? []) await h.handle(event.payload, event.id);
          await this.events.markDone(id);
          return true;
        });
        if (handled) done++;
      } catch (e) {
        const event = await this.events.find(id);
        const attempts = event?.attempts ?? MAX_ATTEMPTS;
        const retryAt = attempts < MAX_ATTEMPTS ? new Date(Date.now() + BASE_BACKOFF_MS * 2 ** (attempts - 1)) : null;
        const message = e instanceof Error ? e.message : String(e);
        await this.events.markFailed(id, this.workerId, message, retryAt);
        this.logger.warn(
          { eventId: id, type: event?.type, attempts, err: message },
          retryAt ? 'domain event will be retried' : 'domain event failed',
        );
      }
    }
    return done;
  }
}

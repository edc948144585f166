import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@platform/config';
import { DATABASE_CHANNELS, DatabaseNotifications, NotifiedCache } from '@platform/database';

import type { OperationalMessage } from './operational-message.entity';
import { OperationalMessageRepository } from './operational-message.repository';
import { type KnownIssue, toKnownIssue } from './operational-message.views';
import { activeOperationalMessage } from './rules/operational-message';

/** How long the messages around now are kept; a change empties the cache at once (the database notifies). */
const CACHE_MS = 60_000;
/** How far back from now an instant may lie and still be answered from the cache (a retried or late report). */
const RECENT_MS = 30 * 60_000;

/**
 * The operational message Skatteetaten has out about a service in an environment at an instant
 * (a report's receivedAt), if any: intake marks the report a known issue. Every report asks, so
 * the messages around now are kept in memory; an older instant (an imported history) reads the
 * database.
 */
@Injectable()
export class FindActiveOperationalMessage {
  private readonly recent: NotifiedCache<{ since: Date; messages: OperationalMessage[] }>;

  constructor(
    private readonly messages: OperationalMessageRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    notifications: DatabaseNotifications,
  ) {
    this.recent = new NotifiedCache(notifications, DATABASE_CHANNELS.operationalMessagesChanged, CACHE_MS, 1);
  }

  async execute(service: string, environment: string, at: Date): Promise<KnownIssue | null> {
    const maxAgeMs = this.config.notices.operationalMessageMaxHours * 3_600_000;
    const message = activeOperationalMessage(await this.candidates(at, maxAgeMs), service, environment, at, maxAgeMs);
    return message ? toKnownIssue(message) : null;
  }

  private async candidates(at: Date, maxAgeMs: number): Promise<OperationalMessage[]> {
    const cached = await this.recent.resolve('recent', async () => {
      const since = new Date(Date.now() - RECENT_MS);
      return { since, messages: await this.messages.activeSince(since, maxAgeMs) };
    });
    if (cached && at >= cached.since) return cached.messages;
    return this.messages.activeSince(at, maxAgeMs);
  }
}

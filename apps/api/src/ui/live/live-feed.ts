import { StaffNotifications } from '@domain/notifications';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Response } from 'express';

import { LIVE_LISTS, type LiveList } from '../shared/live-list';

/**
 * How often the feed reads what changed. The feed polls the database rather than LISTEN/NOTIFY:
 * the embedded database (PGlite) is one backend session behind its socket server and does not
 * deliver notifications to another connection, while a poll sees every replica's and the
 * worker's commits on either database. One poll per process serves all its open pages.
 */
export const LIVE_POLL_MS = 2000;

interface Client {
  staffId: string;
  res: Response;
  unread?: number;
}

/** Server-sent events to signed-in staff: their unread notification count and which live lists changed. */
@Injectable()
export class LiveFeed implements OnModuleDestroy {
  private readonly logger = new Logger(LiveFeed.name);
  private readonly clients = new Set<Client>();
  private readonly versions = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private polling = false;

  constructor(
    @Inject(LIVE_LISTS) private readonly lists: readonly LiveList[],
    private readonly notifications: StaffNotifications,
  ) {}

  /** Holds the response open as an event stream until the browser goes away. */
  connect(staffId: string, res: Response): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // A proxy that buffers would hold every event back.
      'X-Accel-Buffering': 'no',
    });
    res.write(`retry: ${LIVE_POLL_MS * 2}\n\n`);
    const client: Client = { staffId, res };
    this.clients.add(client);
    res.on('close', () => {
      this.clients.delete(client);
      if (!this.clients.size) this.stop();
    });
    this.timer ??= setInterval(() => void this.poll(), LIVE_POLL_MS);
    void this.poll();
  }

  onModuleDestroy(): void {
    for (const client of this.clients) client.res.end();
    this.clients.clear();
    this.stop();
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async poll(): Promise<void> {
    if (this.polling || !this.clients.size) return;
    this.polling = true;
    try {
      for (const list of this.lists) {
        const version = await list.version();
        const before = this.versions.get(list.event);
        this.versions.set(list.event, version);
        if (before !== undefined && before !== version) this.broadcast(list.event, version);
      }
      const counts = await this.notifications.unreadCounts([...new Set([...this.clients].map((c) => c.staffId))]);
      for (const client of this.clients) {
        const unread = counts.get(client.staffId) ?? 0;
        if (client.unread !== unread) this.send(client, 'notifications', JSON.stringify({ unread }));
        client.unread = unread;
      }
    } catch (e) {
      // The database away for a moment: the next poll tries again, the pages keep what they show.
      this.logger.warn(`live feed poll failed: ${(e as Error).message}`);
    } finally {
      this.polling = false;
    }
  }

  private broadcast(event: string, data: string): void {
    for (const client of this.clients) this.send(client, event, data);
  }

  private send(client: Client, event: string, data: string): void {
    client.res.write(`event: ${event}\ndata: ${data}\n\n`);
  }
}

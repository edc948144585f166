import type { OutgoingHttpHeader, ServerResponse } from 'node:http';

import { CasePresenceTracker, PRESENCE_SUBJECT, StaffNotifications } from '@domain/notifications';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';

import { LIVE_LISTS, type LiveList } from '../shared/live-list';

/**
 * How often the feed reads what changed. The feed polls the database rather than LISTEN/NOTIFY:
 * the embedded database (PGlite) is one backend session behind its socket server and does not
 * deliver notifications to another connection, while a poll sees every replica's and the
 * worker's commits on either database. One poll per process serves all its open pages.
 */
export const LIVE_POLL_MS = 2000;

/** A case page not heard of for this long (a closed tab, a process gone) no longer counts as open. */
const PRESENCE_EXPIRY_SECONDS = 10;

interface Client {
  staffId: string;
  res: ServerResponse;
  /** The case page this stream belongs to (`incident:<id>`), for the collision warning. */
  subject?: string;
  unread?: number;
  others?: string;
}

/** Server-sent events to signed-in staff: their unread notification count, which live lists changed, and who else has their case open. */
@Injectable()
export class LiveFeed implements OnModuleDestroy {
  private readonly logger = new Logger(LiveFeed.name);
  private readonly clients = new Set<Client>();
  private readonly versions = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  /** Set as the process begins to stop: a stream asked for after that is told to come back later. */
  private closed = false;

  constructor(
    @Inject(LIVE_LISTS) private readonly lists: readonly LiveList[],
    private readonly notifications: StaffNotifications,
    private readonly presence: CasePresenceTracker,
  ) {}

  /** Holds the response open as an event stream until the browser goes away; `headers` go out with it. */
  connect(staffId: string, watch: unknown, res: ServerResponse, headers: Record<string, OutgoingHttpHeader | undefined> = {}): void {
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: this.closed ? 'close' : 'keep-alive',
      // A proxy that buffers would hold every event back.
      'X-Accel-Buffering': 'no',
    });
    res.write(`retry: ${LIVE_POLL_MS * 2}\n\n`);
    // A page reconnecting while this process stops (on a connection kept open through the drain)
    // would otherwise hold the server's close open until the forced exit. An ended stream makes
    // the browser retry after `retry`, by then at a replica or the restarted process.
    if (this.closed) {
      res.end();
      return;
    }
    const subject = typeof watch === 'string' && PRESENCE_SUBJECT.test(watch) ? watch : undefined;
    const client: Client = { staffId, res, subject };
    this.clients.add(client);
    res.on('close', () => {
      this.clients.delete(client);
      if (subject && ![...this.clients].some((c) => c.staffId === staffId && c.subject === subject))
        this.presence.leave(staffId, subject).catch((e: Error) => this.logger.warn(`presence leave failed: ${e.message}`));
      if (!this.clients.size) this.stop();
    });
    this.timer ??= setInterval(() => void this.poll(), LIVE_POLL_MS);
    void this.poll();
  }

  onModuleDestroy(): void {
    this.closed = true;
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
      await this.pollPresence();
    } catch (e) {
      // The database away for a moment: the next poll tries again, the pages keep what they show.
      this.logger.warn(`live feed poll failed: ${(e as Error).message}`);
    } finally {
      this.polling = false;
    }
  }

  /** Beats for every open case page here and tells each page the names of the others on it, when they change. */
  private async pollPresence(): Promise<void> {
    const watching = [...this.clients].filter((c): c is Client & { subject: string } => !!c.subject);
    if (!watching.length) return;
    const present = await this.presence.beat(
      watching.map((c) => ({ staffId: c.staffId, subject: c.subject })),
      PRESENCE_EXPIRY_SECONDS,
    );
    for (const client of watching) {
      const names = (present.get(client.subject) ?? []).filter((p) => p.id !== client.staffId).map((p) => p.name);
      const others = JSON.stringify({ names: [...new Set(names)].sort() });
      if (client.others !== others) this.send(client, 'presence', others);
      client.others = others;
    }
  }

  private broadcast(event: string, data: string): void {
    for (const client of this.clients) this.send(client, event, data);
  }

  private send(client: Client, event: string, data: string): void {
    client.res.write(`event: ${event}\ndata: ${data}\n\n`);
  }
}

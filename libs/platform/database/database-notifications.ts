import { EventEmitter } from 'node:events';

import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Client, type ClientConfig, type Notification } from 'pg';

export const DATABASE_URL = Symbol('DATABASE_URL');

/**
 * The channels the database notifies on (see the migrations' triggers). Every connection
 * listens to all of them: a change committed by this process has then cleared its caches before
 * the commit returns, and another process hears of it through its own listening connection.
 */
export const DATABASE_CHANNELS = {
  /** A credential was revoked or what it stands for changed (cache-notifications migration). */
  credentialsChanged: 'credentials_changed',
  /** A catalogue version or service was written. */
  catalogueChanged: 'catalogue_changed',
  /** An operational message started, changed or ended. */
  operationalMessagesChanged: 'operational_messages_changed',
  /** A knowledge-base article was written (published, edited, archived). */
  knowledgeChanged: 'knowledge_changed',
  /** A consumer's contact was added, changed or removed. */
  consumerContactsChanged: 'consumer_contacts_changed',
} as const;
export type DatabaseChannel = (typeof DATABASE_CHANNELS)[keyof typeof DATABASE_CHANNELS];

const LISTEN_ALL = Object.values(DATABASE_CHANNELS)
  .map((channel) => `LISTEN ${channel}`)
  .join('; ');

/** Every notification any connection of this process receives, by channel. */
const received = new EventEmitter().setMaxListeners(0);

/**
 * A client that listens on every channel and reports what it receives. The server sends a
 * session its own notifications before the commit's answer, so they are handled in order; on
 * the embedded database (one backend session behind the socket) a notification reaches the
 * connection that committed, whichever connection listened.
 */
export function notifyingClient(base: typeof Client = Client): typeof Client {
  return class extends base {
    constructor(config: ClientConfig) {
      super(config);
      this.on('notification', (n: Notification) => received.emit(n.channel, n.payload ?? ''));
    }

    // pg's pool connects with a callback, everything else awaits the promise.
    override connect(): Promise<Client>;
    override connect(callback: ((err: Error) => void) | ((err: null, c: Client) => void)): void;
    override connect(callback?: (err: never, c: Client) => void): Promise<Client> | void {
      const ready = super.connect().then(async () => {
        await this.query(LISTEN_ALL);
        return this;
      });
      if (!callback) return ready;
      ready.then(
        (client) => (callback as (err: null, c: Client) => void)(null, client),
        (e: Error) => (callback as (err: Error) => void)(e),
      );
    }
  };
}

/** Waits before reopening a lost listening connection. */
const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000];

/**
 * LISTEN/NOTIFY for this process: one connection of its own listens, opened when the first
 * channel is subscribed and reopened when lost. While it is not listening, `live` is false and
 * subscribers are told once, so a cache never trusts a period in which notices may have been missed.
 */
@Injectable()
export class DatabaseNotifications implements OnModuleDestroy {
  private readonly logger = new Logger('DatabaseNotifications');
  private readonly handlers = new Map<string, Set<() => void>>();
  private client: Client | null = null;
  private listening = false;
  private closed = false;
  private attempt = 0;
  private retry: NodeJS.Timeout | null = null;

  constructor(@Inject(DATABASE_URL) private readonly url: string) {}

  get live(): boolean {
    return this.listening;
  }

  /** `onChange` runs on each notification on the channel, and whenever delivery may have been interrupted. */
  subscribe(channel: DatabaseChannel, onChange: () => void): () => void {
    const set = this.handlers.get(channel) ?? new Set();
    this.handlers.set(channel, set);
    set.add(onChange);
    received.on(channel, onChange);
    if (!this.client && !this.retry) void this.connect();
    return () => {
      set.delete(onChange);
      received.off(channel, onChange);
    };
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.listening = false;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const Listening = notifyingClient();
    const client = new Listening({ connectionString: this.url, application_name: 'segment-desk-listen', keepAlive: true });
    this.client = client;
    client.on('error', (e: Error) => this.lose(e));
    client.on('end', () => this.lose(null));
    try {
      await client.connect();
      if (this.closed || this.client !== client) return;
      this.listening = true;
      this.attempt = 0;
    } catch (e) {
      this.lose(e as Error);
    }
  }

  private lose(error: Error | null): void {
    const client = this.client;
    if (this.closed || !client) return;
    this.client = null;
    const wasListening = this.listening;
    this.listening = false;
    void client.end().catch(() => undefined);
    if (wasListening) for (const set of this.handlers.values()) for (const h of set) h();
    if (error) this.logger.warn(`Listening for database notifications stopped: ${error.message}; retrying`);
    const delay = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)];
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, delay);
    this.retry.unref();
  }
}

/**
 * A short-lived in-memory cache that the database empties: any notification on its channel, or
 * a lost listening connection, clears it. A value read from the database while a clear happened
 * is not kept, so a revocation committed during a look-up is never cached over.
 */
export class NotifiedCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private generation = 0;

  constructor(
    private readonly notifications: DatabaseNotifications,
    channel: DatabaseChannel,
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {
    if (ttlMs > 0) notifications.subscribe(channel, () => this.clear());
  }

  async resolve(key: string, load: () => Promise<V | null>): Promise<V | null> {
    const usable = this.usable;
    const hit = usable ? this.fresh(key) : undefined;
    if (hit) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (value !== null && this.stillUsable(usable, generation)) this.keep(key, value);
    return value;
  }

  /** Each key's value; the ones not held are loaded with one call of `load`, which answers those it found. */
  async resolveMany(keys: string[], load: (missing: string[]) => Promise<Map<string, V>>): Promise<Map<string, V>> {
    const usable = this.usable;
    const found = new Map<string, V>();
    const missing: string[] = [];
    for (const key of new Set(keys)) {
      const hit = usable ? this.fresh(key) : undefined;
      if (hit) found.set(key, hit.value);
      else missing.push(key);
    }
    if (!missing.length) return found;
    const generation = this.generation;
    const loaded = await load(missing);
    const keep = this.stillUsable(usable, generation);
    for (const [key, value] of loaded) {
      found.set(key, value);
      if (keep) this.keep(key, value);
    }
    return found;
  }

  private get usable(): boolean {
    return this.ttlMs > 0 && this.notifications.live;
  }

  /** A value read while a clear happened, or while not listening, is not kept. */
  private stillUsable(usableAtStart: boolean, generation: number): boolean {
    return usableAtStart && generation === this.generation && this.notifications.live;
  }

  private fresh(key: string): { value: V; until: number } | undefined {
    const hit = this.entries.get(key);
    if (hit && hit.until > Date.now()) return hit;
    if (hit) this.entries.delete(key);
    return undefined;
  }

  private keep(key: string, value: V): void {
    // A key kept again (read twice at once) takes its own place, at the end: the oldest goes first.
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, until: Date.now() + this.ttlMs });
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

import type { Client, Pool } from 'pg';

/**
 * How many statements one connection prepares. Past the limit a new text is sent unnamed, as
 * every statement was before, so a connection's prepared statements (kept by the server for the
 * connection's life) stay bounded.
 */
const MAX_PREPARED_PER_CONNECTION = 200;

/**
 * How many texts seen once a connection remembers. Some texts are built per call (a list
 * filter's conditions, an IN list's length); a text is prepared on its second use, so those run
 * once do not take the places of the ones every request runs.
 */
const MAX_SEEN_ONCE = 1_000;

let connectionsOpened = 0;

/**
 * The names one connection prepares its statements under. Names are unique per connection and
 * per process: the embedded database serves all pooled connections, and a CLI beside the app,
 * from one backend session, where every connection's prepared statements share one namespace.
 */
export class StatementNames {
  private readonly names = new Map<string, string>();
  private readonly seenOnce = new Set<string>();

  constructor(
    readonly prefix: string,
    private readonly max: number,
  ) {}

  static forNewConnection(max = MAX_PREPARED_PER_CONNECTION): StatementNames {
    return new StatementNames(`sd_${process.pid}_${++connectionsOpened}_`, max);
  }

  /**
   * The name to prepare `text` under, or null to send it unnamed: it has no parameters, it is
   * its first use on this connection, or the connection holds its limit.
   */
  nameFor(text: string, values: unknown): string | null {
    if (!Array.isArray(values) || values.length === 0) return null;
    const known = this.names.get(text);
    if (known) return known;
    if (this.names.size >= this.max) return null;
    if (!this.seenOnce.delete(text)) {
      if (this.seenOnce.size >= MAX_SEEN_ONCE) this.seenOnce.clear();
      this.seenOnce.add(text);
      return null;
    }
    const name = `${this.prefix}${this.names.size + 1}`;
    this.names.set(text, name);
    return name;
  }

  get prepared(): string[] {
    return [...this.names.values()];
  }
}

type QueryFn = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * A client that sends each statement with parameters as a named (prepared) statement: the server
 * parses it once per connection and, once PostgreSQL finds its generic plan as good as the
 * custom ones (after five runs, its default `plan_cache_mode`), plans it once too. Parsing and
 * planning were about half of the server's time per statement on the intake path. Statements
 * without parameters (transaction control, LISTEN, DDL in migrations) go as before.
 *
 * A connection deallocates its statements as it ends: on a server the session ends with it
 * anyway, but the embedded database's one session would keep every closed connection's statements.
 */
export function preparingClient(base: typeof Client): typeof Client {
  return class extends base {
    private readonly preparedNames = StatementNames.forNewConnection();
    private sessionClosed = false;

    constructor(...args: ConstructorParameters<typeof Client>) {
      super(...args);
      this.once('end', () => (this.sessionClosed = true));
    }

    override query(...args: Parameters<QueryFn>): never {
      const [config, values, callback] = args;
      const name = typeof config === 'string' ? this.preparedNames.nameFor(config, values) : null;
      if (!name) return (super.query as QueryFn).apply(this, args) as never;
      return (super.query as QueryFn).call(this, { name, text: config, values }, callback) as never;
    }

    override end(): Promise<void>;
    override end(callback: (err?: Error) => void): void;
    override end(callback?: (err?: Error) => void): Promise<void> | void {
      const ended = this.deallocatePrepared().then(() => super.end());
      if (!callback) return ended;
      ended.then(() => callback(), callback);
    }

    /**
     * Deallocates what this connection prepared. The server's own list says which names exist (a
     * name whose parsing failed does not), so the one DEALLOCATE statement cannot fail half-way.
     */
    private async deallocatePrepared(): Promise<void> {
      if (this.sessionClosed || !this.preparedNames.prepared.length) return;
      const query = super.query.bind(this) as (text: string, values?: unknown[]) => Promise<{ rows: Array<{ name: string }> }>;
      try {
        const { rows } = await query('SELECT name FROM pg_prepared_statements WHERE starts_with(name, $1)', [this.preparedNames.prefix]);
        if (rows.length) await query(rows.map((r) => `DEALLOCATE ${r.name}`).join('; '));
      } catch {
        // A connection that cannot answer any more has no session left to clean.
      }
    }
  } as typeof Client;
}

/**
 * A pool whose `end()` resolves once each of its connections has ended, their deallocation
 * included. pg-pool's own resolves as soon as it has asked its idle connections to end, so a
 * DataSource destroyed by a command beside the app (one shared session on the embedded database)
 * could exit before its statements were deallocated. Connections are followed from the pool's
 * `connect` to its `remove` event (emitted once a removed connection has ended); one that never
 * connected is not waited for.
 */
export function poolAwaitingItsConnections(base: typeof Pool): typeof Pool {
  return class extends base {
    private readonly connected = new Set<unknown>();
    private allRemoved?: () => void;

    constructor(...args: ConstructorParameters<typeof Pool>) {
      super(...args);
      this.on('connect', (client) => this.connected.add(client));
      this.on('remove', (client) => {
        this.connected.delete(client);
        if (this.connected.size === 0) this.allRemoved?.();
      });
    }

    override end(): Promise<void>;
    override end(callback: () => void): void;
    override end(callback?: () => void): Promise<void> | void {
      const allEnded = new Promise<void>((resolve) => (this.allRemoved = resolve));
      const ended = super.end().then(() => (this.connected.size === 0 ? undefined : allEnded));
      if (!callback) return ended;
      void ended.then(() => callback(), callback);
    }
  } as typeof Pool;
}

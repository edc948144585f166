import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DomainException } from '@platform/errors';
import { DataSource } from 'typeorm';

/** The database cannot be reached: every caller answers this the same way (HTTP 503), whatever it was doing. */
export class DatabaseUnavailable extends DomainException {
  constructor() {
    super('unavailable', 'database_unavailable', 'The database cannot be reached right now. Try again shortly.');
  }
}

/** Socket errors of a connection that cannot be opened or was lost. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/**
 * PostgreSQL's connection exceptions (class 08), a server shutting down or starting, no free
 * connection slots, and what a new connection is refused with when the server will not let the app
 * in: the database does not allow connections (55000) or does not exist (3D000), or the role's
 * password or pg_hba.conf entry is refused (28P01, 28000). The app cannot reach its data until an
 * operator acts; the answer is 503, as for an outage, not a 500 for a statement that failed.
 */
const SERVER_CODES = /^(08...|57P01|57P02|57P03|53300|55000|3D000|28P01|28000)$/;
/** What the pg driver says when it loses a connection or gives up opening or reading one. */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'timeout expired',
  'Query read timeout',
  'not queryable',
  'Cannot use a pool after calling end',
];

/**
 * Whether an error (as thrown by pg, or wrapped by TypeORM) means the database is out of reach
 * rather than that a statement failed.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  let current = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    if (current instanceof DatabaseUnavailable) return true;
    const e = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SERVER_CODES.test(e.code))) return true;
    if (typeof e.message === 'string' && DRIVER_MESSAGES.some((m) => (e.message as string).includes(m))) return true;
    current = e.driverError ?? e.cause;
  }
  return false;
}

type ConnectCallback = (error: Error | undefined, client?: unknown, release?: (error?: Error) => void) => void;
interface PgClientEvents {
  on(event: 'error', listener: (error: Error) => void): unknown;
}
interface PgPool {
  connect(callback?: ConnectCallback): unknown;
  on(event: 'error' | 'release', listener: (error?: Error) => void): unknown;
  on(event: 'connect', listener: (client: PgClientEvents) => void): unknown;
  idleCount: number;
}

const noop = () => undefined;

/**
 * Fails fast while the database is out of reach, so a request is answered at once instead of
 * waiting in the pool's queue behind connection attempts that each wait for their timeout.
 * Once a connection fails (or one in use is lost) the database counts as down: everyone waiting
 * for a connection is answered with DatabaseUnavailable, and from then on one caller at a time
 * tries to connect while the others are answered at once; the first connection that succeeds
 * ends it. Nothing is retried on its own, so nothing is written twice.
 */
export class ConnectionGate {
  private down = false;
  private probing = false;
  private readonly waiting = new Set<(error: Error) => void>();

  constructor(private readonly onChange: (down: boolean) => void = noop) {}

  get isDown(): boolean {
    return this.down;
  }

  install(pool: PgPool): void {
    const connect = pool.connect.bind(pool) as (callback: ConnectCallback) => void;
    pool.connect = (callback?: ConnectCallback) => {
      if (!callback) return new Promise((resolve, reject) => pool.connect((error, client) => (error ? reject(error) : resolve(client))));
      const probe = this.down && pool.idleCount === 0;
      if (probe && this.probing) return callback(new DatabaseUnavailable(), undefined, noop);
      if (probe) this.probing = true;
      let answered = false;
      const fail = (error: Error) => {
        if (answered) return;
        answered = true;
        callback(error, undefined, noop);
      };
      if (!probe) this.waiting.add(fail);
      connect((error, client, release) => {
        this.waiting.delete(fail);
        if (probe) this.probing = false;
        if (error && isDatabaseUnreachable(error)) this.markDown();
        else if (!error) this.markUp();
        if (answered) return client ? release?.() : undefined;
        answered = true;
        callback(error && isDatabaseUnreachable(error) ? new DatabaseUnavailable() : error, client, release);
      });
    };
    pool.on('error', (error?: Error) => {
      if (isDatabaseUnreachable(error)) this.markDown();
    });
    // The pool listens for a client's errors only while it is idle, and TypeORM's query runner
    // stops listening after the first: a second error on a client in use (a terminated backend
    // reports a FATAL message and then the reset) would be an unhandled 'error' event and end
    // the process. Every client keeps this listener for its whole life.
    pool.on('connect', (client: PgClientEvents) => {
      client.on('error', (error) => {
        if (isDatabaseUnreachable(error)) this.markDown();
      });
    });
    pool.on('release', (error) => {
      if (error && isDatabaseUnreachable(error)) this.markDown();
    });
  }

  private markDown(): void {
    if (!this.down) this.onChange(true);
    this.down = true;
    const waiting = [...this.waiting];
    this.waiting.clear();
    for (const fail of waiting) fail(new DatabaseUnavailable());
  }

  private markUp(): void {
    if (this.down) this.onChange(false);
    this.down = false;
  }
}

/** Puts the connection gate on the pool of a PostgreSQL server (not on the embedded database, which cannot go away). */
@Injectable()
export class DatabaseAvailability implements OnModuleInit {
  private readonly logger = new Logger('Database');
  readonly gate = new ConnectionGate((down) =>
    down
      ? this.logger.error('the database cannot be reached; answering 503 until it is back')
      : this.logger.log('the database is reachable again'),
  );

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    const pool = (this.dataSource.driver as unknown as { master?: PgPool }).master;
    if (pool && typeof pool.connect === 'function') this.gate.install(pool);
  }
}

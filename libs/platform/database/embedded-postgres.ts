import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export class DataDirectoryInUseError extends Error {}

const LOCK_FILE = 'segment-desk.lock';
/** Where a running process serves its embedded database, next to the lock: `{"pid":…,"port":…}`. */
const PORT_FILE = 'segment-desk.port';

/** Where the application finds its database, and how many connections it may open. */
export interface DatabaseConnection {
  url: string;
  poolSize: number;
  /**
   * The schema owner's URL, for migrations only; the application then connects as a role
   * without ownership (see grantApplicationRole). Null: one role does both.
   */
  migrationUrl?: string | null;
}

export interface EmbeddedPostgres extends DatabaseConnection {
  stop(): Promise<void>;
}

/**
 * PGlite is one backend session: the socket server queues protocol messages, not whole queries,
 * so two pooled connections can interleave their extended-protocol steps outside a transaction.
 * One connection serialises every query and transaction, which is what PGlite does anyway.
 */
export const EMBEDDED_POOL_SIZE = 1;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When the process started, in clock ticks since boot (Linux); null where /proc is not there. */
function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; starttime is field 22.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

interface LockOwner {
  pid: number;
  started: string | null;
}

function lockLine(): string {
  return `${process.pid} ${processStartTime(process.pid) ?? ''}`.trim();
}

function readLockOwner(path: string): LockOwner | null {
  try {
    const [pid, started] = readFileSync(path, 'utf8').trim().split(/\s+/);
    return Number(pid) ? { pid: Number(pid), started: started ?? null } : null;
  } catch {
    return null;
  }
}

/** The owner is still running: its pid is alive and, where known, it is the same process (not a reused pid). */
function ownerRunning(owner: LockOwner): boolean {
  if (owner.pid === process.pid || !processAlive(owner.pid)) return false;
  if (owner.started === null) return true;
  const started = processStartTime(owner.pid);
  return started === null || started === owner.started;
}

/**
 * Two processes on one PGlite directory silently lose writes, so the data directory is guarded
 * by a lock file holding the owner's pid and start time. A lock left by a killed process is
 * taken over, also when its pid has since been reused by another process.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const line = lockLine();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, line);
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, 'utf8').trim() === line) unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readLockOwner(path);
      if (owner && ownerRunning(owner)) {
        throw new DataDirectoryInUseError(
          `The data directory ${dataDir} is already in use by another segment desk process (pid ${owner.pid}). Stop it first, or set DATA_DIR to another directory.`,
        );
      }
      if (existsSync(path)) unlinkSync(path);
    }
  }
  throw new DataDirectoryInUseError(`Could not lock the data directory ${dataDir}.`);
}

/**
 * The embedded database of another live process on this data directory (the running app), for
 * the CLI to use instead of opening the directory itself; null when no live process holds the lock.
 */
export function findRunningEmbeddedPostgres(dataDir: string): DatabaseConnection | null {
  const owner = readLockOwner(join(dataDir, LOCK_FILE));
  if (!owner || !ownerRunning(owner)) return null;
  let published: { pid?: number; port?: number } = {};
  try {
    published = JSON.parse(readFileSync(join(dataDir, PORT_FILE), 'utf8')) as typeof published;
  } catch {
    /* not published (yet) */
  }
  if (published.pid !== owner.pid || !published.port)
    throw new DataDirectoryInUseError(
      `The data directory ${dataDir} is in use by process ${owner.pid}, which does not (yet) serve its database. Try again once it has started.`,
    );
  return { url: `postgres://postgres@127.0.0.1:${published.port}/postgres`, poolSize: EMBEDDED_POOL_SIZE };
}

/**
 * The socket server queues protocol messages and keeps one client's messages together only
 * inside a transaction, so a second client (the CLI beside the running app) could slip its
 * messages between another's Parse and Sync. Counting an extended query as a transaction from
 * its first message to its Sync keeps every query whole.
 */
interface ProtocolEndpoint {
  isInTransaction(): boolean;
  execProtocolRawStream(message: Uint8Array, options: object): Promise<void>;
  exec(sql: string): Promise<unknown>;
}

function wholeQueries<T extends ProtocolEndpoint>(db: T): T {
  const SYNC = 0x53; // 'S'
  const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // Parse, Bind, Describe, Execute, Close, Flush
  let open = false;
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'isInTransaction') return () => open || target.isInTransaction();
      if (prop === 'execProtocolRawStream')
        return async (message: Uint8Array, options: object) => {
          if (EXTENDED.has(message[0])) open = true;
          try {
            return await target.execProtocolRawStream(message, options);
          } finally {
            if (message[0] === SYNC) open = false;
          }
        };
      // Only called to roll back after a client left mid-transaction: its open query ends too.
      if (prop === 'exec')
        return (sql: string) => {
          open = false;
          return target.exec(sql);
        };
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Real PostgreSQL (PGlite, compiled to WASM) in a file data directory, served over the
 * Postgres wire protocol on loopback so the application talks to it through `pg` exactly
 * as it does to a server.
 */
export async function startEmbeddedPostgres(dataDir: string, maxConnections: number): Promise<EmbeddedPostgres> {
  const release = acquireDataDirLock(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const db = await PGlite.create(join(dataDir, 'pgdata'), { extensions: { pg_trgm } });
    const port = await freePort();
    const server = new PGLiteSocketServer({ db: wholeQueries(db), port, host: '127.0.0.1', maxConnections });
    await server.start();
    const portFile = join(dataDir, PORT_FILE);
    writeFileSync(portFile, JSON.stringify({ pid: process.pid, port }));
    let stopped = false;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      poolSize: EMBEDDED_POOL_SIZE,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          rmSync(portFile, { force: true });
          await server.stop();
          await db.close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

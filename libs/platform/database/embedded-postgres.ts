import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

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
 * PGlite is one backend session that runs one statement at a time. A few pooled connections
 * still pay: the next connection's query waits at the socket server while the application
 * handles the answer to the last one, so the database's thread is not left idle. The thread
 * keeps each extended query whole and each transaction exclusive (embedded-postgres.thread.mjs).
 */
export const EMBEDDED_POOL_SIZE = 4;

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

export interface EmbeddedPostgresOptions {
  /**
   * PGlite's `pglite.wasm` compiled (a `WebAssembly.Module`, a type this project's TypeScript
   * libraries do not declare), for a process that starts many embedded databases (the tests start
   * one per file): each start otherwise compiles the 9 MB module again in a new thread and frees it
   * as the thread ends. Sent to the thread, a module shares its machine code.
   */
  wasmModule?: object;
}

/**
 * Real PostgreSQL (PGlite, compiled to WASM) in a file data directory, served over the
 * Postgres wire protocol on loopback so the application talks to it through `pg` exactly
 * as it does to a server.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  maxConnections: number,
  { wasmModule }: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const release = acquireDataDirLock(dataDir);
  try {
    const { port, ...thread } = await startDatabaseThread({ pgdata: join(dataDir, 'pgdata'), maxConnections, wasmModule });
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
          await thread.stop();
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

/** PGlite and its socket server in a worker thread (embedded-postgres.thread.mjs says why). */
async function startDatabaseThread(workerData: {
  pgdata: string;
  maxConnections: number;
  wasmModule?: object;
}): Promise<{ port: number; stop(): Promise<void> }> {
  const thread = new Worker(join(__dirname, 'embedded-postgres.thread.mjs'), { workerData });
  const first = await new Promise<{ started?: true; port?: number; error?: string }>((resolve, reject) => {
    thread.once('message', resolve);
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`The embedded database thread exited (${code}) while starting.`)));
  });
  if (first.error) {
    await thread.terminate();
    throw new Error(`The embedded database did not start: ${first.error}`);
  }
  return {
    port: first.port!,
    async stop() {
      const stopped = new Promise<void>((resolve) => {
        thread.once('message', () => resolve());
        thread.once('exit', () => resolve());
      });
      thread.postMessage('stop');
      await stopped;
      await thread.terminate();
    },
  };
}

import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export class DataDirectoryInUseError extends Error {}

/** Where the application finds its database, and how many connections it may open. */
export interface DatabaseConnection {
  url: string;
  poolSize: number;
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

/**
 * Two processes on one PGlite directory silently lose writes, so the data directory is
 * guarded by a lock file holding the owner's pid. A lock left by a killed process is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'segment-desk.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (owner && owner !== process.pid && processAlive(owner)) {
        throw new DataDirectoryInUseError(
          `The data directory ${dataDir} is already in use by another segment desk process (pid ${owner}). Stop it first, or set DATA_DIR to another directory.`,
        );
      }
      if (existsSync(path)) unlinkSync(path);
    }
  }
  throw new DataDirectoryInUseError(`Could not lock the data directory ${dataDir}.`);
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
    const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections });
    await server.start();
    let stopped = false;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      poolSize: EMBEDDED_POOL_SIZE,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
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

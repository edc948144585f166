// The embedded PostgreSQL's own thread: PGlite runs each query synchronously, so in the
// application's thread every query would stop request handling while it runs. Here it runs on
// another core and the application talks to it over the socket as to a server.
// Plain JavaScript: a worker thread loads it both from the built app and from tests of the sources.
import { parentPort, workerData } from 'node:worker_threads';

import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const SYNC = 0x53; // 'S'
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // Parse, Bind, Describe, Execute, Close, Flush

/**
 * The socket server queues protocol messages and keeps one client's messages together only
 * inside a transaction, so a second client could slip its messages between another's Parse and
 * Sync. Counting an extended query as a transaction from its first message to its Sync keeps
 * every query whole, so several pooled connections (and the CLI beside the app) are safe.
 */
function wholeQueries(db) {
  let open = false;
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'isInTransaction') return () => open || target.isInTransaction();
      if (prop === 'execProtocolRawStream')
        return async (message, options) => {
          if (EXTENDED.has(message[0])) open = true;
          try {
            return await target.execProtocolRawStream(message, options);
          } finally {
            if (message[0] === SYNC) open = false;
          }
        };
      // Only called to roll back after a client left mid-transaction: its open query ends too.
      if (prop === 'exec')
        return (sql) => {
          open = false;
          return target.exec(sql);
        };
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const { pgdata, maxConnections, wasmModule } = workerData;
try {
  const db = await PGlite.create(pgdata, { extensions: { pg_trgm }, ...(wasmModule && { pgliteWasmModule: wasmModule }) });
  // Port 0: the system picks a free port as it binds. A port found free beforehand could be
  // taken by another process while PGlite starts, which takes seconds.
  const server = new PGLiteSocketServer({ db: wholeQueries(db), port: 0, host: '127.0.0.1', maxConnections });
  let port = 0;
  server.addEventListener('listening', (event) => (port = event.detail.port));
  await server.start();
  parentPort.on('message', async (message) => {
    if (message !== 'stop') return;
    await server.stop();
    await db.close();
    parentPort.postMessage({ stopped: true });
  });
  parentPort.postMessage({ started: true, port });
} catch (e) {
  parentPort.postMessage({ error: e instanceof Error ? e.message : String(e) });
}

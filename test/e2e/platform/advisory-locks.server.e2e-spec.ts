import { DatabaseContext, dataSourceOptions } from '@platform/database';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { createTestDatabase, type TestDatabase } from '../../support/test-database';

const KEY = 'incidents:open:production';

/**
 * The locks intake serialises opening with, against another session holding them (a server's:
 * on the embedded database every transaction has the one session to itself).
 */
describe('advisory locks of the database context', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let db: DatabaseContext;
  let other: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(
      dataSourceOptions(database.url, 4, { entities: [], migrations: [], appendOnlyTables: [] }),
    ).initialize();
    db = new DatabaseContext(dataSource);
    other = new Client({ connectionString: database.url });
    await other.connect();
  });
  afterAll(async () => {
    await other?.end();
    await dataSource?.destroy();
    await database?.drop();
  });

  /** Whether the other session can take the lock right now (and gives it back at once). */
  const freeForOthers = async () => {
    const [{ got }] = (await other.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS got`, [KEY])).rows;
    if (got) await other.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [KEY]);
    return got as boolean;
  };

  /** Resolves once some session waits for an advisory lock it has not been granted. */
  const someoneWaits = async () => {
    for (;;) {
      const { rows } = await other.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
      if (rows.length) return;
      await new Promise((r) => setImmediate(r));
    }
  };

  it('tries: takes a free lock until the transaction ends, and answers false at once when another session holds it', async () => {
    await db.transaction(async () => {
      expect(await db.tryAdvisoryXactLock(KEY)).toBe(true);
      expect(await freeForOthers()).toBe(false);
    });
    expect(await freeForOthers()).toBe(true);

    await other.query('BEGIN');
    await other.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [KEY]);
    try {
      await db.transaction(async () => expect(await db.tryAdvisoryXactLock(KEY)).toBe(false));
    } finally {
      await other.query('COMMIT');
    }
  });

  it('awaits: returns only after the holder commits, and then holds nothing', async () => {
    const holder = new Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [KEY]);
      let returned = false;
      const waiting = db.transaction(async () => {
        await db.awaitAdvisoryLock(KEY);
        returned = true;
        // Still inside the transaction: the lock is free for anyone else.
        expect(await freeForOthers()).toBe(true);
      });
      await someoneWaits();
      expect(returned).toBe(false);
      await holder.query('COMMIT');
      await waiting;
      expect(returned).toBe(true);
    } finally {
      await holder.end();
    }
  });

  it.each(['tryAdvisoryXactLock', 'advisoryXactLock'] as const)('refuses %s outside a transaction', async (method) => {
    await expect(db[method](KEY)).rejects.toThrow(`${method} needs a transaction`);
  });
});

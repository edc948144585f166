import { dataSourceOptions } from '@platform/database';
import { Client, Pool } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';

import { poolAwaitingItsConnections } from '../../../libs/platform/database/prepared-statements';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

const NO_SCHEMA = { entities: [], migrations: [], appendOnlyTables: [] };
const ECHO = 'SELECT $1::int * 2 AS doubled';

/** This session's statements prepared through the protocol by the app's connections. */
async function prepared(runner: QueryRunner): Promise<Array<{ name: string; statement: string }>> {
  return runner.query(`SELECT name, statement FROM pg_prepared_statements WHERE NOT from_sql AND name LIKE 'sd\\_%' ORDER BY name`);
}

async function leftInDatabase(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'sd\\_%'`);
    return rows[0].n;
  } finally {
    await client.end();
  }
}

describe('prepared statements on the application connections', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  }, 180_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('prepare a statement with parameters once per connection, and answer right as its plan becomes generic', async () => {
    const ds = await new DataSource(dataSourceOptions(db.url, 2, NO_SCHEMA)).initialize();
    const runner = ds.createQueryRunner();
    try {
      // PostgreSQL tries custom plans five times before it may keep a generic one.
      for (let i = 0; i < 8; i++) expect(await runner.query(ECHO, [i])).toEqual([{ doubled: i * 2 }]);
      await runner.query('SELECT 1 AS one');
      const mine = (await prepared(runner)).filter((s) => s.statement === ECHO);
      expect(mine).toHaveLength(1);
      expect((await prepared(runner)).some((s) => s.statement === 'SELECT 1 AS one')).toBe(false);
    } finally {
      await runner.release();
      await ds.destroy();
    }
  });

  it('let connections prepare the same text side by side, also where they share one session', async () => {
    const ds = await new DataSource(dataSourceOptions(db.url, 4, NO_SCHEMA)).initialize();
    const runners = [ds.createQueryRunner(), ds.createQueryRunner(), ds.createQueryRunner()];
    try {
      await Promise.all(runners.map((r) => r.connect()));
      const answers = await Promise.all(runners.flatMap((r, i) => [r.query(ECHO, [i]), r.query(ECHO, [i + 10])]));
      expect(answers).toEqual([0, 10, 1, 11, 2, 12].map((i) => [{ doubled: i * 2 }]));
      const names = new Set<string>();
      for (const r of runners) for (const s of (await prepared(r)).filter((s) => s.statement === ECHO)) names.add(s.name);
      // A server shows each session its own; the embedded database shows the one shared session's.
      expect(names.size).toBe(3);
    } finally {
      await Promise.all(runners.map((r) => r.release()));
      await ds.destroy();
    }
  });

  it('leave nothing prepared behind once the connections end, also after a statement that failed to parse', async () => {
    const ds = await new DataSource(dataSourceOptions(db.url, 2, NO_SCHEMA)).initialize();
    const runner = ds.createQueryRunner();
    try {
      await runner.query(ECHO, [1]);
      // Its second use goes as a named statement, which the server then does not keep.
      for (let i = 0; i < 2; i++) await expect(runner.query('SELECT $1::int +', [i])).rejects.toThrow(/syntax error/);
      expect(await runner.query(ECHO, [2])).toEqual([{ doubled: 4 }]);
      expect((await prepared(runner)).length).toBeGreaterThan(0);
    } finally {
      await runner.release();
      await ds.destroy();
    }
    expect(await leftInDatabase(db.url)).toBe(0);
  });

  it('end a pool also when a connection it was opening as it ended never opened', async () => {
    // Nothing listens on port 1: the connection is refused at once.
    const pool = new (poolAwaitingItsConnections(Pool))({ connectionString: 'postgres://postgres@127.0.0.1:1/none' });
    const connecting = pool.connect();
    const ending = pool.end();
    await expect(connecting).rejects.toThrow(/ECONNREFUSED/);
    await expect(ending).resolves.toBeUndefined();
  });
});

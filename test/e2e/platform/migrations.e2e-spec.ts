import { DATABASE_SCHEMA } from '@composition';
import { dataSourceOptions, pendingSchemaChanges, runMigrations } from '@platform/database';
import { DataSource } from 'typeorm';

import { MIGRATIONS } from '../../../migrations';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

const names = MIGRATIONS.map((m) => new m().name ?? m.name);

async function appliedRows(ds: DataSource): Promise<string[]> {
  const rows: Array<{ name: string }> = await ds.query('SELECT name FROM schema_migrations ORDER BY id');
  return rows.map((r) => r.name);
}

describe('migrations', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    ds = await new DataSource(dataSourceOptions(db.url, 2, DATABASE_SCHEMA)).initialize();
  }, 180_000);
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('apply every listed migration, in order, on an empty database', async () => {
    expect(names.length).toBeGreaterThan(0);
    expect(await runMigrations(ds)).toEqual(names);
    expect(await appliedRows(ds)).toEqual(names);
  });

  it('are listed in ascending timestamp order with unique names', () => {
    const stamps = names.map((n) => Number(/(\d{13})$/.exec(n)?.[1]));
    expect(stamps.every(Number.isFinite)).toBe(true);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    expect(new Set(names).size).toBe(names.length);
  });

  it('leave the schema exactly as the entities describe it (no drift)', async () => {
    const { up } = await pendingSchemaChanges(ds);
    expect(up).toEqual([]);
  });

  it('are idempotent: a second run applies nothing', async () => {
    expect(await runMigrations(ds)).toEqual([]);
    expect(await appliedRows(ds)).toEqual(names);
  });

  it('are applied exactly once when two processes start at the same time', async () => {
    const fresh = await createTestDatabase({ empty: true });
    const a = await new DataSource(dataSourceOptions(fresh.url, 2, DATABASE_SCHEMA)).initialize();
    const b = await new DataSource(dataSourceOptions(fresh.url, 2, DATABASE_SCHEMA)).initialize();
    try {
      const [fromA, fromB] = await Promise.all([runMigrations(a), runMigrations(b)]);
      expect([...fromA, ...fromB].sort()).toEqual([...names].sort());
      expect(await appliedRows(a)).toEqual(names);
      expect(await appliedRows(b)).toEqual(names);
    } finally {
      await a.destroy();
      await b.destroy();
      await fresh.drop();
    }
  }, 120_000);
});

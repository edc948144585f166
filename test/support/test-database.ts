import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DatabaseConnection, startEmbeddedPostgres } from '@platform/database';
import { Client } from 'pg';

export interface TestDatabase extends DatabaseConnection {
  dataDir: string;
  kind: 'embedded' | 'server';
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Without the product's schema, for the migrations' own tests and the built app's first start; by default every migration is applied. */
  empty?: boolean;
}

/**
 * A fresh database for one test file, with every migration applied unless `empty`: a new
 * database on the server named by DATABASE_URL when set (as CI does), otherwise a new embedded
 * PGlite in a temp directory. Both are copies of what the global setup prepared (initdb and the
 * migrations take seconds); without it (a test file run outside Jest's setup) the database
 * starts empty and the application applies the migrations itself.
 */
export async function createTestDatabase({ empty = false }: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const server = process.env.DATABASE_URL;
  if (server) return createServerDatabase(server, empty ? null : (process.env.SEGMENT_DESK_TEST_TEMPLATE_DB ?? null));
  const dataDir = mkdtempSync(join(tmpdir(), 'segment-desk-test-'));
  const template = empty ? process.env.SEGMENT_DESK_TEST_PGDATA : process.env.SEGMENT_DESK_TEST_PGDATA_MIGRATED;
  if (template) cpSync(template, join(dataDir, 'pgdata'), { recursive: true });
  const embedded = await startEmbeddedPostgres(dataDir, 20, { wasmModule: compiledPglite() });
  return {
    url: embedded.url,
    poolSize: embedded.poolSize,
    dataDir,
    kind: 'embedded',
    async drop() {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** PGlite compiled once per Jest worker by its test environment (embedded-database.environment.js says why). */
function compiledPglite(): object | undefined {
  return (globalThis as Record<symbol, object | undefined>)[Symbol.for('segment-desk.pglite-wasm')];
}

async function createServerDatabase(server: string, template: string | null): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'segment-desk-test-'));
  const name = `sd_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    poolSize: 10,
    dataDir,
    kind: 'server',
    async drop() {
      const c = new Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

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

/**
 * A fresh, empty database for one test file: a new database on the server named by
 * DATABASE_URL when set (as CI does), otherwise a new embedded PGlite in a temp directory,
 * copied from the empty data directory the global setup initialised (initdb takes seconds).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = process.env.DATABASE_URL;
  if (server) return createServerDatabase(server);
  const dataDir = mkdtempSync(join(tmpdir(), 'segment-desk-test-'));
  const template = process.env.SEGMENT_DESK_TEST_PGDATA;
  if (template) cpSync(template, join(dataDir, 'pgdata'), { recursive: true });
  const embedded = await startEmbeddedPostgres(dataDir, 20);
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

async function createServerDatabase(server: string): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'segment-desk-test-'));
  const name = `sd_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
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

// Jest global setup, once per run before any test file:
// - compile dist/ (building per file would let one file's clean build pull dist/ from under
//   another's app process);
// - put the run's temporary directories on a memory file system where there is one (below);
// - prepare the databases test files copy instead of building their own: initdb and the
//   migrations take seconds per file on the embedded database (see test-database.ts).
//   Embedded: an empty data directory and one with every migration applied. Server: a template
//   database with every migration applied (an empty one is what CREATE DATABASE makes anyway).
// The migrations themselves are tested from an empty database (migrations.e2e-spec.ts), and so is
// the built app's first start, by the e2e tests that start it as a process.
const { execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { cpSync, mkdtempSync, statfsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const dist = (path) => require(join(ROOT, 'dist', 'libs', ...path.split('/')));

async function migrate(url) {
  const { DataSource } = require('typeorm');
  const { dataSourceOptions, runMigrations } = dist('platform/database/index.js');
  const { DATABASE_SCHEMA } = dist('composition/database-schema.js');
  const dataSource = await new DataSource(dataSourceOptions(url, 1, DATABASE_SCHEMA)).initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function serverTemplate(server) {
  const { Client } = require('pg');
  const name = `sd_template_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return name;
}

const MEMORY_FS = '/dev/shm';
// Room for the data directories of the run's busiest moment (about 40 MB each), with a wide margin;
// a container's /dev/shm is often 64 MB, too small, and then the disk is used.
const MEMORY_FS_NEEDED = 2 * 1024 ** 3;

/** A directory of this run's own on a memory file system, or null where there is none with room to write to. */
function memoryScratch() {
  try {
    const { bavail, bsize } = statfsSync(MEMORY_FS);
    return bavail * bsize < MEMORY_FS_NEEDED ? null : mkdtempSync(join(MEMORY_FS, 'segment-desk-tests-'));
  } catch {
    return null;
  }
}

module.exports = async function globalSetup() {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'pipe' });
  // Every temporary directory of the run (os.tmpdir() reads TMPDIR), the embedded databases' data
  // directories among them, goes on a memory file system where there is one: a data directory is
  // some 1,300 files, and creating them on this machine's disk took about a second per copy, on
  // tmpfs 50 ms. The global teardown removes the directory with whatever a failed test left.
  const scratch = memoryScratch();
  if (scratch) process.env.TMPDIR = process.env.SEGMENT_DESK_TEST_SCRATCH = scratch;
  // Test files run in workers started after this, which inherit the environment.
  if (process.env.DATABASE_URL) {
    process.env.SEGMENT_DESK_TEST_TEMPLATE_DB = await serverTemplate(process.env.DATABASE_URL);
    return;
  }
  const { startEmbeddedPostgres } = dist('platform/database/embedded-postgres.js');
  const empty = mkdtempSync(join(tmpdir(), 'segment-desk-template-'));
  await (await startEmbeddedPostgres(empty, 1)).stop();
  const migrated = mkdtempSync(join(tmpdir(), 'segment-desk-template-'));
  cpSync(join(empty, 'pgdata'), join(migrated, 'pgdata'), { recursive: true });
  const embedded = await startEmbeddedPostgres(migrated, 1);
  try {
    await migrate(embedded.url);
  } finally {
    await embedded.stop();
  }
  process.env.SEGMENT_DESK_TEST_PGDATA = join(empty, 'pgdata');
  process.env.SEGMENT_DESK_TEST_PGDATA_MIGRATED = join(migrated, 'pgdata');
};

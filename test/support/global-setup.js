// Jest global setup, once per run before any test file:
// - compile dist/ (building per file would let one file's clean build pull dist/ from under
//   another's app process);
// - on the embedded database, initialise one empty PostgreSQL data directory that every test
//   file copies instead of running initdb itself (seconds per file; see test-database.ts).
const { execFileSync } = require('node:child_process');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');

module.exports = async function globalSetup() {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'pipe' });
  if (process.env.DATABASE_URL) return;
  const { startEmbeddedPostgres } = require(join(ROOT, 'dist', 'libs', 'platform', 'database', 'embedded-postgres.js'));
  const dir = mkdtempSync(join(tmpdir(), 'segment-desk-template-'));
  const embedded = await startEmbeddedPostgres(dir, 1);
  await embedded.stop();
  // Test files run in workers started after this, which inherit the environment.
  process.env.SEGMENT_DESK_TEST_PGDATA = join(dir, 'pgdata');
};

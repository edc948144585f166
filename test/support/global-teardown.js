// Removes what the global setup made for the run.
const { rmSync } = require('node:fs');
const { dirname } = require('node:path');

module.exports = async function globalTeardown() {
  for (const template of [process.env.SEGMENT_DESK_TEST_PGDATA, process.env.SEGMENT_DESK_TEST_PGDATA_MIGRATED])
    if (template) rmSync(dirname(template), { recursive: true, force: true });
  if (process.env.SEGMENT_DESK_TEST_SCRATCH) rmSync(process.env.SEGMENT_DESK_TEST_SCRATCH, { recursive: true, force: true });
  const database = process.env.SEGMENT_DESK_TEST_TEMPLATE_DB;
  if (!database || !process.env.DATABASE_URL) return;
  const { Client } = require('pg');
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
};

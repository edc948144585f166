// Removes what the global setup made for the run.
const { rmSync } = require('node:fs');
const { dirname } = require('node:path');

module.exports = function globalTeardown() {
  const template = process.env.SEGMENT_DESK_TEST_PGDATA;
  if (template) rmSync(dirname(template), { recursive: true, force: true });
};

// Jest global setup: compile dist/ once per run, before any test file starts the built app.
// (Building per file would let one file's clean build pull dist/ from under another's process.)
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = function buildOnce() {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: join(__dirname, '..', '..'), stdio: 'pipe' });
};

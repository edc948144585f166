// `eslint .` with a cache that is only reused for the very same working tree. ESLint's cache keeps
// a file's result while that file is unchanged, but the type-aware rules (floating promises,
// exhaustive switches) also read the types of the files it imports: an edit elsewhere can change
// an unchanged file's result. So the cache is named by a hash of every file git sees (tracked and
// untracked, not ignored; the lock file among them, which fixes ESLint's and its plugins' versions),
// and any edit starts a new one. What it buys is the second lint of one tree: `npm test` on the
// second database, or run again after a test fix.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheRoot = join(root, 'node_modules', '.cache', 'segment-desk-eslint');
// Its package exports no bin path to resolve; its CLI is at the same place in every release.
const eslint = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');

/** The tree's hash, or null outside a git checkout (then ESLint runs without a cache). */
function treeHash() {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) return null;
  const hash = createHash('sha256');
  for (const file of [...new Set(listed.stdout.split('\0').filter(Boolean))].sort()) {
    const path = join(root, file);
    hash.update(file).update('\0');
    // A file deleted but not yet staged is still listed: its absence is part of the tree.
    hash.update(statSync(path, { throwIfNoEntry: false })?.isFile() ? readFileSync(path) : '\0absent').update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

const tree = treeHash();
const args = [eslint, '.', ...process.argv.slice(2)];
if (tree) {
  for (const old of existsSync(cacheRoot) ? readdirSync(cacheRoot) : []) {
    if (old !== tree) rmSync(join(cacheRoot, old), { recursive: true, force: true });
  }
  args.push('--cache', '--cache-strategy', 'content', '--cache-location', join(cacheRoot, tree, '.eslintcache'));
}
const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);

// Compiles apps, libs and migrations to dist/ with swc (about a second) and copies the
// templates, views and assets beside the code. Type checking is `npm run typecheck`.
//
// Several processes may build from one checkout at once: `npm start` and `start:api` /
// `start:worker` build first, and so does each test run. A clean build removes dist/ under any
// app already running from it (its views and lazily loaded modules are read from there), so
// builds take a lock one at a time, and a build whose inputs are those dist/ was made from
// (`dist/.inputs`, a hash of every source file and of what compiles them) leaves it as it is.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const swc = require('@swc/core');
const swcOptions = require('./swc-options.cjs');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const stamp = join(out, '.inputs');
const lock = join(root, 'dist.lock');
const sources = ['apps', 'libs', 'migrations'];
const STALE_LOCK_MS = 120_000;
// What compiles the sources: this script, the swc options (and tsconfig's paths they use), swc's version.
const toolchain = ['scripts/build.mjs', 'scripts/swc-options.cjs', 'tsconfig.json', 'package-lock.json'];

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

function inputsHash() {
  const files = [...sources.flatMap((src) => [...walk(join(root, src))]), ...toolchain.map((f) => join(root, f))];
  const hash = createHash('sha256');
  for (const file of files.sort()) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};

/** Waits for the lock; one left by a build that died (its process gone, or held far longer than a build takes) is taken over. */
async function acquireLock() {
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    } catch {
      // Made, its pid not yet written: the holder is a moment from writing it.
    }
    const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if ((holder && !alive(holder)) || age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const started = Date.now();
await acquireLock();
try {
  const inputs = inputsHash();
  let built = null;
  try {
    built = readFileSync(stamp, 'utf8');
  } catch {
    // No dist/ yet, or an interrupted build: build it.
  }
  if (built === inputs) console.log('dist/ is up to date');
  else await build(inputs);
} finally {
  rmSync(lock, { recursive: true, force: true });
}

async function build(inputs) {
  rmSync(out, { recursive: true, force: true });
  const jobs = [];
  for (const src of sources) {
    for (const file of walk(join(root, src))) {
      const rel = relative(root, file);
      const target = join(out, rel);
      mkdirSync(dirname(target), { recursive: true });
      if (file.endsWith('.ts')) {
        if (/\.(spec|e2e-spec)\.ts$/.test(file) || file.endsWith('.d.ts')) continue;
        const js = target.replace(/\.ts$/, '.js');
        jobs.push(
          swc.transformFile(file, { ...swcOptions(), filename: file, sourceFileName: relative(dirname(js), file) }).then((r) => {
            writeFileSync(js, r.code + `\n//# sourceMappingURL=${js.split('/').pop()}.map`);
            writeFileSync(js + '.map', r.map);
          }),
        );
      } else {
        cpSync(file, target);
      }
    }
  }
  await Promise.all(jobs);
  // Last, so a build cut short is never taken for a whole one.
  writeFileSync(stamp, inputs);
  console.log(`built ${jobs.length} files into dist/ in ${Date.now() - started} ms`);
}

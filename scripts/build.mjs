// Compiles apps, libs and migrations to dist/ with swc (about a second) and copies the
// templates, views and assets beside the code. Type checking is `npm run typecheck`.
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const swc = require('@swc/core');
const swcOptions = require('./swc-options.cjs');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const sources = ['apps', 'libs', 'migrations'];

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

const started = Date.now();
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
console.log(`built ${jobs.length} files into dist/ in ${Date.now() - started} ms`);

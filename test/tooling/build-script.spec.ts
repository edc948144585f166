import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);

/**
 * scripts/build.mjs in a small checkout of its own (a file in each source folder; the real
 * toolchain and node_modules), so builds can be started at once and sources changed freely.
 */
describe('the build (scripts/build.mjs)', () => {
  let checkout: string;
  const build = async () => (await run(process.execPath, [join(checkout, 'scripts', 'build.mjs')], { cwd: checkout })).stdout.trim();
  const source = (path: string, text: string) => {
    mkdirSync(join(checkout, path, '..'), { recursive: true });
    writeFileSync(join(checkout, path), text);
  };

  beforeEach(() => {
    checkout = mkdtempSync(join(tmpdir(), 'segment-desk-build-'));
    for (const file of ['scripts/build.mjs', 'scripts/swc-options.cjs', 'tsconfig.json', 'package-lock.json']) {
      mkdirSync(join(checkout, file, '..'), { recursive: true });
      cpSync(join(ROOT, file), join(checkout, file));
    }
    symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'));
    source('apps/api/src/main.ts', 'export const answer: number = 42;\n');
    source('apps/api/src/views/page.hbs', '<p>{{answer}}</p>\n');
    source('libs/platform/index.ts', 'export const platform = true;\n');
    source('migrations/1-first.ts', 'export const first = 1;\n');
  });

  afterEach(() => rmSync(checkout, { recursive: true, force: true }));

  it('builds once when several start at once; the others wait and find dist/ up to date', async () => {
    // Enough to compile that the builds would overlap if they did not take turns.
    for (let i = 0; i < 300; i++) source(`libs/many/file-${i}.ts`, `export const value${i}: number = ${i};\n`);
    const outputs = await Promise.all([build(), build(), build()]);
    expect(outputs.filter((o) => /^built 303 files into dist\//.test(o))).toHaveLength(1);
    expect(outputs.filter((o) => o === 'dist/ is up to date')).toHaveLength(2);
    expect(readFileSync(join(checkout, 'dist/apps/api/src/main.js'), 'utf8')).toContain('answer = 42');
    expect(existsSync(join(checkout, 'dist/apps/api/src/views/page.hbs'))).toBe(true);
    expect(existsSync(join(checkout, 'dist.lock'))).toBe(false);
  });

  it('builds again when a source, a copied file or the toolchain changes, and only then', async () => {
    await build();
    expect(await build()).toBe('dist/ is up to date');
    source('libs/platform/index.ts', 'export const platform = false;\n');
    expect(await build()).toMatch(/^built /);
    expect(readFileSync(join(checkout, 'dist/libs/platform/index.js'), 'utf8')).toContain('platform = false');
    source('apps/api/src/views/page.hbs', '<p>{{question}}</p>\n');
    expect(await build()).toMatch(/^built /);
    writeFileSync(join(checkout, 'package-lock.json'), readFileSync(join(checkout, 'package-lock.json'), 'utf8') + '\n');
    expect(await build()).toMatch(/^built /);
    expect(await build()).toBe('dist/ is up to date');
  });

  it('removes what the sources no longer hold', async () => {
    source('libs/platform/old.ts', 'export const old = 1;\n');
    await build();
    rmSync(join(checkout, 'libs/platform/old.ts'));
    await build();
    expect(existsSync(join(checkout, 'dist/libs/platform/old.js'))).toBe(false);
  });

  it('builds over a build that was cut short', async () => {
    await build();
    rmSync(join(checkout, 'dist/.inputs'));
    expect(await build()).toMatch(/^built /);
  });

  it('takes over a lock left by a build whose process is gone', async () => {
    const gone = await run(process.execPath, ['-p', 'process.pid']);
    mkdirSync(join(checkout, 'dist.lock'));
    writeFileSync(join(checkout, 'dist.lock', 'pid'), gone.stdout.trim());
    expect(await build()).toMatch(/^built /);
    expect(existsSync(join(checkout, 'dist.lock'))).toBe(false);
  });
});

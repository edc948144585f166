import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// The admin UI stays one folder per part with one way of doing each thing: short routes-only
// controllers, pure view models with specs, one filter for failed forms, texts in the texts modules.
const ROOT = join(__dirname, '..', '..');
const UI = join(ROOT, 'apps', 'api', 'src', 'ui');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (path.endsWith('.ts')) yield path;
  }
}

const sources = [...files(UI)].map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
const code = sources.filter((f) => !f.path.endsWith('.spec.ts'));

describe('the admin UI', () => {
  it('keeps every page controller within 200 lines', () => {
    const long = code.filter((f) => f.path.endsWith('.controller.ts') && f.text.split('\n').length > 200).map((f) => f.path);
    expect(long).toEqual([]);
  });

  it('has a spec beside every view model', () => {
    const names = new Set(sources.map((f) => f.path));
    const missing = code
      .filter((f) => f.path.endsWith('.view-model.ts') && !names.has(f.path.replace(/\.ts$/, '.spec.ts')))
      .map((f) => f.path);
    expect(missing).toEqual([]);
  });

  it('has one exception filter for page forms', () => {
    const filters = code.filter((f) => /@Catch\(/.test(f.text)).map((f) => f.path);
    expect(filters).toEqual(['apps/api/src/ui/shared/page-form.ts']);
  });

  it('puts one folder per part, with its controllers, under ui/', () => {
    const misplaced = code.filter(
      (f) => f.path.endsWith('.controller.ts') && !/^apps\/api\/src\/ui\/[a-z-]+\/[a-z-]+\.controller\.ts$/.test(f.path),
    );
    expect(misplaced.map((f) => f.path)).toEqual([]);
  });

  it('redirects with codes, never with text to show', () => {
    const withText = code.filter((f) => /redirect\([^)]*[?&](error|message|text|link|created|deleted)=/.test(f.text)).map((f) => f.path);
    expect(withText).toEqual([]);
  });

  it('keeps role names out of the parts: who may do what comes from one place', () => {
    const local = code
      .filter((f) => !f.path.includes('/shared/') && /\bWRITERS\b|\.role\s*[!=]==\s*'(admin|agent|security|viewer)'/.test(f.text))
      .map((f) => f.path);
    expect(local).toEqual([]);
  });
});

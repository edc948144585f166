import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { AUDIT_ACTION_GROUPS, AUDIT_ACTION_TEXTS, AUDIT_OBJECT_TYPE_TEXTS } from './audit-actions.texts.nb';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (path.endsWith('.ts') && !/\.(spec|e2e-spec|medium-spec|browser-spec)\.ts$/.test(path)) yield path;
  }
}

interface RecordedAudit {
  file: string;
  actions: string[];
  objectTypes: string[];
}

/**
 * Every `execute({ … })` call on an injected RecordAudit in libs/ and apps/, with the string literals its
 * `action` and `objectType` can take (`before ? 'consumer.service_updated' : 'consumer.service_added'`).
 */
function recordedAudits(): RecordedAudit[] {
  const found: RecordedAudit[] = [];
  for (const path of [...sources(join(ROOT, 'libs')), ...sources(join(ROOT, 'apps'))]) {
    const text = readFileSync(path, 'utf8');
    const recorder = /(\w+): RecordAudit\b/.exec(text)?.[1];
    if (!recorder) continue;
    for (const call of text.matchAll(new RegExp(`\\b${recorder}\\.execute\\(\\{([\\s\\S]*?)\\}\\);`, 'g'))) {
      const literals = (key: string) => {
        const value = new RegExp(`\\b${key}:\\s*([^,\\n]+)`).exec(call[1])?.[1] ?? '';
        return [...value.matchAll(/'([^']+)'/g)].map((m) => m[1]);
      };
      found.push({ file: relative(ROOT, path), actions: literals('action'), objectTypes: literals('objectType') });
    }
  }
  return found;
}

describe('audit log texts', () => {
  const recorded = recordedAudits();

  it('finds the recorded actions in the code base', () => {
    expect(recorded.length).toBeGreaterThan(30);
    expect(recorded.flatMap((r) => r.actions)).toEqual(expect.arrayContaining(['staff.bootstrapped', 'consumer.updated', 'logout']));
  });

  it('names every action recorded anywhere, so the log never shows a raw code', () => {
    // An action that is not a literal cannot be checked (nor named): write the codes out.
    expect(recorded.filter((r) => r.actions.length === 0).map((r) => r.file)).toEqual([]);
    const missing = recorded.flatMap((r) => r.actions.filter((a) => !Object.hasOwn(AUDIT_ACTION_TEXTS, a)).map((a) => `${a} (${r.file})`));
    expect(missing).toEqual([]);
  });

  it('names every object type recorded anywhere', () => {
    expect(recorded.filter((r) => r.objectTypes.length === 0).map((r) => r.file)).toEqual([]);
    const missing = recorded.flatMap((r) =>
      r.objectTypes.filter((t) => !Object.hasOwn(AUDIT_OBJECT_TYPE_TEXTS, t)).map((t) => `${t} (${r.file})`),
    );
    expect(missing).toEqual([]);
  });

  it('lists each action once, in one group of the filter, and no action nobody records', () => {
    const listed = AUDIT_ACTION_GROUPS.flatMap((g) => Object.keys(g.actions));
    expect(new Set(listed).size).toBe(listed.length);
    const recordedCodes = new Set(recorded.flatMap((r) => r.actions));
    expect(listed.filter((a) => !recordedCodes.has(a))).toEqual([]);
    expect(new Set(AUDIT_ACTION_GROUPS.map((g) => g.key)).size).toBe(AUDIT_ACTION_GROUPS.length);
  });
});

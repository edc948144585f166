import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The dependency rules in .dependency-cruiser.cjs, run on a small tree in which every rule is
// broken once on purpose: if a rule stopped matching, `npm run deps` would pass on violations.
const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(__dirname, 'fixtures', 'violations');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruiseFixture(): Violation[] {
  const bin = join(ROOT, 'node_modules', '.bin', 'depcruise');
  const config = join(ROOT, '.dependency-cruiser.cjs');
  let out: string;
  try {
    out = execFileSync(bin, ['libs', 'apps', 'migrations', '--config', config, '--output-type', 'json'], {
      cwd: FIXTURE,
      encoding: 'utf8',
    });
  } catch (e) {
    // depcruise exits non-zero when it finds violations; the report is still on stdout.
    out = (e as { stdout: string }).stdout;
  }
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('dependency rules', () => {
  let violations: Violation[];
  beforeAll(() => {
    violations = cruiseFixture();
  });

  const expected: Array<[string, string, string]> = [
    ['platform-is-the-foundation', 'libs/platform/mail/knows-the-product.ts', 'libs/domain/incidents/index.ts'],
    ['platform-modules-through-their-index', 'libs/platform/database/reaches-into-mail.ts', 'libs/platform/mail/knows-the-product.ts'],
    ['platform-through-its-index', 'apps/api/src/reaches-into-libraries.ts', 'libs/platform/database/reaches-into-mail.ts'],
    ['kernel-knows-no-context', 'libs/domain/shared/knows-a-context.ts', 'libs/domain/incidents/index.ts'],
    ['contexts-through-their-index', 'libs/domain/consumers/reaches-into-incidents.ts', 'libs/domain/incidents/internal.ts'],
    ['apps-use-contexts-through-their-index', 'apps/api/src/reaches-into-libraries.ts', 'libs/domain/incidents/internal.ts'],
    ['not-through-own-index', 'libs/domain/incidents/through-own-index.ts', 'libs/domain/incidents/index.ts'],
    ['libraries-know-no-app', 'libs/domain/incidents/uses-an-app.ts', 'apps/api/src/ui/incidents/incident-page.ts'],
    ['apps-apart', 'apps/api/src/uses-the-worker.ts', 'apps/worker/src/job.ts'],
    ['pure-rules', 'libs/domain/incidents/rules/impure-rule.ts', 'fs'],
    ['ui-contexts-apart', 'apps/api/src/ui/incidents/incident-page.ts', 'apps/api/src/ui/consumers/consumer-page.ts'],
    ['migrations-stand-alone', 'migrations/1700000000000-uses-an-entity.ts', 'libs/domain/incidents/index.ts'],
    ['production-code-not-tests', 'libs/domain/incidents/uses-a-test.ts', 'test/helper.ts'],
    ['no-circular', 'libs/domain/consumers/ping.ts', 'libs/domain/consumers/pong.ts'],
    ['no-folder-cycles', 'libs/domain/consumers', 'libs/domain/incidents'],
  ];

  it.each(expected)('%s catches %s → %s', (rule, from, to) => {
    expect(violations).toContainEqual(expect.objectContaining({ rule: expect.objectContaining({ name: rule }), from, to }));
  });

  it('every rule in the configuration is proven by the fixture', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the configuration is CommonJS
    const config = require(join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: Array<{ name: string }> };
    expect(new Set(expected.map(([rule]) => rule))).toEqual(new Set(config.forbidden.map((r) => r.name)));
  });

  it('finds nothing beyond the deliberate violations', () => {
    const known = (v: Violation) =>
      expected.some(([rule, from, to]) => v.rule.name === rule && ((v.from === from && v.to === to) || rule.startsWith('no-')));
    expect(violations.filter((v) => !known(v))).toEqual([]);
  });
});

import { type AudienceCandidate, type AudienceCriteria, computeAudience, mailingsOf } from './audience';

const contacts = (org: string) => [
  { name: 'Tekniker', email: `tech-${org}@k.test`, role: 'technical' },
  { name: 'Fag', email: `fag-${org}@k.test`, role: 'professional' },
  { name: 'Sikkerhet', email: `sik-${org}@k.test`, role: 'security' },
];
const candidate = (org: string, services: AudienceCandidate['services']): AudienceCandidate => ({
  consumerId: `c-${org}`,
  orgNumber: org,
  name: `Kommune ${org}`,
  services,
  contacts: contacts(org),
});
const svc = (code: string, environments: string[], entitlementPackage: string | null = null, serviceArea: string | null = null) => ({
  code,
  environments,
  entitlementPackage,
  serviceArea,
});

const REGISTRY: AudienceCandidate[] = [
  candidate('1', [svc('ssg', ['production', 'test'], 'barnehage', 'oppvekst'), svc('inntekt', ['production'])]),
  candidate('2', [svc('ssg', ['test'], 'sfo', 'oppvekst')]),
  candidate('3', [svc('inntekt', ['production', 'test'], null, 'helse')]),
  candidate('4', [svc('ssg', ['production'], 'sfo', 'skatt'), svc('inntekt', ['production'], 'sfo', 'skatt')]),
];

const criteria = (over: Partial<AudienceCriteria>): AudienceCriteria => ({
  services: ['ssg'],
  environments: ['production'],
  entitlementPackages: [],
  serviceAreas: [],
  roles: [],
  ...over,
});

describe('the audience of a notice', () => {
  it.each<[string, Partial<AudienceCriteria>, string[]]>([
    ['one service in production: every role of every consumer with it there', {}, ['1', '4']],
    ['one service in test', { environments: ['test'] }, ['1', '2']],
    ['one service in either environment', { environments: ['production', 'test'] }, ['1', '2', '4']],
    ['two services: a consumer with both is still one audience', { services: ['ssg', 'inntekt'] }, ['1', '3', '4']],
    ['unknown service: nobody', { services: ['finnes-ikke'] }, []],
    ['no environment: nobody', { environments: [] }, []],
    ['a package narrows', { entitlementPackages: ['sfo'] }, ['4']],
    ['a package not held on that service: nobody', { services: ['inntekt'], entitlementPackages: ['barnehage'] }, []],
    ['a service area narrows', { services: ['ssg', 'inntekt'], serviceAreas: ['helse'] }, ['3']],
    ['package and area together must both hold', { entitlementPackages: ['sfo'], serviceAreas: ['oppvekst'] }, []],
  ])('%s', (_, over, orgs) => {
    const got = computeAudience(criteria(over), REGISTRY);
    expect([...new Set(got.map((r) => r.orgNumber))]).toEqual(orgs);
    // every contact of each matching consumer, when roles are not narrowed
    expect(got).toHaveLength(orgs.length * 3);
  });

  it.each<[string[], string[]]>([
    [[], ['fag-1@k.test', 'sik-1@k.test', 'tech-1@k.test', 'fag-4@k.test', 'sik-4@k.test', 'tech-4@k.test']],
    [['technical'], ['tech-1@k.test', 'tech-4@k.test']],
    [
      ['technical', 'professional'],
      ['fag-1@k.test', 'tech-1@k.test', 'fag-4@k.test', 'tech-4@k.test'],
    ],
    [['security'], ['sik-1@k.test', 'sik-4@k.test']],
  ])('roles %j narrow to those contacts', (roles, emails) => {
    expect(computeAudience(criteria({ roles }), REGISTRY).map((r) => r.email)).toEqual(emails);
  });

  it("keeps a shared address once per consumer, with that consumer's services", () => {
    const shared = { name: 'Leverandør', email: 'Drift@Leverandor.test', role: 'technical' };
    const a = { ...candidate('5', [svc('ssg', ['production']), svc('inntekt', ['production'])]), contacts: [shared] };
    const b = { ...candidate('6', [svc('ssg', ['production'])]), contacts: [{ ...shared, email: 'drift@leverandor.test' }, shared] };
    const got = computeAudience(criteria({ services: ['ssg', 'inntekt'] }), [b, a]);
    expect(got).toEqual([
      {
        consumerId: 'c-5',
        consumerName: 'Kommune 5',
        orgNumber: '5',
        name: 'Leverandør',
        email: 'drift@leverandor.test',
        role: 'technical',
        services: ['inntekt', 'ssg'],
      },
      {
        consumerId: 'c-6',
        consumerName: 'Kommune 6',
        orgNumber: '6',
        name: 'Leverandør',
        email: 'drift@leverandor.test',
        role: 'technical',
        services: ['ssg'],
      },
    ]);
  });
});

describe('the mailings of an audience', () => {
  const shared = { name: '', email: 'drift@leverandor.test', role: 'technical' };
  const a = { ...candidate('5', [svc('ssg', ['production']), svc('inntekt', ['production'])]), contacts: [shared] };
  const b = {
    ...candidate('6', [svc('ssg', ['production'])]),
    contacts: [
      { ...shared, name: 'Drift', role: 'security' },
      { name: 'Fag', email: 'fag-6@k.test', role: 'professional' },
    ],
  };
  const mailings = mailingsOf(computeAudience(criteria({ services: ['ssg', 'inntekt'] }), [b, a]));

  it('writes one e-mail per address, naming every consumer it answers for', () => {
    expect(mailings.map((m) => [m.email, m.consumers.map((c) => c.orgNumber)])).toEqual([
      ['drift@leverandor.test', ['5', '6']],
      ['fag-6@k.test', ['6']],
    ]);
  });

  it.each<[string, keyof (typeof mailings)[number], unknown]>([
    ['the services of all its consumers', 'services', ['inntekt', 'ssg']],
    ['the first name given', 'name', 'Drift'],
    ['all its roles, so a role-specific text is used only when they agree', 'roles', ['security', 'technical']],
  ])('a shared address gets %s', (_, field, value) => {
    expect(mailings[0][field]).toEqual(value);
  });

  it("an address of one consumer is that consumer's contact", () => {
    expect(mailings[1]).toMatchObject({ name: 'Fag', roles: ['professional'], services: ['ssg'] });
  });
});

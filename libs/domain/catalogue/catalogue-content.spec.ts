import { normaliseDetails, normaliseService, normaliseServices } from './catalogue-content';

const valid = {
  code: 'summert-skattegrunnlag',
  name: 'Summert skattegrunnlag API',
  maskinportenScopes: ['skatteetaten:summertskattegrunnlag'],
  environments: ['production', 'test'],
  escalationEmails: ['drift@skatteetaten.example'],
  securityEmails: ['sikkerhet@skatteetaten.example'],
};

describe('normaliseService', () => {
  it('fills in defaults for optional fields', () => {
    const { service, errors } = normaliseService(valid, 'services[0]');
    expect(errors).toEqual([]);
    expect(service).toEqual({
      ...valid,
      description: '',
      informationTypes: [],
      entitlementPackages: [],
      serviceAreas: [],
      lifecycle: 'active',
      sunsetDate: null,
      altinnResource: null,
      documentationUrl: null,
    });
  });

  it('trims and de-duplicates list entries', () => {
    const { service } = normaliseService(
      { ...valid, environments: ['test', ' test ', 'production'], escalationEmails: [' a@b.no ', 'a@b.no', ''] },
      '',
    );
    expect(service.environments).toEqual(['test', 'production']);
    expect(service.escalationEmails).toEqual(['a@b.no']);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['upper-case code', { code: 'Inntekt' }, ['services[0].code']],
    ['one-letter code', { code: 'a' }, ['services[0].code']],
    ['code starting with a hyphen', { code: '-inntekt' }, ['services[0].code']],
    ['code of 65 characters', { code: 'a'.repeat(65) }, ['services[0].code']],
    ['missing name', { name: '  ' }, ['services[0].name']],
    [
      'bad escalation e-mail at index 1',
      { escalationEmails: ['ok@skatteetaten.example', 'not-an-email'] },
      ['services[0].escalationEmails[1]'],
    ],
    ['bad security e-mail', { securityEmails: ['x@'] }, ['services[0].securityEmails[0]']],
    ['missing escalation list', { escalationEmails: undefined }, ['services[0].escalationEmails']],
    ['unknown environment', { environments: ['production', 'staging'] }, ['services[0].environments[1]']],
    ['no environment', { environments: [] }, ['services[0].environments']],
    ['environments not a list', { environments: 'production' }, ['services[0].environments']],
    ['bad scope', { maskinportenScopes: ['inntekt'] }, ['services[0].maskinportenScopes[0]']],
    ['unknown lifecycle', { lifecycle: 'retired' }, ['services[0].lifecycle']],
    ['bad sunset date', { sunsetDate: '31.12.2026' }, ['services[0].sunsetDate']],
    ['documentation not a URL', { documentationUrl: 'ftp://x' }, ['services[0].documentationUrl']],
    [
      'package without purpose',
      { entitlementPackages: [{ code: 'kommuneforeldrebetaling' }] },
      ['services[0].entitlementPackages[0].purpose'],
    ],
    [
      'package listed twice',
      {
        entitlementPackages: [
          { code: 'saernamsmann', purpose: 'a' },
          { code: 'saernamsmann', purpose: 'b' },
        ],
      },
      ['services[0].entitlementPackages[1].code'],
    ],
  ])('%s', (_name, change, fields) => {
    expect(normaliseService({ ...valid, ...change }, 'services[0]').errors.map((e) => e.field)).toEqual(fields);
  });

  it('names fields without a prefix for a single-service form', () => {
    expect(normaliseService({ ...valid, code: 'X' }, '').errors.map((e) => e.field)).toEqual(['code']);
  });
});

describe('normaliseServices', () => {
  it('reports a duplicate code on the later service', () => {
    const { errors } = normaliseServices([valid, { ...valid, code: 'inntekt' }, { ...valid }]);
    expect(errors).toEqual([{ field: 'services[2].code', message: expect.stringContaining('services[0]') }]);
  });

  it('accepts no services (a draft may start empty)', () => {
    expect(normaliseServices(undefined)).toEqual({ services: [], errors: [] });
  });
});

describe('normaliseDetails', () => {
  it.each<[string, Record<string, unknown>, string[], string | null]>([
    ['valid', { label: 'Bilag 2 – 2026.2', effectiveFrom: '2026-07-01' }, [], '2026-07-01'],
    ['date-time in UTC becomes the Oslo day', { label: 'x', effectiveFrom: '2026-06-30T22:00:00Z' }, [], '2026-07-01'],
    ['missing label', { effectiveFrom: '2026-07-01' }, ['label'], '2026-07-01'],
    ['missing date', { label: 'x' }, ['effectiveFrom'], null],
    ['invalid date', { label: 'x', effectiveFrom: '2026-02-31' }, ['effectiveFrom'], null],
  ])('%s', (_name, input, fields, day) => {
    const { details, errors } = normaliseDetails(input);
    expect(errors.map((e) => e.field)).toEqual(fields);
    if (day) expect(details.effectiveFrom).toBe(day);
  });
});

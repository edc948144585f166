import {
  advanceRefusal,
  checklistFor,
  type ChecklistItemView,
  defaultStatus,
  inferKind,
  mayAuthenticate,
  moveInQueue,
  moveToPosition,
  nextStep,
  reorderQueue,
  validateAgreement,
  validateConsumerFields,
  validateContacts,
  validateRegistration,
  validateServices,
} from './consumer-rules';
import type { ChecklistMark } from './consumer-service.entity';

const fields = (errors: Array<{ field: string }>) => errors.map((e) => e.field);
const mark = (checked = true): ChecklistMark => ({ checked, by: 'agent@ks.no', at: '2026-01-01T00:00:00Z' });
const allChecked: Record<string, ChecklistMark> = Object.fromEntries(
  ['altinnDelegation', 'productionApiDelegated', 'mainOrganisationNumber', 'vendorMaskinporten', 'scopeName'].map((k) => [k, mark()]),
);

describe('validateConsumerFields', () => {
  it.each([
    [{ orgNumber: '974760673', name: 'Oslo kommune' }, []],
    [{ orgNumber: '974 760 673', name: 'Oslo kommune' }, []],
    [{ orgNumber: '123456789', name: 'Oslo kommune' }, ['orgNumber']],
    [{ orgNumber: '97476067', name: 'Oslo kommune' }, ['orgNumber']],
    [{ orgNumber: '974760673', name: '  ' }, ['name']],
    [{ orgNumber: '974760673', name: 'X', municipalityNumber: '301' }, ['municipalityNumber']],
    [{ orgNumber: '974760673', name: 'X', municipalityNumber: '0301' }, []],
    [{ orgNumber: '974760673', name: 'X', kind: 'bydel' }, ['kind']],
    [{ orgNumber: '974760673', name: 'X', status: 'paused' }, ['status']],
  ])('%j → %j', (input, expected) => {
    expect(fields(validateConsumerFields(input as never))).toEqual(expected);
  });

  it('checks only the fields given when partial', () => {
    expect(validateConsumerFields({ status: 'active' }, '', true)).toEqual([]);
    expect(fields(validateConsumerFields({ orgNumber: '123456789' }, '', true))).toEqual(['orgNumber']);
  });
});

describe('registration input', () => {
  it('names the offending contact field and flags duplicate e-mails', () => {
    const errors = validateContacts([
      { name: 'A', email: 'not-an-email', role: 'technical' },
      { name: 'B', email: 'b@kommune.no', role: 'boss' as never },
      { name: 'C', email: 'B@Kommune.no ', role: 'security' },
    ]);
    expect(fields(errors)).toEqual(['contacts[0].email', 'contacts[1].role', 'contacts[2].email']);
  });

  it('flags duplicate service codes and unknown environments', () => {
    const errors = validateServices([
      { code: 'ssg', environments: ['production'] },
      { code: 'ssg', environments: ['staging' as never] },
      { code: 'inntekt', environments: [] },
    ]);
    expect(fields(errors)).toEqual(['services[1].environments', 'services[2].environments', 'services[1].code']);
  });

  it('checks a vendor organisation number', () => {
    expect(fields(validateServices([{ code: 'ssg', environments: ['test'], vendor: { orgNumber: '111111112', name: 'Lev' } }]))).toEqual([
      'services[0].vendor.orgNumber',
    ]);
  });

  it('combines consumer, contact, service and agreement errors with prefixes', () => {
    const errors = validateRegistration({
      orgNumber: '974760673',
      name: 'Oslo',
      contacts: [{ name: 'A', email: 'x', role: 'technical' }],
      services: [{ code: 'ssg', environments: ['production'] }],
      agreement: { signedOn: '2026-02-30', signatoryName: 'Ola', validFrom: '2026-01-01', acceptedTerms: [{ serviceCode: 'other' }] },
    });
    expect(fields(errors)).toEqual(['contacts[0].email', 'agreement.signedOn', 'agreement.acceptedTerms[0].serviceCode']);
  });
});

describe('validateAgreement', () => {
  const codes = new Set(['ssg']);
  it.each([
    [{ signedOn: '2026-01-10', signatoryName: 'Ola', validFrom: '2026-02-01', validTo: '2028-01-31' }, []],
    [{ signedOn: '2026-01-10', signatoryName: 'Ola', validFrom: '2026-02-01', validTo: '2026-01-31' }, ['validTo']],
    [{ signedOn: '10.01.2026', signatoryName: 'Ola', validFrom: '2026-02-01' }, ['signedOn']],
    [{ signedOn: '0001-01-10', signatoryName: 'Ola', validFrom: '275760-02-01' }, ['signedOn', 'validFrom']],
    [{ signedOn: '2026-01-10', signatoryName: '', validFrom: '2026-02-01' }, ['signatoryName']],
    [
      {
        signedOn: '2026-01-10',
        signatoryName: 'Ola',
        validFrom: '2026-02-01',
        acceptedTerms: [{ serviceCode: 'ssg' }, { serviceCode: 'ssg' }],
      },
      ['acceptedTerms[1].serviceCode'],
    ],
  ])('%j → %j', (input, expected) => {
    expect(fields(validateAgreement(input, codes))).toEqual(expected);
  });
});

describe('status and kind', () => {
  it('is active with contacts and services, else an applicant', () => {
    expect(defaultStatus(1, 1)).toBe('active');
    expect(defaultStatus(0, 2)).toBe('applicant');
    expect(defaultStatus(2, 0)).toBe('applicant');
  });

  it('lets applicants and active consumers authenticate, not suspended or terminated ones', () => {
    expect(['applicant', 'active', 'suspended', 'terminated'].map((s) => mayAuthenticate(s as never))).toEqual([true, true, false, false]);
  });

  it('reads a county municipality from its name', () => {
    expect(inferKind('Vestland fylkeskommune')).toBe('fylkeskommune');
    expect(inferKind('Bergen kommune')).toBe('kommune');
  });
});

const SSG = 'Summert Skattegrunnlag API – På vegne av';

describe('onboarding', () => {
  it.each<[string, string | null, string | null]>([
    ['Summert skattegrunnlag', SSG, 'Kommunen har delegert «Summert Skattegrunnlag API – På vegne av» i Altinn'],
    ['Inntekt', 'Inntekt API – På vegne av', 'Kommunen har delegert «Inntekt API – På vegne av» i Altinn'],
    ['Skatteoppgjør', 'Skatteoppgjør API – På vegne av', 'Kommunen har delegert «Skatteoppgjør API – På vegne av» i Altinn'],
    ['a service Bilag 2 names no Altinn resource for', null, null],
  ])('asks for the Altinn delegation of the service’s own resource: %s', (_, resource, label) => {
    const item = checklistFor('vendor', ['production'], {}, resource).find((i) => i.key === 'altinnDelegation')!;
    expect(item.applicable ? item.label : null).toBe(label);
  });

  it('steps forward one at a time', () => {
    expect(nextStep('requested')).toBe('qualified');
    expect(nextStep('readiness-tested')).toBe('connected');
    expect(nextStep('connected')).toBeNull();
  });

  it('applies vendor items unless the consumer connects directly, and the production item only with production access', () => {
    const applicable = (items: ChecklistItemView[]) => items.filter((i) => i.applicable).map((i) => i.key);
    expect(applicable(checklistFor('vendor', ['production', 'test'], {}, SSG))).toEqual([
      'altinnDelegation',
      'productionApiDelegated',
      'mainOrganisationNumber',
      'vendorMaskinporten',
      'scopeName',
    ]);
    expect(applicable(checklistFor(null, ['test'], {}, SSG))).toEqual([
      'altinnDelegation',
      'mainOrganisationNumber',
      'vendorMaskinporten',
      'scopeName',
    ]);
    expect(applicable(checklistFor('direct', ['production'], {}, SSG))).toEqual([
      'productionApiDelegated',
      'mainOrganisationNumber',
      'scopeName',
    ]);
  });

  it('records who ticked an item', () => {
    const item = checklistFor('vendor', ['production'], { scopeName: mark() }, SSG).find((i) => i.key === 'scopeName')!;
    expect(item).toMatchObject({ checked: true, checkedBy: 'agent@ks.no' });
  });

  const facts = {
    current: 'readiness-tested' as const,
    to: 'connected' as const,
    consumerStatus: 'active' as const,
    technicalContacts: 1,
    checklist: checklistFor('vendor', ['production'], allChecked, SSG),
  };

  it.each([
    ['a skipped step', { current: 'requested', to: 'readiness-tested' }, 'onboarding_step_order'],
    ['a step backwards', { current: 'qualified', to: 'qualified' }, 'onboarding_step_order'],
    ['an already connected service', { current: 'connected', to: 'connected' }, 'onboarding_step_order'],
    [
      'an unticked checklist item',
      { checklist: checklistFor('vendor', ['production'], { ...allChecked, scopeName: mark(false) }, SSG) },
      'onboarding_checklist_incomplete',
    ],
    ['no technical contact', { technicalContacts: 0 }, 'technical_contact_required'],
    ['a suspended consumer', { consumerStatus: 'suspended' }, 'consumer_not_active'],
  ])('refuses %s', (_, change, code) => {
    expect(advanceRefusal({ ...facts, ...(change as object) })?.code).toBe(code);
  });

  it('allows go-live when everything applicable is in place, and earlier steps without the checklist', () => {
    expect(advanceRefusal(facts)).toBeNull();
    expect(
      advanceRefusal({
        ...facts,
        current: 'requested',
        to: 'qualified',
        technicalContacts: 0,
        checklist: checklistFor(null, ['production'], {}, SSG),
      }),
    ).toBeNull();
    // The vendor items do not apply to a direct connection.
    const direct = { productionApiDelegated: mark(), mainOrganisationNumber: mark(), scopeName: mark() };
    expect(advanceRefusal({ ...facts, checklist: checklistFor('direct', ['production'], direct, SSG) })).toBeNull();
  });
});

describe('queue order', () => {
  it.each<[string, string, number, string[]]>([
    ['to the front', 'd', 1, ['d', 'a', 'b', 'c', 'e']],
    ['to the back', 'a', 5, ['b', 'c', 'd', 'e', 'a']],
    ['forward past others', 'b', 4, ['a', 'c', 'd', 'b', 'e']],
    ['back past others', 'e', 2, ['a', 'e', 'b', 'c', 'd']],
    ['to where it is', 'c', 3, ['a', 'b', 'c', 'd', 'e']],
    ['past the end: last', 'a', 99, ['b', 'c', 'd', 'e', 'a']],
    ['before the start: first', 'c', 0, ['c', 'a', 'b', 'd', 'e']],
    ['not in the queue: unchanged', 'x', 1, ['a', 'b', 'c', 'd', 'e']],
  ])('moves an item to a place %s', (_, id, position, expected) => {
    expect(moveToPosition(['a', 'b', 'c', 'd', 'e'], id, position)).toEqual(expected);
  });

  it('puts the listed items, in the given order, in the places they hold between them', () => {
    expect(reorderQueue(['a', 'b', 'c', 'd', 'e'], ['d', 'b'])).toEqual(['a', 'd', 'c', 'b', 'e']);
    expect(reorderQueue(['a', 'b', 'c'], ['c', 'b', 'a'])).toEqual(['c', 'b', 'a']);
    expect(reorderQueue(['a', 'b', 'c'], ['b'])).toEqual(['a', 'b', 'c']);
  });

  it('moves an item past its nearest neighbour at the same step', () => {
    const queue = [
      { id: 'a', step: 'requested' as const },
      { id: 'b', step: 'qualified' as const },
      { id: 'c', step: 'requested' as const },
    ];
    expect(moveInQueue(queue, 'c', 'up')).toEqual(['c', 'b', 'a']);
    expect(moveInQueue(queue, 'a', 'down')).toEqual(['c', 'b', 'a']);
    expect(moveInQueue(queue, 'a', 'up')).toEqual(['a', 'b', 'c']);
    expect(moveInQueue(queue, 'b', 'down')).toEqual(['a', 'b', 'c']);
  });
});

import { parseListQuery, REPORTS_NEWEST_FIRST } from '../shared/list-query';
import type { FormFailure } from '../shared/page-form';
import {
  ConsumerDetail,
  consumerListViewModel,
  consumerPageViewModel,
  type ConsumerReportRow,
  consumerReportRows,
  consumerReportsTab,
  consumerTabForms,
  importViewModel,
  newConsumerViewModel,
  onboardingViewModel,
  tabOfPath,
  tabPath,
  termsPerService,
} from './consumer.view-model';
import { CONSUMER_LIST } from './consumers.forms';

const consumer = {
  id: 'c1',
  name: 'Oslo kommune',
  contacts: [
    { role: 'technical', email: 'a@oslo.kommune.no' },
    { role: 'professional', email: 'b@oslo.kommune.no' },
  ],
  services: [{ code: 'SSG' }, { code: 'INNTEKT' }],
  agreement: { acceptedTerms: [{ serviceCode: 'SSG', sharingTermsVersion: '1.0', usageTermsVersion: null }] },
} as unknown as ConsumerDetail;

const failure = (body: Record<string, string | string[]>, fields: Array<[string, string]> = []): FormFailure => ({
  form: 'consumers',
  params: {},
  body,
  code: 'validation_failed',
  error: 'Skjemaet har feil. Rett feltene som er nevnt under.',
  fieldErrors: fields.map(([field, name]) => ({ field, name, label: name, message: 'x' })),
});

describe('consumer pages', () => {
  it.each([
    ['/consumers/c1', 'overview'],
    ['/consumers/c1/contacts/k1/delete', 'contacts'],
    ['/consumers/c1/api-keys/k1/revoke', 'keys'],
    ['/consumers/c1/onboarding/SSG/advance', 'onboarding'],
    ['/consumers/c1/unknown', 'overview'],
  ])('a form posted to %s belongs to the %s tab', (path, tab) => expect(tabOfPath(path)).toBe(tab));

  it('links each tab, the overview without a suffix', () => {
    expect([tabPath('c1', 'overview'), tabPath('c1', 'keys')]).toEqual(['/consumers/c1', '/consumers/c1/keys']);
  });

  it('shows the tab with its counts, confirms a save, and shows a failure instead', () => {
    const model = consumerPageViewModel(consumer, 'contacts', {}, undefined, true);
    expect(model).toMatchObject({ title: 'Kontakter – Oslo kommune', tab: 'contacts', technicalContacts: 1, saved: 'Lagret.' });
    expect(model.tabs.find((t) => t.current)).toMatchObject({ key: 'contacts', label: 'Kontakter', href: '/consumers/c1/contacts' });
    const failed = consumerPageViewModel(consumer, 'contacts', {}, failure({}), true);
    expect(failed.saved).toBeUndefined();
    expect(failed.failure?.error).toBe('Skjemaet har feil. Rett feltene som er nevnt under.');
  });

  it('names each change in the history and shows its details as JSON, nothing for an entry without details', () => {
    const model = consumerPageViewModel(consumer, 'history', {
      entries: [
        { action: 'consumer.updated', details: { a: 1 } },
        { action: 'consumer.renamed_in_a_newer_version', details: {} },
      ],
    });
    expect(model.entries?.map((e) => e.actionLabel)).toEqual(['Konsument endret', 'consumer.renamed_in_a_newer_version']);
    expect(model.entries?.map((e) => e.detailsJson)).toEqual(['{\n  "a": 1\n}', '']);
  });

  it('lists the accepted terms per service of the consumer', () => {
    expect(termsPerService(consumer)).toEqual([
      { code: 'SSG', serviceCode: 'SSG', sharingTermsVersion: '1.0', usageTermsVersion: null },
      { code: 'INNTEKT' },
    ]);
  });

  it('starts the new-consumer form blank and keeps what was entered after a failure, marking the fields named', () => {
    expect(newConsumerViewModel(['SSG']).form).toEqual({
      catalogueCodes: ['SSG'],
      environments: ['production', 'test'],
      contactRole: 'technical',
      services: [],
    });
    const model = newConsumerViewModel(
      ['SSG'],
      failure({ orgNumber: '123', services: 'SSG', catalogueCodes: 'SSG' }, [['orgNumber', 'orgNumber']]),
    );
    expect(model.form).toMatchObject({ orgNumber: '123', services: ['SSG'], catalogueCodes: ['SSG'], environments: [] });
    expect(model.invalid).toEqual({ orgNumber: true });
  });

  it('links each error of the new-consumer form to the control that holds its field', () => {
    const model = newConsumerViewModel(
      ['SSG'],
      failure({}, [
        ['orgNumber', 'orgNumber'],
        ['contacts[0].email', 'contacts.email'],
        ['services[0].code', 'services.code'],
        ['services[0].environments', 'services.environments'],
        ['acceptedTerms[0].version', 'acceptedTerms.version'],
      ]),
    );
    expect(model.fieldErrors?.map((f) => f.href)).toEqual(['#orgNumber', '#contactEmail', '#services', '#env-production', undefined]);
  });

  it('keeps the CSV of a failed import', () => {
    expect(importViewModel({ csv: 'a;b' }, failure({ csv: 'a;b' }, [['csv', 'csv']]))).toMatchObject({
      form: { csv: 'a;b' },
      invalid: { csv: true },
    });
  });

  it('pages the list and keeps the filter in the page and sort links', () => {
    const result = { items: new Array(100).fill({}), total: 150 } as never;
    const model = consumerListViewModel(result, [], ['SSG'], { q: 'Oslo', status: undefined }, parseListQuery({}, CONSUMER_LIST));
    expect(model.pagination).toMatchObject({ summary: 'Viser 1–100 av 150 konsumenter', next: '/consumers?q=Oslo&page=2', prev: null });
    expect(model.columns[0]).toMatchObject({ label: 'Navn', ariaSort: 'ascending', href: '/consumers?q=Oslo&sort=name&dir=desc' });
    expect(model.columns[1]).toMatchObject({ label: 'Org.nr.', ariaSort: undefined, href: '/consumers?q=Oslo&sort=org&dir=asc' });
    const last = consumerListViewModel(result, [], [], {}, parseListQuery({ page: '2', sort: 'status' }, CONSUMER_LIST));
    expect(last.pagination).toMatchObject({
      summary: 'Viser 101–150 av 150 konsumenter',
      next: null,
      prev: '/consumers?sort=status&dir=asc',
    });
  });
});

describe('the consumer’s reports', () => {
  const row = (reference: string, receivedAt: string, over: Partial<ConsumerReportRow> = {}) =>
    ({
      id: `id-${reference}`,
      reference,
      title: `Tittel ${reference}`,
      service: 'inntekt',
      receivedAt: new Date(receivedAt),
      status: 'open',
      incidentId: `inc-${reference}`,
      incidentReference: `KS-${reference}`,
      incidentStatus: 'escalated',
      ...over,
    }) as ConsumerReportRow;

  it('lists them newest first, each linked to its incident with the statuses in Norwegian', () => {
    const rows = consumerReportRows([
      row('M-1', '2026-01-01T08:00:00Z'),
      row('M-3', '2026-03-01T08:00:00Z', { status: 'closed', incidentStatus: 'resolved' }),
      row('M-2', '2026-02-01T08:00:00Z'),
    ]);
    expect(rows.map((r) => [r.reference, r.statusLabel, r.incident])).toEqual([
      ['M-3', 'Avsluttet', { href: '/incidents/inc-M-3', reference: 'KS-M-3', statusLabel: 'Løst' }],
      ['M-2', 'Åpen', { href: '/incidents/inc-M-2', reference: 'KS-M-2', statusLabel: 'Eskalert' }],
      ['M-1', 'Åpen', { href: '/incidents/inc-M-1', reference: 'KS-M-1', statusLabel: 'Eskalert' }],
    ]);
  });

  it('pages them fifty at a time under the tab’s own address', () => {
    const second = parseListQuery({ page: '2' }, REPORTS_NEWEST_FIRST);
    const tab = consumerReportsTab('c1', { items: [row('M-51', '2026-01-01T08:00:00Z')], total: 51 }, second);
    expect(tab.reports.map((r) => r.reference)).toEqual(['M-51']);
    expect(tab.reportPagination).toMatchObject({ summary: 'Viser 51–51 av 51 meldinger', prev: '/consumers/c1/reports', next: null });
  });

  it('shows a report whose incident is gone without a link', () => {
    expect(consumerReportRows([row('M-9', '2026-01-01T08:00:00Z', { incidentId: undefined })])[0].incident).toBeNull();
  });
});

describe('the onboarding board', () => {
  it('counts the whole queue, which bounds the place a row can be moved to', () => {
    const item = (id: string) => ({ id }) as never;
    const model = onboardingViewModel({
      columns: [
        { step: 'requested', items: [item('a'), item('b')] },
        { step: 'qualified', items: [item('c')] },
        { step: 'readiness-tested', items: [] },
      ],
      recentlyConnected: [item('d')],
    });
    expect(model.queueLength).toBe(3);
  });
});

describe('consumerTabForms', () => {
  const stored = {
    id: 'c1',
    name: 'Oslo kommune',
    kind: 'municipality',
    municipalityNumber: '0301',
    status: 'active',
    contacts: [
      { id: 'k1', name: 'Tone', email: 'tone@oslo.kommune.no', phone: null, role: 'technical' },
      { id: 'k2', name: 'Per', email: 'per@oslo.kommune.no', phone: '22 00 00 00', role: 'professional' },
    ],
    services: [
      {
        code: 'SSG',
        environments: ['production'],
        legalBasis: 'barnehageloven § 19',
        purpose: 'foreldrebetaling',
        vendor: { orgNumber: '974760673', name: 'Leverandør AS', since: null },
        altinnDelegationConfirmedAt: new Date('2026-03-01T00:00:00Z'),
        dataProcessingAgreementConfirmed: true,
      },
      { code: 'INNTEKT', environments: ['test'], legalBasis: null, purpose: null, vendor: null, altinnDelegationConfirmedAt: null },
    ],
    agreement: {
      signedOn: '2026-01-01',
      signatoryName: 'Ordfører',
      signatoryTitle: null,
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
      documentReference: 'P360-1',
      acceptedTerms: [{ serviceCode: 'SSG', sharingTermsVersion: '1.0', usageTermsVersion: null }],
    },
  } as unknown as ConsumerDetail;
  const refused = (form: string, body: FormFailure['body'], names: string[]): FormFailure => ({
    form,
    params: { id: 'c1' },
    body,
    code: 'validation_failed',
    error: 'Skjemaet har feil.',
    fieldErrors: names.map((name) => ({ field: name, name, label: name, message: 'x' })),
  });

  it.each<[string, FormFailure, string]>([
    ['the overview', refused('c1', {}, ['municipalityNumber']), '#o-mun'],
    ['a contact of the list', refused('k2', {}, ['email']), '#c-email-k2'],
    ['a new contact', refused('contacts', {}, ['email']), '#n-email'],
    ['the agreement', refused('agreement', {}, ['validTo']), '#a-to'],
    ['the second service', refused('services', { code: 'INNTEKT' }, ['vendor.orgNumber']), '#vo-1'],
    ['a service’s environments', refused('services', { code: 'SSG' }, ['environments']), '#env-0-production'],
    ['a service to add', refused('services', { code: 'EIENDOM' }, ['legalBasis']), '#new-lb'],
  ])('links the summary of a refused %s to its field', (_label, failure, href) => {
    expect(consumerPageViewModel(stored, 'overview', {}, failure).failure?.fieldErrors.map((f) => f.href)).toEqual([href]);
  });

  it('shows what is stored in every form when nothing was refused', () => {
    const forms = consumerTabForms(stored);
    expect(forms.overviewForm).toEqual({
      name: 'Oslo kommune',
      kind: 'municipality',
      municipalityNumber: '0301',
      status: 'active',
      invalid: {},
    });
    expect(forms.contactRows.map((c) => c.form.email)).toEqual(['tone@oslo.kommune.no', 'per@oslo.kommune.no']);
    expect(forms.newContact).toEqual({ invalid: {} });
    expect(forms.agreementForm).toMatchObject({ signatoryName: 'Ordfører', validTo: '2027-12-31', invalid: {} });
    expect(forms.agreementForm.terms).toEqual(termsPerService(stored));
    expect(forms.serviceRows[0].form).toMatchObject({
      legalBasis: 'barnehageloven § 19',
      vendorOrgNumber: '974760673',
      vendorName: 'Leverandør AS',
      altinnDelegationConfirmedAt: '2026-03-01',
    });
    expect(forms.serviceRows[1].form).toMatchObject({ vendorOrgNumber: '', altinnDelegationConfirmedAt: '' });
    expect(forms.newService).toEqual({ environments: ['production', 'test'], invalid: {} });
  });

  it.each<[string, FormFailure, (forms: ReturnType<typeof consumerTabForms>) => unknown, unknown]>([
    [
      'the overview',
      refused('c1', { name: '', kind: 'municipality', municipalityNumber: '03x1', status: 'active' }, ['municipalityNumber']),
      (f) => f.overviewForm,
      { name: '', municipalityNumber: '03x1', invalid: { municipalityNumber: true } },
    ],
    [
      'a new contact',
      refused('contacts', { name: '', email: 'ny@oslo.kommune.no', phone: '900 00 000', role: 'security' }, ['name']),
      (f) => f.newContact,
      { name: '', email: 'ny@oslo.kommune.no', phone: '900 00 000', role: 'security', invalid: { name: true } },
    ],
    [
      'one contact of the list',
      refused('k2', { name: 'Per Olsen', email: 'ikke-en-adresse', phone: '', role: 'professional' }, ['email']),
      (f) => f.contactRows.map((c) => [c.form.name, c.form.email, c.invalid]),
      [
        ['Tone', 'tone@oslo.kommune.no', {}],
        ['Per Olsen', 'ikke-en-adresse', { email: true }],
      ],
    ],
    [
      'the agreement, with its terms per service as entered',
      refused(
        'agreement',
        {
          signedOn: '2026-05-01',
          signatoryName: 'Varaordfører',
          validFrom: '2026-06-01',
          validTo: '2026-01-01',
          termsService: ['SSG', 'INNTEKT'],
          termsSharing: ['2.0', ''],
          termsUsage: ['', '1.1'],
        },
        ['validTo'],
      ),
      (f) => f.agreementForm,
      {
        signatoryName: 'Varaordfører',
        validFrom: '2026-06-01',
        validTo: '2026-01-01',
        terms: [
          { code: 'SSG', sharingTermsVersion: '2.0', usageTermsVersion: '' },
          { code: 'INNTEKT', sharingTermsVersion: '', usageTermsVersion: '1.1' },
        ],
        invalid: { validTo: true },
      },
    ],
    [
      'one service of the list',
      refused(
        'services',
        {
          code: 'SSG',
          environments: ['production', 'test'],
          purpose: 'ny',
          vendorOrgNumber: '123',
          vendorName: 'Ny AS',
          altinnDelegationConfirmedAt: '',
        },
        ['vendor.orgNumber'],
      ),
      (f) => f.serviceRows.map((r) => [r.form.environments, r.form.purpose, r.form.vendorOrgNumber, r.form.vendorName, r.invalid]),
      [
        [['production', 'test'], 'ny', '123', 'Ny AS', { 'vendor.orgNumber': true }],
        [['test'], null, '', '', {}],
      ],
    ],
    [
      'a service to add',
      refused('services', { code: 'EIENDOM', environments: 'test', legalBasis: 'x'.repeat(3), purpose: '' }, ['legalBasis']),
      (f) => [f.newService, f.serviceRows[0].form.purpose],
      [{ code: 'EIENDOM', environments: ['test'], legalBasis: 'xxx', purpose: '', invalid: { legalBasis: true } }, 'foreldrebetaling'],
    ],
  ])('shows what was entered in %s, and what is stored in the others', (_label, failure, part, expected) => {
    expect(part(consumerTabForms(stored, failure))).toMatchObject(expected as object);
  });
});

import type { KnownIncident } from '@domain/incidents';

import { REPORT_FIELDS, STAFF_REPORT_FIELDS } from './incidents.texts.nb';
import { checkViewModel, knownIncidentViewModel, reportFieldsViewModel } from './report-form.view-model';

const services = [
  { code: 'SSG', name: 'Summert skattegrunnlag' },
  { code: 'INNTEKT', name: 'INNTEKT' },
];

describe('reportFieldsViewModel', () => {
  it('starts a new form with defaults and a fresh submission id', () => {
    const model = reportFieldsViewModel(services, {});
    expect(model.values.submissionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(model.values.title).toBe('');
    expect(model.serviceOptions).toEqual([
      { value: 'SSG', label: 'Summert skattegrunnlag (SSG)', selected: false },
      { value: 'INNTEKT', label: 'INNTEKT', selected: false },
    ]);
    expect(model.categoryOptions.find((c) => c.checked)?.value).toBe('incident');
    expect(model.workedOptions.find((c) => c.checked)?.value).toBe('unknown');
    expect(model.environmentOptions.map((e) => [e.label, e.checked])).toEqual([
      ['Produksjon', false],
      ['Test', false],
    ]);
    expect(model.errorSummary).toEqual([]);
  });

  it('keeps what was entered, the submission id, and selects the only service', () => {
    const model = reportFieldsViewModel([services[0]], { title: 'Feil', environment: 'test', submissionId: 'abc', httpStatus: 503 });
    expect(model.values).toMatchObject({ title: 'Feil', httpStatus: '503', submissionId: 'abc' });
    expect(model.serviceOptions[0].selected).toBe(true);
    expect(model.environmentOptions.find((e) => e.checked)?.value).toBe('test');
  });

  it('shows one message per field and lists them in form order with their labels', () => {
    const model = reportFieldsViewModel(
      services,
      {},
      [
        { field: 'title', name: 'title', label: 'Tittel', message: 'Skriv en kort tittel.' },
        { field: 'consumerId', name: 'consumerId', label: 'Konsument', message: 'Velg konsumenten.' },
        { field: 'title', name: 'title', label: 'Tittel', message: 'En annen melding.' },
      ],
      STAFF_REPORT_FIELDS,
    );
    expect(model.errors).toEqual({ title: 'Skriv en kort tittel.', consumerId: 'Velg konsumenten.' });
    expect(model.errorSummary).toEqual([
      { field: 'consumerId', label: 'Konsument', message: 'Velg konsumenten.' },
      { field: 'title', label: 'Kort tittel', message: 'Skriv en kort tittel.' },
    ]);
  });

  it('keeps only the fields the form has', () => {
    expect(Object.keys(reportFieldsViewModel(services, { consumerId: 'x' }, [], REPORT_FIELDS).values)).not.toContain('consumerId');
  });
});

describe('checkViewModel', () => {
  it('lists the suggestions and whether an identity number was seen', () => {
    expect(checkViewModel([{ id: 'a', slug: 'a-svar', title: 'T', answer: 'S', checklist: ['x'] }], true)).toEqual({
      checked: true,
      identityNumber: true,
      suggestions: [{ id: 'a', slug: 'a-svar', title: 'T', answer: 'S', checklist: ['x'] }],
      known: null,
    });
  });
});

describe('knownIncidentViewModel', () => {
  const known = (patch: Partial<KnownIncident> = {}): KnownIncident => ({
    id: 'i-1',
    reference: 'KS-2026-0014',
    title: 'Summert skattegrunnlag',
    status: 'escalated',
    escalated: true,
    affectedCount: 24,
    affected: false,
    ...patch,
  });

  it.each<[string, Partial<KnownIncident>, string]>([
    ['escalated', {}, 'KS har meldt dette til Skatteetaten (KS-2026-0014), 24 kommuner berørt'],
    ['escalated, one municipality', { affectedCount: 1 }, 'KS har meldt dette til Skatteetaten (KS-2026-0014), 1 kommune berørt'],
    [
      'known, not escalated',
      { escalated: false, status: 'triaged', affectedCount: 3 },
      'KS kjenner til feilen (KS-2026-0014), 3 kommuner berørt',
    ],
  ])('%s', (_, patch, summary) => {
    expect(knownIncidentViewModel(known(patch))?.summary).toBe(summary);
  });

  it('names the title KS gave it, the status, and where the join posts', () => {
    expect(knownIncidentViewModel(known(), '/portal/reports/known/:id/affected')).toMatchObject({
      title: 'Gjelder: Summert skattegrunnlag',
      statusLabel: 'Eskalert',
      joinAction: '/portal/reports/known/i-1/affected',
      joinLabel: 'Vi er også berørt',
      alreadyAffected: null,
    });
  });

  it('tells a municipality that has already reported it so, and offers no joining again', () => {
    const model = knownIncidentViewModel(known({ affected: true }), '/portal/incidents/:id/affected');
    expect(model?.alreadyAffected).toMatch(/^Dere har allerede meldt at dere er berørt av denne feilen\./);
    expect(model?.joinAction).toBeNull();
    expect(knownIncidentViewModel(known({ affected: false }), '/portal/incidents/:id/affected')?.joinAction).toMatch(/affected$/);
  });

  it('is nothing without a known problem', () => {
    expect(knownIncidentViewModel(null)).toBeNull();
  });
});

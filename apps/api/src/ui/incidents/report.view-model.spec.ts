import { parseListQuery, REPORTS_NEWEST_FIRST } from '../shared/list-query';
import type { FormFailure } from '../shared/page-form';
import {
  consumerReportsViewModel,
  consumerReportViewModel,
  portalConversationViewModel,
  type ReportConversation,
  ReportView,
  revealViewModel,
  sentByVendor,
} from './report.view-model';

const firstPage = parseListQuery({}, REPORTS_NEWEST_FIRST);

const report = {
  id: 'r1',
  reference: 'M-2026-00001',
  environment: 'production',
  category: 'deviation',
  status: 'open',
  incidentStatus: 'escalated',
  hasWorkedBefore: false,
  personalDataMasked: true,
} as unknown as ReportView;

describe('report view models', () => {
  it('labels a consumer report and shows the masking notice only when something was masked', () => {
    const model = consumerReportViewModel(report, true, 'Vi fjernet et fødselsnummer.');
    expect(model.report).toMatchObject({
      environmentLabel: 'Produksjon',
      categoryLabel: 'Avvik – data mangler eller er feil',
      statusLabel: 'Åpen',
      incidentStatusLabel: 'Eskalert',
      workedLabel: 'Nei',
    });
    expect(model).toMatchObject({
      title: 'Melding M-2026-00001',
      layout: 'portal',
      received: true,
      maskingNotice: 'Vi fjernet et fødselsnummer.',
    });
    expect(consumerReportViewModel({ ...report, personalDataMasked: false }, false, 'x').maskingNotice).toBeNull();
  });

  it.each([
    [{ vendorOrganisationNumber: null, vendorName: null }, null],
    [{ vendorOrganisationNumber: '987654321', vendorName: null }, 'org.nr. 987654321'],
    [{ vendorOrganisationNumber: '987654321', vendorName: 'Fagsystem AS' }, 'Fagsystem AS (org.nr. 987654321)'],
  ])('names the vendor that sent a report for the municipality: %j', (vendor, expected) => {
    expect(sentByVendor(vendor)).toBe(expected);
    expect(consumerReportViewModel({ ...report, ...vendor }, false, 'x').report.sentByVendor).toBe(expected);
  });

  it("lists the organisation's reports with Norwegian labels", () => {
    const model = consumerReportsViewModel({ items: [{ ...report, incidentStatus: undefined } as never], total: 1 }, firstPage);
    expect(model.reports[0]).toMatchObject({ statusLabel: 'Åpen', incidentStatusLabel: undefined, environmentLabel: 'Produksjon' });
  });

  it('pages the reports fifty at a time, counting all of them', () => {
    const third = parseListQuery({ page: '3' }, REPORTS_NEWEST_FIRST);
    const model = consumerReportsViewModel({ items: [report as never], total: 101 }, third);
    expect(model.pagination).toMatchObject({ summary: 'Viser 101–101 av 101 meldinger', prev: '/portal/reports?page=2', next: null });
    expect(consumerReportsViewModel({ items: [], total: 120 }, firstPage).pagination.next).toBe('/portal/reports?page=2');
  });

  it('names each revealed field in Norwegian', () => {
    const model = revealViewModel('i1', report, 'Sak 42', { description: 'Original', reporterName: 'Kari', other: 'x' });
    expect(model.fields).toEqual([
      { label: 'Beskrivelse', value: 'Original' },
      { label: 'Innmelder', value: 'Kari' },
      { label: 'other', value: 'x' },
    ]);
    expect(model.title).toBe('Originaltekst for M-2026-00001');
  });
});

describe('the conversation on a portal report', () => {
  const at = new Date('2026-03-01T10:00:00Z');
  const entry = { audience: 'municipalities' as const, authorLabel: 'x', at, recipientCount: 0, municipalities: [] };
  const conversation: ReportConversation = {
    messages: [
      { ...entry, id: 'm1', direction: 'out', channel: 'desk', body: 'Vi ser på det.' },
      { ...entry, id: 'm2', direction: 'in', channel: 'portal', body: 'Takk.' },
      { ...entry, id: 'm3', direction: 'in', channel: 'email', body: 'Fortsatt feil.' },
    ],
    reopenUntil: new Date('2026-03-15T10:00:00Z'),
  };

  it('names who wrote each message from the municipality’s side and offers reopening until the date', () => {
    const model = portalConversationViewModel(conversation);
    expect(model.messages.map((m) => [m.heading, m.ours])).toEqual([
      ['Fra KS', false],
      ['Fra dere (i portalen)', true],
      ['Fra dere (e-post)', true],
    ]);
    expect(model.reopenUntil).toEqual(new Date('2026-03-15T10:00:00Z'));
    expect(model.reply).toEqual({ body: '', failure: undefined });
  });

  it('keeps a failed reply beside its form and a failed reopening beside its button', () => {
    const failure = (form: string): FormFailure => ({
      form,
      params: {},
      body: { body: 'Hei' },
      code: 'validation_failed',
      error: 'Feil',
      fieldErrors: [],
    });
    expect(portalConversationViewModel(conversation, failure('reply')).reply.body).toBe('Hei');
    const reopen = portalConversationViewModel({ ...conversation, reopenUntil: null }, failure('reopen'));
    expect([reopen.reopenFailure?.form, reopen.reply.failure]).toEqual(['reopen', undefined]);
  });
});

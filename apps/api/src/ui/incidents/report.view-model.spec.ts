import { consumerReportsViewModel, consumerReportViewModel, ReportView, revealViewModel, sentByVendor } from './report.view-model';

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
    const model = consumerReportsViewModel([{ ...report, incidentStatus: undefined } as never]);
    expect(model.reports[0]).toMatchObject({ statusLabel: 'Åpen', incidentStatusLabel: undefined, environmentLabel: 'Produksjon' });
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

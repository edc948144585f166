import {
  deflectionRatePanel,
  escalationsPanel,
  foldSeries,
  isoWeekNumber,
  mostOpenPanel,
  noticesPanel,
  onboardingPanel,
  openIncidentsPanel,
  openTicketsPanel,
  reportsByCategoryPanel,
  reportsByServicePanel,
  REST_COLOR,
  SERIES_COLORS,
  slaCompliancePanel,
  ticketsByCategoryPanel,
  ticketsByServicePanel,
  topArticlesPanel,
  weekWithDays,
} from './dashboards.view-model';

const WEEKS = ['2026-11-09', '2026-11-16', '2026-11-23'];

describe('weeks', () => {
  it.each([
    ['2026-11-16', 47],
    ['2025-12-29', 1],
    ['2026-12-28', 53],
    ['2027-01-04', 1],
    ['2024-12-30', 1],
  ])('the week starting Monday %s is ISO week %i', (monday, week) => {
    expect(isoWeekNumber(monday)).toBe(week);
  });

  it.each([
    ['2026-11-16', 'Uke 47 (16.–22. nov.)'],
    ['2026-10-26', 'Uke 44 (26. okt.–1. nov.)'],
    ['2025-12-29', 'Uke 1 (29. des. 2025–4. jan. 2026)'],
  ])('%s reads %s', (monday, text) => {
    expect(weekWithDays(monday)).toBe(text);
  });
});

describe('foldSeries', () => {
  const series = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `s${i}`, counts: [i, 1, 0] }));

  it('keeps up to `keep` series, each with its own design system colour', () => {
    const folded = foldSeries(series(3), 5, (k) => k.toUpperCase());
    expect(folded.map((s) => [s.label, s.color])).toEqual([
      ['S0', SERIES_COLORS[0]],
      ['S1', SERIES_COLORS[1]],
      ['S2', SERIES_COLORS[2]],
    ]);
  });

  it('adds the rest together, week by week, as «Andre»', () => {
    const folded = foldSeries(series(7), 5, (k) => k);
    expect(folded).toHaveLength(6);
    expect(folded[5]).toEqual({ label: 'Andre', values: [5 + 6, 2, 0], color: REST_COLOR });
  });
});

describe('the weekly panels', () => {
  const weekly = {
    weeks: WEEKS,
    series: [
      { key: 'inntekt', counts: [3, 0, 1234] },
      { key: 'ukjent-tjeneste', counts: [1, 0, 0] },
    ],
  };

  it('name services by the catalogue, weeks by number, and say the total with its noun', () => {
    const panel = reportsByServicePanel(weekly, new Map([['inntekt', 'Inntekt API']]));
    expect(panel.chart.labels).toEqual(['Uke 46', 'Uke 47', 'Uke 48']);
    expect(panel.chart.series.map((s) => s.label)).toEqual(['Inntekt API', 'ukjent-tjeneste']);
    expect(panel.chart.stacked).toBe(true);
    expect(panel.summary).toBe('1\u00a0238 meldinger de siste 3 ukene.');
    expect(panel.empty).toBe(false);
  });

  it('give the table the same numbers: a row per week with its days, a column per series and their sum', () => {
    const { table } = reportsByServicePanel(weekly, new Map());
    expect(table.columns).toEqual(['inntekt', 'ukjent-tjeneste', 'Sum']);
    expect(table.rows).toEqual([
      { label: 'Uke 46 (9.–15. nov.)', cells: ['3', '1', '4'] },
      { label: 'Uke 47 (16.–22. nov.)', cells: ['0', '0', '0'] },
      { label: 'Uke 48 (23.–29. nov.)', cells: ['1\u00a0234', '0', '1\u00a0234'] },
    ]);
    expect(table.caption).toBe('Meldinger per uke etter tjeneste');
  });

  it('put the chart in JSON for the page, exactly as the table counts it', () => {
    const panel = reportsByServicePanel(weekly, new Map());
    expect(JSON.parse(panel.chartJson)).toEqual(panel.chart);
  });

  it('name categories and kinds of escalation in Norwegian', () => {
    const categories = reportsByCategoryPanel({ weeks: WEEKS, series: [{ key: 'deviation', counts: [1, 2, 3] }] });
    expect(categories.chart.series.map((s) => s.label)).toEqual(['Avvik i data']);
    expect(categories.table.columns).toEqual(['Avvik i data']);
    const escalations = escalationsPanel({
      weeks: WEEKS,
      series: [
        { key: 'ordinary', counts: [1, 0, 0] },
        { key: 'security', counts: [0, 1, 0] },
      ],
    });
    expect(escalations.chart.series.map((s) => s.label)).toEqual(['Ordinære', 'Sikkerhet og personvern']);
    expect(escalations.summary).toBe('2 eskaleringer de siste 3 ukene.');
  });

  it('are empty, with 0 weeks still listed, when nothing was reported', () => {
    const panel = reportsByCategoryPanel({ weeks: WEEKS, series: [] });
    expect(panel.empty).toBe(true);
    expect(panel.summary).toBe('0 meldinger de siste 3 ukene.');
    expect(panel.chart.labels).toHaveLength(3);
  });
});

describe('the open incidents panel', () => {
  const counts = (a: number, b: number, c: number, d: number) => ({
    'under-1-day': a,
    '1-6-days': b,
    '7-29-days': c,
    '30-days-or-more': d,
  });

  it('stacks the statuses over each age, oldest last, and counts every open incident once', () => {
    const panel = openIncidentsPanel([
      { status: 'new', counts: counts(2, 1, 0, 0) },
      { status: 'triaged', counts: counts(0, 1, 0, 0) },
      { status: 'escalated', counts: counts(0, 0, 1, 1) },
    ]);
    expect(panel.chart.labels).toEqual(['Under 1 dag', '1–6 dager', '7–29 dager', '30 dager eller mer']);
    expect(panel.chart.series.map((s) => [s.label, s.values])).toEqual([
      ['Ny', [2, 1, 0, 0]],
      ['Vurdert', [0, 1, 0, 0]],
      ['Eskalert', [0, 0, 1, 1]],
    ]);
    expect(panel.summary).toBe('6 åpne hendelser nå.');
    expect(panel.table.rows[0]).toEqual({ label: 'Under 1 dag', cells: ['2', '0', '0', '2'] });
  });

  it('says «1 åpen hendelse» in the singular', () => {
    expect(openIncidentsPanel([{ status: 'new', counts: counts(1, 0, 0, 0) }]).summary).toBe('1 åpen hendelse nå.');
  });
});

describe('the onboarding panel', () => {
  const funnel = {
    registered: 10,
    stages: [
      { step: 'requested' as const, reached: 8, furthest: 3 },
      { step: 'qualified' as const, reached: 5, furthest: 2 },
      { step: 'readiness-tested' as const, reached: 3, furthest: 2 },
      { step: 'connected' as const, reached: 1, furthest: 1 },
    ],
  };

  it('draws a lying bar per step from registered to connected', () => {
    const panel = onboardingPanel(funnel);
    expect(panel.chart.horizontal).toBe(true);
    expect(panel.chart.labels).toEqual(['Registrert', 'Bestilt', 'Kvalifisert', 'Klartestet', 'Påkoblet']);
    expect(panel.chart.series[0].values).toEqual([10, 8, 5, 3, 1]);
    expect(panel.summary).toBe('1 av 10 konsumenter er påkoblet med minst én tjeneste.');
  });

  it('adds to the table who stands at each step now; those with no service stand at «Registrert»', () => {
    const panel = onboardingPanel(funnel);
    expect(panel.table.columns).toEqual(['Nådd', 'Står her nå']);
    expect(panel.table.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ['Registrert', '10', '2'],
      ['Bestilt', '8', '3'],
      ['Kvalifisert', '5', '2'],
      ['Klartestet', '3', '2'],
      ['Påkoblet', '1', '1'],
    ]);
  });
});

describe('the most open issues panel', () => {
  it('names the municipalities, most open incidents first, with their reports beside them', () => {
    const panel = mostOpenPanel([
      { consumerId: 'a', name: 'Oslo kommune', incidents: 3, reports: 7 },
      { consumerId: 'b', name: 'Bergen kommune', incidents: 1, reports: 1 },
    ]);
    expect(panel.chart).toMatchObject({ horizontal: true, stacked: false, labels: ['Oslo kommune', 'Bergen kommune'] });
    expect(panel.table.columns).toEqual(['Åpne hendelser', 'Meldinger i dem']);
    expect(panel.table.rows[0]).toEqual({ label: 'Oslo kommune', cells: ['3', '7'] });
    expect(panel.summary).toBe('Flest: Oslo kommune med 3 åpne hendelser.');
  });

  it('is empty with nothing open', () => {
    const panel = mostOpenPanel([]);
    expect(panel.empty).toBe(true);
    expect(panel.summary).toBe('Ingen tall ennå.');
  });

  it('sums up only the clocks that stopped', () => {
    const none = WEEKS.map(() => ({ kept: 0, total: 0 }));
    const panel = slaCompliancePanel({ weeks: WEEKS, firstResponse: [{ kept: 1, total: 1 }, ...none.slice(1)], resolution: none });
    expect(panel.summary).toBe('De siste 3 ukene: 100\u00a0% av de første svarene innen fristen.');
  });
});

describe('the notices panel', () => {
  const sentAt = new Date('2026-11-20T09:00:00Z');
  const notices = [
    {
      noticeId: 'n2',
      title: 'Nytt format for skattepliktig inntekt fra og med inntektsåret 2027',
      sentAt,
      consumers: 4,
      read: 3,
      ready: 1,
    },
    { noticeId: 'n1', title: 'Planlagt vedlikehold', sentAt, consumers: 3, read: 0, ready: null },
  ];

  it('draws the share of consumers that confirmed, in percent, with no «ready» bar for a notice that asks for no work', () => {
    const panel = noticesPanel(notices);
    expect(panel.chart).toMatchObject({ unit: 'percent', horizontal: true, stacked: false });
    expect(panel.chart.series.map((s) => [s.label, s.values])).toEqual([
      ['Lest', [75, 0]],
      ['Klar', [25, null]],
    ]);
    expect(panel.chart.labels).toEqual(['Nytt format for skattepliktig inntekt f…', 'Planlagt vedlikehold']);
    expect(panel.empty).toBe(false);
  });

  it('gives the table whole titles as written, counts with their percentages, and «Ikke aktuelt» where there is no «ready»', () => {
    const { table } = noticesPanel(notices);
    expect(table.columns).toEqual(['Konsumenter', 'Lest', 'Klar']);
    expect(table.rows).toEqual([
      { label: notices[0].title, verbatim: true, cells: ['4', '3 (75\u00a0%)', '1 (25\u00a0%)'] },
      { label: 'Planlagt vedlikehold', verbatim: true, cells: ['3', '0 (0\u00a0%)', 'Ikke aktuelt'] },
    ]);
  });

  it('sums up the latest notice, and is empty before any is sent', () => {
    expect(noticesPanel(notices).summary).toBe('Siste varsel: 3 av 4 konsumenter har lest det.');
    expect(noticesPanel([]).empty).toBe(true);
  });
});

describe('the support panels', () => {
  const counts = (a: number, b: number) => ({ 'under-1-day': a, '1-6-days': b, '7-29-days': 0, '30-days-or-more': 0 });

  it('stacks open tickets by status over their age', () => {
    const panel = openTicketsPanel([
      { status: 'new', counts: counts(2, 0) },
      { status: 'waiting_on_consumer', counts: counts(0, 1) },
    ]);
    expect(panel.chart.series.map((s) => [s.label, s.values])).toEqual([
      ['Ny', [2, 0, 0, 0]],
      ['Venter på kommunen', [0, 1, 0, 0]],
    ]);
    expect(panel.summary).toBe('3 åpne henvendelser nå.');
  });

  it('counts tickets per week by service (those about none as such) and by category', () => {
    const byService = ticketsByServicePanel(
      {
        weeks: WEEKS,
        series: [
          { key: 'inntekt', counts: [1, 0, 2] },
          { key: '-', counts: [0, 1, 0] },
        ],
      },
      new Map([['inntekt', 'Inntekt API']]),
    );
    expect(byService.chart.series.map((s) => s.label)).toEqual(['Inntekt API', 'Uten tjeneste']);
    expect(byService.summary).toBe('4 henvendelser de siste 3 ukene.');
    const byCategory = ticketsByCategoryPanel({ weeks: WEEKS, series: [{ key: 'access', counts: [1, 0, 0] }] });
    expect(byCategory.chart.series.map((s) => s.label)).toEqual(['Tilgang og påkobling']);
    expect(byCategory.summary).toBe('1 henvendelse de siste 3 ukene.');
  });

  it('draws the share within target per week, no bar for a week without any, and sums the weeks up', () => {
    const panel = slaCompliancePanel({
      weeks: WEEKS,
      firstResponse: [
        { kept: 3, total: 4 },
        { kept: 0, total: 0 },
        { kept: 0, total: 1 },
      ],
      resolution: [
        { kept: 1, total: 1 },
        { kept: 0, total: 0 },
        { kept: 0, total: 0 },
      ],
    });
    expect(panel.chart.unit).toBe('percent');
    expect(panel.chart.series.map((s) => [s.label, s.values])).toEqual([
      ['Første svar', [75, null, 0]],
      ['Løsning', [100, null, null]],
    ]);
    expect(panel.empty).toBe(false);
    expect(panel.summary).toBe('De siste 3 ukene: 60\u00a0% av de første svarene og 100\u00a0% av løsningene innen fristen.');
    expect(panel.table.columns).toEqual(['Første svar', 'Løsning']);
    expect(panel.table.rows[0].cells).toEqual(['3 av 4 (75\u00a0%)', '1 av 1 (100\u00a0%)']);
    expect(panel.table.rows[1].cells).toEqual(['Ikke aktuelt', 'Ikke aktuelt']);
  });

  it('is empty before any clock has stopped', () => {
    const none = WEEKS.map(() => ({ kept: 0, total: 0 }));
    const panel = slaCompliancePanel({ weeks: WEEKS, firstResponse: none, resolution: none });
    expect(panel.empty).toBe(true);
    expect(panel.summary).toBe('Ingen tall ennå.');
  });
});

describe('the deflection panels', () => {
  it('draws the rate per week, none where no form was shown suggestions, with the counts behind it in the table', () => {
    const panel = deflectionRatePanel({ weeks: WEEKS, shown: [0, 4, 3], helped: [0, 1, 3] });
    expect(panel.chart).toMatchObject({ unit: 'percent', series: [{ label: 'Avvisningsrate', values: [null, 25, 100] }] });
    expect(panel.table.rows.map((r) => r.cells)).toEqual([['Ikke aktuelt'], ['1 av 4 (25\u00a0%)'], ['3 av 3 (100\u00a0%)']]);
    expect(panel.summary).toBe('De siste 3 ukene: avvisningsrate 57\u00a0% (4 av 7 skjemaer med forslag ble løst uten å sendes).');
    expect(panel.intro).toContain('delt på antall skjemaer som fikk vist minst ett forslag');
    expect(panel.empty).toBe(false);
  });

  it('says so when no form was shown a suggestion', () => {
    const panel = deflectionRatePanel({ weeks: WEEKS, shown: [0, 0, 0], helped: [0, 0, 0] });
    expect(panel.empty).toBe(true);
    expect(panel.summary).toBe('Ingen tall ennå.');
  });

  it('ranks the articles with how often each solved a case, was shown, and the share', () => {
    const panel = topArticlesPanel([
      { articleId: 'a', title: 'Tilgang mangler: delegering i Altinn', slug: 'altinn', shown: 8, helped: 3 },
      { articleId: 'b', title: 'Feil scope', slug: 'scope', shown: 2, helped: 1 },
    ]);
    expect(panel.summary).toBe('Flest: «Tilgang mangler: delegering i Altinn», som løste 3 saker.');
    expect(panel.table.columns).toEqual(['Løste saken', 'Vist', 'Andel']);
    expect(panel.table.rows).toEqual([
      { label: 'Tilgang mangler: delegering i Altinn', verbatim: true, cells: ['3', '8', '38\u00a0%'] },
      { label: 'Feil scope', verbatim: true, cells: ['1', '2', '50\u00a0%'] },
    ]);
  });
});

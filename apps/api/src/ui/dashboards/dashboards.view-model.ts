import type { OnboardingFunnelView } from '@domain/consumers';
import { AGE_BUCKETS, type ConsumerOpenIssues, type OpenIncidentAges, type WeeklyCounts } from '@domain/incidents';
import type { DeflectionRates, TopDeflectingArticle } from '@domain/knowledge';
import type { NoticeAcknowledgements } from '@domain/notices';
import type { OpenTicketAges, SlaCompliance } from '@domain/support';

import { countOf, formatWhole, nounForms } from '../shared/numbers';
import type { CountedNoun } from '../shared/shared.texts.nb';
import {
  AGE_LABELS,
  CATEGORY_LABELS,
  DASHBOARD_TEXTS,
  ESCALATION_KIND_LABELS,
  KNOWLEDGE_PANEL_TEXTS,
  PANEL_TEXTS,
  STATUS_LABELS,
  STEP_LABELS,
  SUMMARY_TEXTS,
  TICKET_CATEGORY_LABELS,
  TICKET_PANEL_TEXTS,
  TICKET_STATUS_LABELS,
} from './dashboards.texts.nb';

/**
 * Series colours, as Designsystemet's custom properties (the chart script reads their values), in
 * the order series get them. Each stands at least 3:1 against the white page (WCAG 1.4.11), and
 * stacked segments are also parted by a white line, so no two need to be told apart by hue alone.
 */
export const SERIES_COLORS = [
  '--ds-color-accent-base-default',
  '--ds-color-brand1-base-default',
  '--ds-color-brand2-base-default',
  '--ds-color-warning-border-default',
  '--ds-color-danger-base-default',
] as const;
/** The colour of what is folded together as «Andre». */
export const REST_COLOR = '--ds-color-neutral-text-subtle';

export interface ChartSeries {
  label: string;
  /** Null where the series has no value (no bar, and «Ikke aktuelt» in the table). */
  values: Array<number | null>;
  color: string;
}

/**
 * What the chart script draws: a bar chart, its series stacked or side by side, upright or lying,
 * of counts or of percentages (0–100; rates such as the share of notices acknowledged).
 */
export interface ChartSpec {
  stacked: boolean;
  horizontal: boolean;
  unit: 'count' | 'percent';
  labels: string[];
  series: ChartSeries[];
}

/** The same numbers as the chart, as a table: one row per bar, one column per series (and their sum when stacked). */
export interface TableView {
  caption: string;
  corner: string;
  columns: string[];
  /** `verbatim`: the row's label is text as someone wrote it (a notice's title), not the page's own words. */
  rows: Array<{ label: string; cells: string[]; verbatim?: boolean }>;
}

/** One panel of the dashboard: heading, a sentence with its main figure, the chart and its table. */
export interface ChartPanel {
  id: string;
  title: string;
  intro: string;
  summary: string;
  /** Nothing to draw yet: the panel says so instead of showing an empty chart and table. */
  empty: boolean;
  chart: ChartSpec;
  /** `chart` as JSON for the page's data attribute. */
  chartJson: string;
  table: TableView;
}

const sum = (values: Array<number | null>) => values.reduce<number>((a, b) => a + (b ?? 0), 0);
/** A share as bokmål writes it: «75 %». */
const percent = (n: number) => `${formatWhole(n)}\u00a0%`;
const colored = (series: Array<Omit<ChartSeries, 'color'>>): ChartSeries[] =>
  series.map((s, i) => ({ ...s, color: SERIES_COLORS[i % SERIES_COLORS.length] }));

function panel(
  id: string,
  texts: { title: string; intro: string; corner: string },
  summary: string,
  chart: ChartSpec,
  rowLabels: string[],
): ChartPanel {
  const withSum = chart.stacked && chart.series.length > 1;
  return {
    id,
    title: texts.title,
    intro: texts.intro,
    summary,
    // A share of 0 % is news; a count of 0 everywhere is nothing to draw.
    empty: !chart.labels.length || (chart.unit === 'count' && chart.series.every((s) => s.values.every((v) => !v))),
    chart,
    chartJson: JSON.stringify(chart),
    table: {
      caption: texts.title,
      corner: texts.corner,
      columns: [...chart.series.map((s) => s.label), ...(withSum ? [DASHBOARD_TEXTS.total] : [])],
      rows: rowLabels.map((label, i) => {
        const values = chart.series.map((s) => s.values[i]);
        const format = (v: number | null) =>
          v === null ? DASHBOARD_TEXTS.notApplicable : chart.unit === 'percent' ? percent(v) : formatWhole(v);
        return { label, cells: [...values, ...(withSum ? [sum(values)] : [])].map(format) };
      }),
    },
  };
}

const DAY_MS = 86_400_000;
const WEEK_DAYS = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** The ISO week number of a Monday ('YYYY-MM-DD'): the week belongs to the year its Thursday is in. */
export function isoWeekNumber(monday: string): number {
  const thursday = new Date(Date.parse(`${monday}T00:00:00Z`) + 3 * DAY_MS);
  return Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / (7 * DAY_MS)) + 1;
}

/** «Uke 47 (16.–22. nov.)»: the week and the Monday to Sunday it spans. */
export function weekWithDays(monday: string): string {
  const start = new Date(`${monday}T00:00:00Z`);
  return DASHBOARD_TEXTS.weekWithDays(isoWeekNumber(monday), WEEK_DAYS.formatRange(start, new Date(start.getTime() + 6 * DAY_MS)));
}

/** The `keep` largest series by their own labels, the rest added together as «Andre». */
export function foldSeries(series: WeeklyCounts['series'], keep: number, label: (key: string) => string): ChartSeries[] {
  const shown = colored(series.slice(0, keep).map((s) => ({ label: label(s.key), values: s.counts })));
  const rest = series.slice(keep);
  if (!rest.length) return shown;
  const values = rest[0].counts.map((_, i) => sum(rest.map((s) => s.counts[i])));
  return [...shown, { label: DASHBOARD_TEXTS.others, values, color: REST_COLOR }];
}

/** Counts per week of anything (reports, escalations, later tickets): a stacked bar per week, oldest first, the total in the summary. */
export function weeklyPanel(
  id: string,
  texts: { title: string; intro: string; corner: string },
  weekly: WeeklyCounts,
  series: ChartSeries[],
  noun: CountedNoun,
) {
  const total = sum(series.map((s) => sum(s.values)));
  const chart: ChartSpec = {
    stacked: true,
    horizontal: false,
    unit: 'count',
    labels: weekly.weeks.map((w) => DASHBOARD_TEXTS.week(isoWeekNumber(w))),
    series,
  };
  return panel(
    id,
    texts,
    SUMMARY_TEXTS.inWeeks(countOf(total, nounForms(noun)), weekly.weeks.length),
    chart,
    weekly.weeks.map(weekWithDays),
  );
}

/** The five services with the most reports each on their own (by the catalogue's name where it has one), the rest as «Andre». */
export function reportsByServicePanel(weekly: WeeklyCounts, serviceNames: ReadonlyMap<string, string>): ChartPanel {
  const series = foldSeries(weekly.series, SERIES_COLORS.length, (code) => serviceNames.get(code) ?? code);
  return weeklyPanel('reports-by-service', PANEL_TEXTS.reportsByService, weekly, series, 'report');
}

export function reportsByCategoryPanel(weekly: WeeklyCounts): ChartPanel {
  const series = foldSeries(weekly.series, SERIES_COLORS.length, (key) => CATEGORY_LABELS[key as keyof typeof CATEGORY_LABELS] ?? key);
  return weeklyPanel('reports-by-category', PANEL_TEXTS.reportsByCategory, weekly, series, 'report');
}

export function escalationsPanel(weekly: WeeklyCounts): ChartPanel {
  const series = foldSeries(weekly.series, SERIES_COLORS.length, (key) => ESCALATION_KIND_LABELS[key] ?? key);
  return weeklyPanel('escalations', PANEL_TEXTS.escalations, weekly, series, 'escalation');
}

/**
 * Open cases of any kind by status and age: a stacked bar per age (`ageLabels`), one colour per
 * status, each status's `counts` in the order of the ages. Open support tickets are drawn the same way.
 */
export function statusAgePanel(
  id: string,
  texts: { title: string; intro: string; corner: string },
  ageLabels: string[],
  statuses: Array<{ label: string; counts: number[] }>,
  noun: CountedNoun,
): ChartPanel {
  const series = colored(statuses.map((s) => ({ label: s.label, values: s.counts })));
  const total = sum(series.map((s) => sum(s.values)));
  const chart: ChartSpec = { stacked: true, horizontal: false, unit: 'count', labels: ageLabels, series };
  return panel(id, texts, SUMMARY_TEXTS.open(countOf(total, nounForms(noun))), chart, ageLabels);
}

/** Open incidents; every open status and every age is there, also at 0. */
export function openIncidentsPanel(ages: OpenIncidentAges[]): ChartPanel {
  const statuses = ages.map((a) => ({ label: STATUS_LABELS[a.status] ?? a.status, counts: AGE_BUCKETS.map((b) => a.counts[b]) }));
  return statusAgePanel(
    'open-incidents',
    PANEL_TEXTS.openIncidents,
    AGE_BUCKETS.map((b) => AGE_LABELS[b]),
    statuses,
    'openIncident',
  );
}

/** A lying bar per step, from registered to connected; the table adds who stands at each step now. */
export function onboardingPanel(funnel: OnboardingFunnelView): ChartPanel {
  const T = PANEL_TEXTS.onboarding;
  const labels = [T.registered, ...funnel.stages.map((s) => STEP_LABELS[s.step])];
  const standing = funnel.registered - sum(funnel.stages.map((s) => s.furthest));
  const chart: ChartSpec = {
    stacked: false,
    horizontal: true,
    unit: 'count',
    labels,
    series: colored([{ label: T.reached, values: [funnel.registered, ...funnel.stages.map((s) => s.reached)] }]),
  };
  const connected = funnel.stages.find((s) => s.step === 'connected')?.reached ?? 0;
  const summary = SUMMARY_TEXTS.connected(formatWhole(connected), countOf(funnel.registered, nounForms('consumer')));
  const view = panel('onboarding', T, summary, chart, labels);
  const furthest = [standing, ...funnel.stages.map((s) => s.furthest)];
  return {
    ...view,
    table: {
      ...view.table,
      columns: [T.reached, T.furthest],
      rows: view.table.rows.map((r, i) => ({ ...r, cells: [...r.cells, formatWhole(furthest[i])] })),
    },
  };
}

/** A lying bar pair per municipality, most open incidents first. */
export function mostOpenPanel(rows: ConsumerOpenIssues[]): ChartPanel {
  const T = PANEL_TEXTS.mostOpen;
  const labels = rows.map((r) => r.name);
  const series = colored([
    { label: T.incidents, values: rows.map((r) => r.incidents) },
    { label: T.reports, values: rows.map((r) => r.reports) },
  ]);
  const summary = rows.length
    ? SUMMARY_TEXTS.mostOpen(rows[0].name, countOf(rows[0].incidents, nounForms('openIncident')))
    : DASHBOARD_TEXTS.nothingYet;
  return panel('most-open', T, summary, { stacked: false, horizontal: true, unit: 'count', labels, series }, labels);
}

/** Chart labels longer than this are cut (the table has the whole title). */
const LABEL_LENGTH = 40;
const shortLabel = (text: string) => (text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH - 1).trimEnd()}…` : text);
const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

/** A lying bar pair per notice, newest first: the share of its consumers that confirmed read and ready. */
export function noticesPanel(notices: NoticeAcknowledgements[]): ChartPanel {
  const T = PANEL_TEXTS.notices;
  const series = colored([
    { label: T.read, values: notices.map((n) => share(n.read, n.consumers)) },
    { label: T.ready, values: notices.map((n) => (n.ready === null ? null : share(n.ready, n.consumers))) },
  ]);
  const latest = notices[0];
  const summary = latest
    ? SUMMARY_TEXTS.latestNotice(formatWhole(latest.read), countOf(latest.consumers, nounForms('consumer')))
    : DASHBOARD_TEXTS.nothingYet;
  const chart: ChartSpec = { stacked: false, horizontal: true, unit: 'percent', labels: notices.map((n) => shortLabel(n.title)), series };
  const view = panel(
    'notices',
    T,
    summary,
    chart,
    notices.map((n) => n.title),
  );
  const cell = (part: number | null, whole: number) =>
    part === null ? DASHBOARD_TEXTS.notApplicable : T.share(formatWhole(part), percent(share(part, whole)));
  return {
    ...view,
    table: {
      ...view.table,
      columns: [T.consumers, T.read, T.ready],
      rows: notices.map((n) => ({
        label: n.title,
        verbatim: true,
        cells: [formatWhole(n.consumers), cell(n.read, n.consumers), cell(n.ready, n.consumers)],
      })),
    },
  };
}

/** Open support tickets, drawn as open incidents are. */
export function openTicketsPanel(ages: OpenTicketAges[]): ChartPanel {
  const statuses = ages.map((a) => ({ label: TICKET_STATUS_LABELS[a.status] ?? a.status, counts: AGE_BUCKETS.map((b) => a.counts[b]) }));
  return statusAgePanel(
    'open-tickets',
    TICKET_PANEL_TEXTS.openTickets,
    AGE_BUCKETS.map((b) => AGE_LABELS[b]),
    statuses,
    'openTicket',
  );
}

export function ticketsByServicePanel(weekly: WeeklyCounts, serviceNames: ReadonlyMap<string, string>): ChartPanel {
  const T = TICKET_PANEL_TEXTS.ticketsByService;
  const series = foldSeries(weekly.series, SERIES_COLORS.length, (code) => (code === '-' ? T.noService : (serviceNames.get(code) ?? code)));
  return weeklyPanel('tickets-by-service', T, weekly, series, 'ticket');
}

export function ticketsByCategoryPanel(weekly: WeeklyCounts): ChartPanel {
  const series = foldSeries(
    weekly.series,
    SERIES_COLORS.length,
    (key) => TICKET_CATEGORY_LABELS[key as keyof typeof TICKET_CATEGORY_LABELS] ?? key,
  );
  return weeklyPanel('tickets-by-category', TICKET_PANEL_TEXTS.ticketsByCategory, weekly, series, 'ticket');
}

/** A bar pair per week: the share of first answers and of resolutions within target; a week without any has no bar. */
export function slaCompliancePanel(compliance: SlaCompliance): ChartPanel {
  const T = TICKET_PANEL_TEXTS.slaCompliance;
  const shareOf = (s: { kept: number; total: number }) => (s.total ? share(s.kept, s.total) : null);
  const clocks = [compliance.firstResponse, compliance.resolution];
  const series = colored([
    { label: T.firstResponse, values: compliance.firstResponse.map(shareOf) },
    { label: T.resolution, values: compliance.resolution.map(shareOf) },
  ]);
  const totals = clocks.map((weeks) => ({ kept: sum(weeks.map((w) => w.kept)), total: sum(weeks.map((w) => w.total)) }));
  const overall = (t: { kept: number; total: number }) => (t.total ? percent(share(t.kept, t.total)) : null);
  const summary = totals.some((t) => t.total)
    ? SUMMARY_TEXTS.slaCompliance(overall(totals[0]), overall(totals[1]), compliance.weeks.length)
    : DASHBOARD_TEXTS.nothingYet;
  const chart: ChartSpec = {
    stacked: false,
    horizontal: false,
    unit: 'percent',
    labels: compliance.weeks.map((w) => DASHBOARD_TEXTS.week(isoWeekNumber(w))),
    series,
  };
  const view = panel('sla-compliance', T, summary, chart, compliance.weeks.map(weekWithDays));
  const cell = (s: { kept: number; total: number }) =>
    s.total ? T.share(formatWhole(s.kept), formatWhole(s.total), percent(share(s.kept, s.total))) : DASHBOARD_TEXTS.notApplicable;
  return {
    ...view,
    // Nothing stopped in any week is nothing to draw; a week of 0 % is news.
    empty: !totals.some((t) => t.total),
    table: { ...view.table, rows: view.table.rows.map((r, i) => ({ ...r, cells: clocks.map((weeks) => cell(weeks[i])) })) },
  };
}

/** The deflection rate per week: of the forms shown suggestions, the share a suggestion solved (null: none shown that week). */
export function deflectionRatePanel(rates: DeflectionRates): ChartPanel {
  const T = KNOWLEDGE_PANEL_TEXTS.deflectionRate;
  const shown = sum(rates.shown);
  const helped = sum(rates.helped);
  const summary = shown
    ? SUMMARY_TEXTS.deflectionRate(
        percent(share(helped, shown)),
        formatWhole(helped),
        countOf(shown, nounForms('form')),
        rates.weeks.length,
      )
    : DASHBOARD_TEXTS.nothingYet;
  const chart: ChartSpec = {
    stacked: false,
    horizontal: false,
    unit: 'percent',
    labels: rates.weeks.map((w) => DASHBOARD_TEXTS.week(isoWeekNumber(w))),
    series: colored([
      { label: T.rate, values: rates.weeks.map((_, i) => (rates.shown[i] ? share(rates.helped[i], rates.shown[i]) : null)) },
    ]),
  };
  const view = panel('deflection-rate', T, summary, chart, rates.weeks.map(weekWithDays));
  return {
    ...view,
    // No form shown a suggestion is nothing to draw; a week of 0 % is news.
    empty: !shown,
    table: {
      ...view.table,
      rows: view.table.rows.map((r, i) => ({
        ...r,
        cells: [
          rates.shown[i]
            ? T.share(formatWhole(rates.helped[i]), formatWhole(rates.shown[i]), percent(share(rates.helped[i], rates.shown[i])))
            : DASHBOARD_TEXTS.notApplicable,
        ],
      })),
    },
  };
}

/** The articles that solved most cases, most first: how often each did, how often it was shown, and the share. */
export function topArticlesPanel(articles: TopDeflectingArticle[]): ChartPanel {
  const T = KNOWLEDGE_PANEL_TEXTS.topArticles;
  const summary = articles.length
    ? SUMMARY_TEXTS.topArticle(articles[0].title, countOf(articles[0].helped, nounForms('case')))
    : DASHBOARD_TEXTS.nothingYet;
  const chart: ChartSpec = {
    stacked: false,
    horizontal: true,
    unit: 'count',
    labels: articles.map((a) => shortLabel(a.title)),
    series: colored([{ label: T.helped, values: articles.map((a) => a.helped) }]),
  };
  const view = panel(
    'deflection-articles',
    T,
    summary,
    chart,
    articles.map((a) => a.title),
  );
  return {
    ...view,
    table: {
      ...view.table,
      columns: [T.helped, T.shown, T.rate],
      rows: articles.map((a) => ({
        label: a.title,
        verbatim: true,
        cells: [formatWhole(a.helped), formatWhole(a.shown), a.shown ? percent(share(a.helped, a.shown)) : DASHBOARD_TEXTS.notApplicable],
      })),
    },
  };
}

/** Test fixtures for the matching rules: reports placed in minutes after a start instant, and incidents built from them. */
import { CorpusStats } from './corpus-stats';
import { addCounts, contributionOf, type ProfileCounts } from './incident-profile';
import { type IncidentState, type ReportFacts, trackOf } from './match-report';
import { WAVE_WINDOW_MS } from './matching.constants';
import { signalsOf } from './report-signals';

export function reportFactory(start: string, idPrefix: string) {
  const t0 = Date.parse(start);
  let seq = 0;
  const at = (minutes: number): Date => new Date(t0 + minutes * 60_000);
  const rep = (minutes: number, consumerId: string, title: string, description: string, extra: Partial<ReportFacts> = {}): ReportFacts => ({
    id: `${idPrefix}${++seq}`,
    consumerId,
    service: 'summert-skattegrunnlag',
    environment: 'production',
    category: 'incident',
    title,
    description,
    httpStatus: null,
    errorCode: null,
    receivedAt: at(minutes),
    ...extra,
  });
  return { at, rep };
}

export function profileOfReports(reports: readonly ReportFacts[]): ProfileCounts {
  return reports.reduce<ProfileCounts>((sum, r) => addCounts(sum, contributionOf(signalsOf(r))), {});
}

/** An incident as the store would hand it over after these reports, seen at its last report (or `at`). */
export function incidentOf(id: string, reports: readonly ReportFacts[], at?: Date): IncidentState & { reports: ReportFacts[] } {
  const sorted = [...reports].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  const now = (at ?? sorted[sorted.length - 1].receivedAt).getTime();
  const titles = new Map<string, string[]>();
  for (const r of sorted) titles.set(r.consumerId, [...(titles.get(r.consumerId) ?? []), r.title]);
  return {
    id,
    environment: sorted[0].environment,
    track: trackOf(sorted[0]),
    openedAt: sorted[0].receivedAt,
    lastReportAt: sorted[sorted.length - 1].receivedAt,
    profile: profileOfReports(sorted),
    waveConsumers: new Set(
      sorted.filter((r) => now - r.receivedAt.getTime() <= WAVE_WINDOW_MS && r.receivedAt.getTime() <= now).map((r) => r.consumerId),
    ).size,
    titlesOfConsumer: titles,
    reports: sorted,
  };
}

/** Corpus statistics over some reports, as the stored reports would give them. */
export function corpusOf(reports: readonly ReportFacts[]): CorpusStats {
  const corpus = new CorpusStats();
  for (const r of reports) corpus.add({ service: r.service, features: signalsOf(r).features });
  return corpus;
}

import { trackOf, type IncidentSnapshot, type ReportFacts } from './match-report';

/** Test fixtures for the matching rules: reports placed in minutes after a start instant. */
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

/** An incident snapshot as the repository would build it from its reports. */
export function incidentOf(id: string, reports: ReportFacts[], extra: Partial<IncidentSnapshot> = {}): IncidentSnapshot {
  const sorted = [...reports].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  return {
    id,
    environment: sorted[0].environment,
    track: trackOf(sorted[0]),
    openedAt: sorted[0].receivedAt,
    lastReportAt: sorted[sorted.length - 1].receivedAt,
    services: [...new Set(sorted.map((r) => r.service))],
    errorCodes: [...new Set(sorted.map((r) => r.errorCode).filter((c): c is string => !!c))],
    consumerIds: [...new Set(sorted.map((r) => r.consumerId))],
    reportCount: sorted.length,
    recentReports: sorted,
    ...extra,
  };
}

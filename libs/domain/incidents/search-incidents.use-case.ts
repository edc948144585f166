import { FindConsumers } from '@domain/consumers';
import { type SearchResult, searchResultOf } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { IncidentRepository, type IncidentSearchRow } from './incident.repository';
import { ReportRepository, type ReportSearchRow } from './report.repository';

export type IncidentHit = Omit<IncidentSearchRow, 'total'>;
export type ReportHit = Omit<ReportSearchRow, 'total'> & { consumerName: string | null };

/** A reference (KS-2026-0042, M-2026-00003) names one incident or report; what it leads to. */
export type ReferenceTarget = { kind: 'incident'; incidentId: string } | { kind: 'report'; incidentId: string; reportId: string };

const INCIDENT_REFERENCE = /^KS-\d{4}-\d+$/i;
const REPORT_REFERENCE = /^M-\d{4}-\d+$/i;

/** Staff search of incidents and reports from the one search box: full text in Norwegian, references and codes exactly. */
@Injectable()
export class SearchIncidents {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly reports: ReportRepository,
    private readonly consumers: FindConsumers,
  ) {}

  /** `withSecurity`: whether the caller may read security cases; otherwise they are left out, title and all. */
  async incidentsMatching(text: string, limit: number, withSecurity: boolean): Promise<SearchResult<IncidentHit>> {
    return searchResultOf(await this.incidents.search(text, limit, withSecurity));
  }

  async reportsMatching(text: string, limit: number, withSecurity: boolean): Promise<SearchResult<ReportHit>> {
    const { total, items } = searchResultOf(await this.reports.search(text, limit, withSecurity));
    const names = new Map((await this.consumers.byIds([...new Set(items.map((r) => r.consumerId))])).map((c) => [c.id, c.name]));
    return { total, items: items.map((r) => ({ ...r, consumerName: names.get(r.consumerId) ?? null })) };
  }

  /** The incident or report a reference names (a merged incident as the one that took it over), else undefined. */
  async byReference(text: string): Promise<ReferenceTarget | undefined> {
    const reference = text.trim().toUpperCase();
    if (INCIDENT_REFERENCE.test(reference)) {
      const found = await this.incidents.findByReference(reference);
      const survivor = found && (await this.incidents.resolveSurvivor(found.id));
      return survivor ? { kind: 'incident', incidentId: survivor.id } : undefined;
    }
    if (REPORT_REFERENCE.test(reference)) {
      const report = await this.reports.findByReference(reference);
      const survivor = report && (await this.incidents.resolveSurvivor(report.incidentId));
      return report && survivor ? { kind: 'report', incidentId: survivor.id, reportId: report.id } : undefined;
    }
    return undefined;
  }
}

import { readsSecurityCases, SearchIncidents } from '@domain/incidents';
import type { Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import type { SearchHit, SearchSource } from '../shared/search-source';
import { SEARCH_LABELS, STATUS_LABELS } from './incidents.texts.nb';

/** Incidents in the search box: a KS- or M- reference goes straight to the incident (at the report). */
@Injectable()
export class IncidentSearchSource implements SearchSource {
  readonly kind = 'incidents';
  readonly label = SEARCH_LABELS.incidents;
  readonly permission = 'incident.read' as const;

  constructor(private readonly search: SearchIncidents) {}

  async find(text: string, limit: number, caller: Principal) {
    // A security case's content is for those who may read security cases (the incident page says the same).
    const { total, items } = await this.search.incidentsMatching(text, limit, readsSecurityCases(caller));
    return {
      total,
      hits: items.map((i): SearchHit => ({
        href: `/incidents/${i.id}`,
        reference: i.reference,
        title: i.title,
        detail: STATUS_LABELS[i.status],
      })),
    };
  }

  async exact(text: string) {
    const target = await this.search.byReference(text);
    if (!target) return undefined;
    return target.kind === 'incident' ? `/incidents/${target.incidentId}` : `/incidents/${target.incidentId}#report-${target.reportId}`;
  }

  listHref(text: string) {
    return `/incidents?${new URLSearchParams({ q: text })}`;
  }
}

/** Reports in the search box, each leading to the incident that holds it, at the report. */
@Injectable()
export class ReportSearchSource implements SearchSource {
  readonly kind = 'reports';
  readonly label = SEARCH_LABELS.reports;
  readonly permission = 'incident.read' as const;

  constructor(private readonly search: SearchIncidents) {}

  async find(text: string, limit: number, caller: Principal) {
    const { total, items } = await this.search.reportsMatching(text, limit, readsSecurityCases(caller));
    return {
      total,
      hits: items.map((r): SearchHit => ({
        href: `/incidents/${r.incidentId}#report-${r.id}`,
        reference: r.reference,
        title: r.title,
        detail: r.consumerName ?? undefined,
      })),
    };
  }
}

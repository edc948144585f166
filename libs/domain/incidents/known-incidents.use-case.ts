import { FindServicesInForce } from '@domain/catalogue';
import { Injectable } from '@nestjs/common';

import { IncidentRepository } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentGroupingStore } from './incident-grouping-store';
import { MatchingCorpus } from './matching-corpus';
import { ReportRepository } from './report.repository';
import type { KnownIncident, ReportInput } from './report-input';
import { isKnownIncident, pickKnownIncident } from './rules/known-incident';
import { type MatchDecision, matchReport } from './rules/match-report';

export type ReportDraft = Pick<ReportInput, 'service' | 'environment' | 'category' | 'title' | 'description'> &
  Partial<Pick<ReportInput, 'httpStatus' | 'errorCode' | 'correlationId' | 'occurredAt'>>;

/**
 * "Kjent feil": the open incident KS knows of (escalated, or reported by several municipalities)
 * on the service and environment of a report being written or just received. When several are
 * open, the grouping's own matching picks the one the report describes (rules/known-incident.ts).
 */
@Injectable()
export class KnownIncidents {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly reports: ReportRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly store: IncidentGroupingStore,
    private readonly corpus: MatchingCorpus,
    private readonly catalogue: FindServicesInForce,
  ) {}

  /** The known incident a report (written, or just received) is about, if any. */
  async forReport(consumerId: string, draft: ReportDraft, at = new Date()): Promise<KnownIncident | null> {
    if (!draft.service || !draft.environment || draft.category === 'security' || draft.category === 'privacy') return null;
    const known = (await this.incidents.openOnService(draft.environment, draft.service)).filter(isKnownIncident);
    if (!known.length) return null;
    let decision: MatchDecision | null = null;
    if (known.length > 1) {
      const ids = new Set(known.map((k) => k.id));
      const states = (await this.store.candidates(draft.environment, at, { consumerId, alsoInclude: [...ids] })).filter((s) =>
        ids.has(s.id),
      );
      const facts = { ...draft, id: 'draft', consumerId, receivedAt: at };
      decision = matchReport(facts, states, await this.corpus.context());
    }
    const id = pickKnownIncident(known, decision);
    return id ? this.view(id, consumerId) : null;
  }

  /**
   * The incident as a municipality may see it, when it is a known problem (followed through
   * merges); otherwise null. `justReported`: the consumer's report was just attached to it.
   */
  async view(incidentId: string, consumerId: string | null, justReported = false): Promise<KnownIncident | null> {
    const incident = await this.incidents.resolveSurvivor(incidentId);
    if (!incident || (incident.status !== 'new' && incident.status !== 'triaged' && incident.status !== 'escalated')) return null;
    const candidate = (await this.incidents.openOnService(incident.environment, incident.services[0] ?? '')).find(
      (c) => c.id === incident.id,
    );
    if (!candidate || !isKnownIncident(candidate)) return null;
    return {
      id: incident.id,
      reference: incident.reference,
      title: await this.publicTitle(incident),
      status: incident.status,
      escalated: candidate.escalated,
      affectedCount: candidate.consumerCount,
      affected: justReported || (!!consumerId && !!(await this.reports.firstOfConsumerIn(incident.id, consumerId))),
    };
  }

  /** The title KS wrote in a triage; until then the service's name, since the first title is one municipality's words. */
  async publicTitle(incident: { id: string; title: string; services: string[] }): Promise<string> {
    if ((await this.timeline.titledByStaff([incident.id])).has(incident.id)) return incident.title;
    const names = (await this.catalogue.execute(incident.services)).map((s) => s.name || s.code);
    return names.length ? names.join(', ') : incident.services.join(', ');
  }
}

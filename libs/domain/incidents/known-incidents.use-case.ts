import { FindServicesInForce } from '@domain/catalogue';
import { Injectable } from '@nestjs/common';

import { IncidentRepository, type OpenIncidentOnService } from './incident.repository';
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

  /** The known incident a report being written is about, if any. */
  async forReport(consumerId: string, draft: ReportDraft, at = new Date()): Promise<KnownIncident | null> {
    if (!draft.service || !draft.environment) return null;
    return this.pick(await this.incidents.openOnService(draft.environment, draft.service), consumerId, draft, at);
  }

  /**
   * The receipt's known incident: the one the report just joined when KS knows of it, else
   * another on its service it may be part of. One read of the service's open incidents answers
   * both; none is needed when intake's own read of the incident joined (`seen`) shows it known,
   * as for every report of an outage after the second municipality's.
   */
  async afterIntake(
    incidentId: string,
    consumerId: string,
    draft: ReportDraft,
    at: Date,
    seen: OpenIncidentOnService | null = null,
  ): Promise<KnownIncident | null> {
    if (seen?.id === incidentId && isKnownIncident(seen)) return this.present(seen, true);
    const open = await this.incidents.openOnService(draft.environment, draft.service);
    const joined = open.find((c) => c.id === incidentId);
    if (joined && isKnownIncident(joined)) return this.present(joined, true);
    return this.pick(open, consumerId, draft, at);
  }

  /**
   * The incident as a municipality may see it, when it is a known problem (followed through
   * merges); otherwise null.
   */
  async view(incidentId: string, consumerId: string | null): Promise<KnownIncident | null> {
    const incident = await this.incidents.resolveSurvivor(incidentId);
    if (!incident) return null;
    const open = await this.incidents.openOnService(incident.environment, incident.services[0] ?? '');
    const candidate = open.find((c) => c.id === incident.id);
    if (!candidate || !isKnownIncident(candidate)) return null;
    return this.present(candidate, !!consumerId && !!(await this.reports.firstOfConsumerIn(incident.id, consumerId)));
  }

  /** Of a service's open incidents, the known one the report is about. */
  private async pick(open: OpenIncidentOnService[], consumerId: string, draft: ReportDraft, at: Date): Promise<KnownIncident | null> {
    if (draft.category === 'security' || draft.category === 'privacy') return null;
    const known = open.filter(isKnownIncident);
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
    const chosen = known.find((k) => k.id === pickKnownIncident(known, decision));
    if (!chosen) return null;
    return this.present(chosen, !!(await this.reports.firstOfConsumerIn(chosen.id, consumerId)));
  }

  private async present(c: OpenIncidentOnService, affected: boolean): Promise<KnownIncident> {
    return {
      id: c.id,
      reference: c.reference,
      title: c.titledByStaff ? c.title : await this.serviceNames(c.services),
      status: c.status,
      escalated: c.escalated,
      affectedCount: c.consumerCount,
      affected,
    };
  }

  /** The title KS wrote in a triage; until then the service's name, since the first title is one municipality's words. */
  async publicTitle(incident: { id: string; title: string; services: string[] }): Promise<string> {
    if ((await this.timeline.titledByStaff([incident.id])).has(incident.id)) return incident.title;
    return this.serviceNames(incident.services);
  }

  private async serviceNames(services: string[]): Promise<string> {
    const names = (await this.catalogue.execute(services)).map((s) => s.name || s.code);
    return names.length ? names.join(', ') : services.join(', ');
  }
}

import { NotifyStaff } from '@domain/notifications';
import type { Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { IncidentRepository } from './incident.repository';
import { SecurityCaseRestricted } from './incidents.exceptions';
import { MergeProposalRepository } from './merge-proposal.repository';
import { ReportRepository } from './report.repository';
import { isRestricted, readsSecurityCases, SECURITY_CATEGORIES } from './rules/incident-visibility';

/** Something another part of the desk holds about an incident or a report: an e-mail, an audit entry. */
export interface IncidentObjectRef {
  type: string | null;
  id: string | null;
}

/** The object types that name an incident (by id, or by reference as inbound mail's route does), and a report. */
const INCIDENT_TYPES = ['incident', 'incident-internal'];
const INCIDENT_REFERENCE = 'incident-reference';
const REPORT_TYPES = ['report'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const objectKey = (o: IncidentObjectRef): string => `${o.type}:${o.id}`;

/** What a staff action names: incidents (by id or reference), reports and merge proposals (by id). */
export interface ActionTargets {
  incidents?: readonly string[];
  reports?: readonly string[];
  proposals?: readonly string[];
}

/**
 * The content rule (rules/incident-visibility.ts) for what other contexts keep about incidents
 * and reports (the outbox, the audit log): which of their objects belong to a security case the
 * caller may not read.
 */
@Injectable()
export class IncidentVisibility {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly reports: ReportRepository,
    private readonly proposals: MergeProposalRepository,
    private readonly notify: NotifyStaff,
  ) {}

  /**
   * An incident just became a security case (triaged to the security side, or took one in by a
   * merge): staff who may not read it keep their notifications of it, saying only that a case exists.
   */
  async becameSecurityCase(incidentId: string): Promise<void> {
    await this.notify.withdraw(`/incidents/${incidentId}`, 'security-case.read', {
      kind: 'security-case.opened',
      title: '',
      link: '/security-cases',
    });
  }

  /** Of these objects, the keys (`type:id`) of those whose content is hidden from the caller. */
  async hiddenFrom(caller: Principal, objects: readonly IncidentObjectRef[]): Promise<Set<string>> {
    if (readsSecurityCases(caller)) return new Set();
    const ids = (types: string[]) => [
      ...new Set(objects.filter((o) => types.includes(o.type ?? '') && UUID.test(o.id ?? '')).map((o) => o.id!)),
    ];
    const reports = await this.reports.byIds(ids(REPORT_TYPES));
    const incidents = await this.incidents.findMany([...new Set([...ids(INCIDENT_TYPES), ...reports.map((r) => r.incidentId)])]);
    const restrictedIncidents = new Set(incidents.filter(isRestricted).map((i) => i.id));
    const references = [...new Set(objects.filter((o) => o.type === INCIDENT_REFERENCE && o.id).map((o) => o.id!))];
    const byReference = (await Promise.all(references.map((r) => this.incidents.findByReference(r)))).filter((i) => i !== null);
    const restrictedReferences = byReference.filter(isRestricted).map((i) => objectKey({ type: INCIDENT_REFERENCE, id: i.reference }));
    const restrictedReports = reports.filter((r) => SECURITY_CATEGORIES.includes(r.category) || restrictedIncidents.has(r.incidentId));
    return new Set([
      ...objects.filter((o) => INCIDENT_TYPES.includes(o.type ?? '') && restrictedIncidents.has(o.id ?? '')).map(objectKey),
      ...restrictedReports.flatMap((r) => REPORT_TYPES.map((type) => objectKey({ type, id: r.id }))),
      ...restrictedReferences,
    ]);
  }

  /**
   * Refuses (security_case_restricted) an action on a security case by a caller who may not read
   * it: changing a case, escalating, resolving, regrouping or writing about it all show or decide
   * what it holds. A merged incident is judged as the one that took it over, where the action
   * lands; names that match nothing are left to the action to refuse.
   */
  async assertMayAct(caller: Principal, targets: ActionTargets): Promise<void> {
    if (readsSecurityCases(caller)) return;
    const proposals = await Promise.all((targets.proposals ?? []).filter((id) => UUID.test(id)).map((id) => this.proposals.find(id)));
    const keys = [...(targets.incidents ?? []), ...proposals.flatMap((p) => (p ? [p.survivorId, p.mergedId] : []))].map((key) =>
      key.trim(),
    );
    const found = await Promise.all(
      keys.map((key) => (UUID.test(key) ? this.incidents.find(key) : this.incidents.findByReference(key.toUpperCase()))),
    );
    const survivors = await Promise.all(found.map((i) => (i?.mergedIntoId ? this.incidents.resolveSurvivor(i.id) : i)));
    if (survivors.some((i) => i && isRestricted(i))) throw new SecurityCaseRestricted();
    const reports = (targets.reports ?? []).map((id) => ({ type: 'report', id }));
    if (reports.length && (await this.hiddenFrom(caller, reports)).size) throw new SecurityCaseRestricted();
  }

  /** Refuses (security_case_restricted) one object whose content the caller may not read. */
  async assertReadable(caller: Principal, object: IncidentObjectRef): Promise<void> {
    if ((await this.hiddenFrom(caller, [object])).has(objectKey(object))) throw new SecurityCaseRestricted();
  }
}

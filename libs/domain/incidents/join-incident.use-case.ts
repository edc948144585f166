import { RecordAudit } from '@domain/audit';
import { actorOf, type Principal, ReferenceSequence } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { isSettled } from './incident.entity';
import { IncidentRepository } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentAlreadyResolved, IncidentNotFound } from './incidents.exceptions';
import { KnownIncidents } from './known-incidents.use-case';
import { MatchingCorpus } from './matching-corpus';
import type { ReportCategory } from './report.entity';
import { ReportRepository } from './report.repository';
import type { KnownIncident, ReportInput } from './report-input';
import { type OnBehalfOf, ReportingConsumer } from './reporting-consumer';
import { contributionOf } from './rules/incident-profile';
import { isKnownIncident } from './rules/known-incident';
import { signalsOf } from './rules/report-signals';
import { SubmitReport } from './submit-report.use-case';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a joining report says when the municipality wrote nothing of its own (it is read by staff and in the portal). */
export const JOINED_REPORT_TEXT = {
  title: (reference: string) => `Vi er også berørt av ${reference}`,
  description: (reference: string) => `Kommunen melder at den er berørt av den kjente feilen ${reference}.`,
};

export interface JoinOptions {
  /** Staff registering on behalf of a consumer. */
  onBehalfOf?: OnBehalfOf;
}

export interface JoinResult {
  report: { id: string; reference: string };
  incident: KnownIncident;
  /** false when the municipality already had a report in the incident: that one is reused. */
  joined: boolean;
}

/**
 * "Vi er også berørt": a municipality adds a report to exactly the known incident it was shown,
 * without grouping deciding again. Idempotent per municipality and incident: its existing report
 * there is reused (checked under the incident's row lock, so a double click adds one report).
 */
@Injectable()
export class JoinIncident {
  constructor(
    private readonly db: DatabaseContext,
    private readonly incidents: IncidentRepository,
    private readonly reports: ReportRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly references: ReferenceSequence,
    private readonly known: KnownIncidents,
    private readonly intake: SubmitReport,
    private readonly corpus: MatchingCorpus,
    private readonly audit: RecordAudit,
    private readonly reporter: ReportingConsumer,
  ) {}

  async execute(caller: Principal, referenceOrId: string, input: Partial<ReportInput>, options: JoinOptions = {}): Promise<JoinResult> {
    const { consumerId, channel } = await this.reporter.of(caller, options.onBehalfOf);
    const actor = actorOf(caller);
    const key = (referenceOrId ?? '').trim();
    const found = UUID.test(key) ? await this.incidents.find(key) : key ? await this.incidents.findByReference(key.toUpperCase()) : null;
    const start = found && (await this.incidents.resolveSurvivor(found.id));
    if (!start) throw new IncidentNotFound();

    const placed = await this.db.transaction(async () => {
      const incident = (await this.incidents.lockSurvivor(start.id))!;
      if (isSettled(incident)) {
        // Said to be resolved only to a municipality that could know of it; to others it does not exist, as below.
        const known =
          isKnownIncident({ ...incident, escalated: false }) || !!(await this.reports.firstOfConsumerIn(incident.id, consumerId));
        throw known ? new IncidentAlreadyResolved(incident.reference) : new IncidentNotFound();
      }
      // A municipality may join only what it may see: a problem KS knows of; others' incidents are simply not found.
      const view = await this.known.view(incident.id, consumerId);
      if (!view) throw new IncidentNotFound();
      const existing = await this.reports.firstOfConsumerIn(incident.id, consumerId);
      if (existing) return { report: existing, incident: view, joined: false, features: null };

      const service = input.service && incident.services.includes(input.service) ? input.service : incident.services[0];
      const category: ReportCategory = input.category === 'deviation' ? 'deviation' : 'incident';
      const { clean, maskedFields, sealed } = this.intake.sanitise({
        ...input,
        service,
        environment: incident.environment,
        category,
        title: input.title?.trim() || JOINED_REPORT_TEXT.title(incident.reference),
        description: input.description?.trim() || JOINED_REPORT_TEXT.description(incident.reference),
      } as ReportInput);
      const receivedAt = new Date();
      const signals = signalsOf({ ...clean, id: 'new', consumerId, receivedAt });
      const report = await this.reports.insert({
        reference: await this.references.next('report', receivedAt),
        consumerId,
        incidentId: incident.id,
        channel,
        service,
        environment: incident.environment,
        category,
        title: clean.title,
        description: clean.description,
        occurredAt: clean.occurredAt ?? null,
        receivedAt,
        httpStatus: clean.httpStatus ?? null,
        errorCode: clean.errorCode ?? null,
        correlationId: clean.correlationId ?? null,
        hasWorkedBefore: clean.hasWorkedBefore ?? null,
        vendorInvolved: clean.vendorInvolved ?? null,
        vendorOrganisationNumber: caller.kind === 'consumer' ? (caller.supplier?.orgNumber ?? null) : null,
        vendorName: caller.kind === 'consumer' ? (caller.supplier?.name ?? null) : null,
        reporterName: clean.reporterName ?? null,
        reporterEmail: clean.reporterEmail ?? null,
        personalDataMasked: maskedFields.length > 0,
        personalDataSealed: sealed,
        match: {
          action: 'attach',
          score: 1,
          confidence: 'certain',
          reasons: [`kommunen meldte seg berørt av den kjente feilen ${incident.reference}`],
          runnerUp: null,
          by: 'manual',
        },
        features: [...signals.features],
        // Placed by the municipality's own choice: automatic merges never move it elsewhere.
        pinned: true,
        // Joining an incident Skatteetaten has announced makes the report a known issue too.
        knownIssue: incident.knownIssue ?? null,
      });
      await this.timeline.record(incident.id, 'consumer_joined', actor.label, { report: report.reference, reportId: report.id, channel });
      await this.audit.execute({
        actor,
        action: 'incident.consumer_joined',
        objectType: 'incident',
        objectId: incident.id,
        after: { report: report.reference, consumerId, channel },
      });
      await this.intake.confirm(report, incident, clean, maskedFields);
      await this.incidents.attachReport(incident.id, report, contributionOf(signals));
      return {
        report,
        incident: { ...view, affected: true, affectedCount: view.affectedCount + 1 },
        joined: true,
        features: signals.features,
      };
    });
    if (placed.features) this.corpus.add(placed.report.service, placed.features);
    return { report: { id: placed.report.id, reference: placed.report.reference }, incident: placed.incident, joined: placed.joined };
  }
}

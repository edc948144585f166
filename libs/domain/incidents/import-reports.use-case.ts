import { RecordAudit } from '@domain/audit';
import { FindConsumers } from '@domain/consumers';
import { type Actor, ENVIRONMENTS } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { ValidationFailed } from '@platform/errors';

import { IncidentRepository } from './incident.repository';
import { ReclusterIncidents } from './recluster-incidents.use-case';
import { ReportChannel } from './report.entity';
import { ReportInput } from './report-input';
import { startsAfterReceipt } from './rules/report-times';
import { SubmitReport } from './submit-report.use-case';

export interface HistoricalReport extends ReportInput {
  consumerOrgNumber: string;
  receivedAt: Date;
  channel?: ReportChannel;
}

export const MAX_IMPORT_BATCH = 500;

/**
 * Loads history: the same validation and deduplication as live intake, applied as it would have
 * been at each report's receivedAt (processed in time order), and no confirmations sent. At the
 * end of the batch the incidents it touched are re-examined as of its last report, so duplicates
 * opened in parallel by the history are merged before anyone escalates them.
 */
@Injectable()
export class ImportReports {
  constructor(
    private readonly submit: SubmitReport,
    private readonly regroup: ReclusterIncidents,
    private readonly incidents: IncidentRepository,
    private readonly consumers: FindConsumers,
    private readonly audit: RecordAudit,
  ) {}

  async execute(
    reports: HistoricalReport[],
    actor: Actor,
  ): Promise<Array<{ id: string; reference: string; incidentId: string; incidentReference: string }>> {
    if (!reports.length || reports.length > MAX_IMPORT_BATCH)
      throw new ValidationFailed([{ field: 'reports', message: `must hold 1–${MAX_IMPORT_BATCH} reports` }]);
    const consumerIds = new Map<string, string>();
    const errors = [];
    for (const [i, r] of reports.entries()) {
      if (!consumerIds.has(r.consumerOrgNumber)) {
        const c = await this.consumers.byOrgNumber(r.consumerOrgNumber);
        if (c) consumerIds.set(r.consumerOrgNumber, c.id);
      }
      if (!consumerIds.has(r.consumerOrgNumber))
        errors.push({ field: `reports[${i}].consumerOrgNumber`, message: 'is not a registered consumer' });
      if (startsAfterReceipt(r.occurredAt, r.receivedAt, 0))
        errors.push({ field: `reports[${i}].occurredAt`, message: 'must not be after receivedAt' });
    }
    for (const service of new Set(reports.map((r) => r.service))) {
      try {
        await this.submit.assertKnownService(service, `reports[${reports.findIndex((r) => r.service === service)}].service`);
      } catch (e) {
        if (e instanceof ValidationFailed) errors.push(...e.fields);
        else throw e;
      }
    }
    if (errors.length) throw new ValidationFailed(errors);

    const order = reports.map((r, i) => ({ r, i })).sort((a, b) => a.r.receivedAt.getTime() - b.r.receivedAt.getTime() || a.i - b.i);
    const results = new Array<{ id: string; reference: string; incidentId: string; incidentReference: string }>(reports.length);
    for (const { r, i } of order) {
      const { consumerOrgNumber, receivedAt, channel, ...input } = r;
      const { receipt } = await this.submit.execute(input, {
        consumerId: consumerIds.get(consumerOrgNumber)!,
        channel: channel ?? 'import',
        receivedAt,
        history: true,
        actorLabel: actor.label,
      });
      results[i] = {
        id: receipt.id,
        reference: receipt.reference,
        incidentId: receipt.incidentId,
        incidentReference: receipt.incidentReference,
      };
    }
    // Evidence grew where the batch's reports landed: those incidents are examined again, as of
    // the batch's last report. Each result then names the incident its report is in now.
    const last = order[order.length - 1].r.receivedAt;
    const touched = await this.survivors(results.map((r) => r.incidentId));
    const focus = [...new Set([...touched.values()].map((s) => s.id))];
    for (const environment of ENVIRONMENTS) await this.regroup.execute(environment, last, focus);
    const now = await this.survivors(results.map((r) => r.incidentId));
    for (const result of results)
      Object.assign(result, { incidentId: now.get(result.incidentId)!.id, incidentReference: now.get(result.incidentId)!.reference });
    await this.audit.execute({ actor, action: 'report.imported', objectType: 'report', details: { count: reports.length } });
    return results;
  }

  /** Where each incident's reports are now (following merges), by the ids given. */
  private async survivors(ids: string[]): Promise<Map<string, { id: string; reference: string }>> {
    const out = new Map<string, { id: string; reference: string }>();
    for (const id of new Set(ids)) {
      const survivor = (await this.incidents.resolveSurvivor(id))!;
      out.set(id, { id: survivor.id, reference: survivor.reference });
    }
    return out;
  }
}

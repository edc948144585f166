import { FindConsumers } from '@domain/consumers';
import { type Principal, requireAccess } from '@domain/shared';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';

import { EscalationRepository } from './escalation.repository';
import { isSettled } from './incident.entity';
import { IncidentRepository } from './incident.repository';
import type { IncidentMessage } from './incident-message.entity';
import { IncidentMessageRepository } from './incident-message.repository';
import { IncidentNotFound, ReportNotFound } from './incidents.exceptions';
import { ReportRepository } from './report.repository';
import { ReportOwnership } from './report-ownership';
import { withinReopenWindow } from './rules/reopen-window';

/** A message as staff read it (with the municipalities' names) and as a municipality reads its own. */
export interface ConversationEntry {
  id: string;
  direction: IncidentMessage['direction'];
  audience: IncidentMessage['audience'];
  channel: IncidentMessage['channel'];
  body: string;
  authorLabel: string;
  at: Date;
  recipientCount: number;
  municipalities: string[];
}

/** The incidents' conversations, read. */
@Injectable()
export class ConversationQueries {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly reports: ReportRepository,
    private readonly escalations: EscalationRepository,
    private readonly messages: IncidentMessageRepository,
    private readonly consumers: FindConsumers,
    private readonly access: ReportOwnership,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Everything on an incident, internal notes included: staff only (the caller checks incident.read). */
  async ofIncident(incidentId: string) {
    const incident = await this.incidents.resolveSurvivor(incidentId);
    if (!incident) throw new IncidentNotFound();
    const [messages, escalation, stats] = [
      await this.messages.ofIncident(incident.id),
      await this.escalations.ofIncident(incident.id),
      await this.reports.statsOf(incident.id),
    ];
    const consumers = await this.consumers.byIds([...stats.consumerIds, ...messages.flatMap((m) => m.consumerIds)]);
    const nameOf = new Map(consumers.map((c) => [c.id, c.name]));
    return {
      messages: messages.map((m) => entry(m, (id) => nameOf.get(id) ?? '')),
      /** Staff can write in the escalation thread once its first message is out. */
      skatteetatenThread: escalation?.status === 'sent' ? { to: escalation.to } : null,
      municipalities: stats.consumerIds
        .map((id) => ({ id, name: nameOf.get(id) ?? id }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nb')),
    };
  }

  /**
   * What a municipality sees on its report: the messages between KS and it on the report's
   * incident (never internal notes, never the Skatteetaten thread), and until when it may reopen.
   */
  async ofReport(caller: Principal, reportId: string, now = new Date()) {
    await requireAccess(this.access, caller, 'report.read', [reportId]);
    const report = await this.reports.find(reportId);
    if (!report) throw new ReportNotFound();
    const incident = (await this.incidents.resolveSurvivor(report.incidentId))!;
    const messages = await this.messages.withConsumer(incident.id, report.consumerId);
    const resolved = isSettled(incident);
    const reopenable = resolved && withinReopenWindow(incident.resolvedAt, now, this.config.reportReopenDays);
    return {
      messages: messages.map((m) => entry(m, () => '')),
      reopenUntil: reopenable ? new Date(incident.resolvedAt!.getTime() + this.config.reportReopenDays * 24 * 3_600_000) : null,
    };
  }
}

function entry(m: IncidentMessage, nameOf: (consumerId: string) => string): ConversationEntry {
  return {
    id: m.id,
    direction: m.direction,
    audience: m.audience,
    channel: m.channel,
    body: m.body,
    authorLabel: m.authorLabel,
    at: m.createdAt,
    recipientCount: m.recipients.length,
    municipalities: m.consumerIds.map(nameOf).filter(Boolean),
  };
}

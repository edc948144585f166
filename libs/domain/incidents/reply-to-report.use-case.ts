import { type ConsumerPrincipal, requireAccess } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { IncidentRepository } from './incident.repository';
import { IncidentConversation, messageBody } from './incident-conversation';
import { IncidentEventRepository } from './incident-event.repository';
import type { IncidentMessage } from './incident-message.entity';
import { IncidentMessageRepository } from './incident-message.repository';
import { ReportNotFound } from './incidents.exceptions';
import { ReportRepository } from './report.repository';
import { ReportOwnership } from './report-ownership';

/**
 * A municipality answers KS about its report, in the portal or from its system through the API:
 * the incident's conversation gets it, its owner hears of it.
 */
@Injectable()
export class ReplyToReport {
  constructor(
    private readonly db: DatabaseContext,
    private readonly access: ReportOwnership,
    private readonly reports: ReportRepository,
    private readonly incidents: IncidentRepository,
    private readonly messages: IncidentMessageRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly conversation: IncidentConversation,
  ) {}

  async execute(
    caller: ConsumerPrincipal,
    reportId: string,
    input: { body: unknown },
    channel: 'portal' | 'api' = 'portal',
  ): Promise<IncidentMessage> {
    await requireAccess(this.access, caller, 'report.reply', [reportId]);
    const body = messageBody(input.body);
    const report = await this.reports.find(reportId);
    if (!report) throw new ReportNotFound();
    const incident = (await this.incidents.resolveSurvivor(report.incidentId))!;
    const author = caller.email ?? caller.name;
    return this.db.transaction(async () => {
      const message = await this.messages.insert({
        incidentId: incident.id,
        direction: 'in',
        audience: 'municipalities',
        channel,
        body,
        authorLabel: author,
        consumerIds: [caller.consumerId],
        reportId: report.id,
        recipients: [],
        messageIds: [],
        inboundMessageId: null,
      });
      await this.timeline.record(incident.id, 'message_received', author, {
        audience: 'municipalities',
        from: caller.name,
        channel,
        report: report.reference,
      });
      await this.conversation.notifyOwner(incident, message.id, 'municipality', caller.name);
      return message;
    });
  }
}

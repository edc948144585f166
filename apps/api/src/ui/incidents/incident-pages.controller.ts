import { IncidentQueries, PreviewEscalation } from '@domain/incidents';
import { Get, Header, Param, Query, Render } from '@nestjs/common';

import { StaffPage } from '../../auth/access.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { PagesController } from '../shared/pages-controller';
import { queueQuery } from './incident.forms';
import { IncidentPage, QueuePage } from './incident.page';
import { summaryRow } from './incident.view-model';
import { DONE_TEXTS, ESCALATION_TEXTS, registeredText } from './incidents.texts.nb';

/** The incident queue, an incident's page and the preview of its escalation. */
@PagesController('incidents')
export class IncidentPagesController {
  constructor(
    private readonly queuePage: QueuePage,
    private readonly incidentPage: IncidentPage,
    private readonly queries: IncidentQueries,
    private readonly preview: PreviewEscalation,
  ) {}

  @Get()
  @StaffPage('incident.read')
  @Render('incidents/queue')
  async queue(@Query() q: Record<string, unknown>) {
    return { ...(await this.queuePage.load(queueQuery(q))), done: DONE_TEXTS[String(q.done ?? '')] };
  }

  @Get(':id')
  @StaffPage('incident.read')
  @Render('incidents/incident')
  async incident(@Param('id', ParseUuid) id: string, @Query('done') done?: string, @Query('report') reportId?: string) {
    const model = await this.incidentPage.load(id);
    // The link names the report by id; its reference comes from the incident, never from the link.
    const registered = done === 'registered' ? model.reports.find((r) => r.id === reportId) : undefined;
    return { ...model, done: registered ? registeredText(registered.reference) : DONE_TEXTS[done ?? ''] };
  }

  @Get(':id/escalate')
  @StaffPage('incident.read')
  @Render('incidents/escalate')
  async escalationPreview(@Param('id', ParseUuid) id: string) {
    const incident = await this.queries.incident(id);
    return {
      title: ESCALATION_TEXTS.title(incident.reference),
      incident: summaryRow(incident),
      escalation: incident.escalation,
      preview: incident.escalation ? null : await this.preview.execute(incident.id),
    };
  }

  /** The HTML part of the preview, shown in a sandboxed frame (its inline styles need their own CSP). */
  @Get(':id/escalate/preview.html')
  @StaffPage('incident.read')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
  @Header('Content-Type', 'text/html; charset=utf-8')
  async escalationPreviewHtml(@Param('id', ParseUuid) id: string) {
    return (await this.preview.execute(id)).html;
  }
}

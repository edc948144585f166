import { IncidentQueries, PreviewEscalation } from '@domain/incidents';
import type { StaffPrincipal } from '@domain/shared';
import { Get, Header, Param, Query, Render } from '@nestjs/common';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentStaff } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { text } from '../shared/form-body';
import { parseListQuery } from '../shared/list-query';
import { PagesController } from '../shared/pages-controller';
import { QUEUE_LIST, queueQuery } from './incident.forms';
import { IncidentPage, type IncidentPageQuery, QueuePage } from './incident.page';
import { summaryRow } from './incident.view-model';
import { DONE_TEXTS, ESCALATION_TEXTS } from './incidents.texts.nb';

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
  async queue(@Query() q: Record<string, unknown>, @CurrentStaff() me: StaffPrincipal) {
    return { ...(await this.queuePage.load(me, queueQuery(q), parseListQuery(q, QUEUE_LIST))), done: DONE_TEXTS[String(q.done ?? '')] };
  }

  @Get(':id')
  @StaffPage('incident.read')
  @Render('incidents/incident')
  incident(@Param('id', ParseUuid) id: string, @Query() q: IncidentPageQuery, @CurrentStaff() me: StaffPrincipal) {
    return this.incidentPage.load(id, me, { page: q.page, done: text(q.done), report: text(q.report) });
  }

  @Get(':id/escalate')
  @StaffPage('incident.read')
  @Render('incidents/escalate')
  async escalationPreview(@Param('id', ParseUuid) id: string, @CurrentStaff() me: StaffPrincipal) {
    const incident = await this.queries.incident(id, me);
    return {
      title: ESCALATION_TEXTS.title(incident.reference),
      incident: summaryRow(incident),
      escalation: incident.escalation,
      preview: incident.escalation ? null : await this.preview.execute(incident.id, me),
    };
  }

  /** The HTML part of the preview, shown in a sandboxed frame (its inline styles need their own CSP). */
  @Get(':id/escalate/preview.html')
  @StaffPage('incident.read')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
  @Header('Content-Type', 'text/html; charset=utf-8')
  async escalationPreviewHtml(@Param('id', ParseUuid) id: string, @CurrentStaff() me: StaffPrincipal) {
    return (await this.preview.execute(id, me)).html;
  }
}

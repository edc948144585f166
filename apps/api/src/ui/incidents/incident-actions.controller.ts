import {
  AddInternalNote,
  AssignIncident,
  CorrectGrouping,
  EscalateIncident,
  IncidentQueries,
  MoveEscalationToSecurityChannel,
  ReopenIncident,
  ResolveIncident,
  SendDueEscalations,
  TriageIncident,
  WriteToMunicipalities,
  WriteToSkatteetaten,
} from '@domain/incidents';
import { SuggestArticles } from '@domain/knowledge';
import type { Actor } from '@domain/shared';
import { Body, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor } from '../../auth/current-principal.decorator';
import { ActsOn } from '../../http/acts-on.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import type { FormBody } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { redirectDone } from '../shared/redirect-done';
import {
  assignInput,
  incidentReference,
  messageInput,
  municipalityMessageInput,
  reopenInput,
  resolveInput,
  splitReportIds,
  triageInput,
} from './incident.forms';
import { IncidentPage } from './incident.page';

/**
 * What staff do to incidents: triage, escalate, resolve, write in the conversation, and correct the
 * grouping (merge proposals: proposal-actions.controller.ts). Each answers with a redirect and a done code.
 */
@PagesController('incidents')
export class IncidentActionsController {
  constructor(
    private readonly queries: IncidentQueries,
    private readonly articles: SuggestArticles,
    private readonly triage: TriageIncident,
    private readonly escalation: EscalateIncident,
    private readonly dueEscalations: SendDueEscalations,
    private readonly securityChannel: MoveEscalationToSecurityChannel,
    private readonly resolution: ResolveIncident,
    private readonly reopening: ReopenIncident,
    private readonly grouping: CorrectGrouping,
    private readonly toSkatteetaten: WriteToSkatteetaten,
    private readonly toMunicipalities: WriteToMunicipalities,
    private readonly notes: AddInternalNote,
    private readonly assigner: AssignIncident,
  ) {}

  @Post(':id/triage')
  @StaffPage('incident.triage')
  @ActsOn({ incidents: ['params.id'] })
  @PageForm(IncidentPage)
  async triageIncident(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    redirectDone(res, `/incidents/${(await this.triage.execute(id, triageInput(body), actor)).id}`, 'triaged');
  }

  @Post(':id/assign')
  @StaffPage('incident.triage')
  @ActsOn({ incidents: ['params.id'] })
  @PageForm(IncidentPage)
  async assign(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    redirectDone(res, `/incidents/${(await this.assigner.execute(id, assignInput(body), actor)).id}`, 'assigned');
  }

  @Post(':id/escalate')
  @StaffPage('incident.escalate')
  @ActsOn({ incidents: ['params.id'] })
  @PageForm(IncidentPage)
  async escalate(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    const result = await this.escalation.execute(id, actor);
    redirectDone(res, `/incidents/${result.incidentId}`, result.mergedInto ? 'joined' : result.alreadyEscalated ? 'already' : 'escalated');
  }

  @Post(':id/escalate/send-now')
  @StaffPage('incident.escalate')
  @ActsOn({ incidents: ['params.id'] })
  @PageForm(IncidentPage)
  async sendEscalationNow(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    redirectDone(res, `/incidents/${(await this.dueEscalations.now(id, actor)).incidentId}`, 'sent');
  }

  @Post(':id/escalate/security-channel')
  @StaffPage('incident.escalate')
  @ActsOn({ incidents: ['params.id'] })
  @PageForm(IncidentPage)
  async moveToSecurityChannel(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    redirectDone(res, `/incidents/${(await this.securityChannel.execute(id, actor)).incidentId}`, 'security-channel');
  }

  @Post(':id/resolve')
  @StaffPage('incident.resolve')
  @ActsOn({ incidents: ['params.id'] })
  @PageForm(IncidentPage)
  async resolve(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.resolution.execute(id, resolveInput(body, await this.articles.list()), actor);
    redirectDone(res, `/incidents/${id}`, 'resolved');
  }

  @Post(':id/reopen')
  @StaffPage('incident.resolve')
  @ActsOn({ incidents: ['params.id'] })
  @PageForm(IncidentPage)
  async reopen(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.reopening.execute(id, reopenInput(body), actor);
    redirectDone(res, `/incidents/${id}`, 'reopened');
  }

  @Post(':id/merge')
  @StaffPage('incident.regroup')
  @ActsOn({ incidents: ['params.id', 'body.other'] })
  @PageForm(IncidentPage)
  async merge(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    const other = await this.queries.idOf(incidentReference(body, 'other'));
    redirectDone(res, `/incidents/${(await this.grouping.merge(id, other, actor)).id}`, 'merged');
  }

  @Post(':id/split')
  @StaffPage('incident.regroup')
  @ActsOn({ incidents: ['params.id'] })
  @PageForm(IncidentPage)
  async split(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    redirectDone(res, `/incidents/${(await this.grouping.split(id, splitReportIds(body), actor)).id}`, 'split');
  }

  @Post(':id/reports/:reportId/move')
  @StaffPage('incident.regroup')
  @ActsOn({ incidents: ['params.id', 'body.target'], reports: ['params.reportId'] })
  @PageForm(IncidentPage)
  async move(
    @Param('id', ParseUuid) id: string,
    @Param('reportId', ParseUuid) reportId: string,
    @Body() body: FormBody,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    await this.grouping.move(reportId, await this.queries.idOf(incidentReference(body, 'target')), actor);
    redirectDone(res, `/incidents/${id}`, 'moved');
  }

  @Post(':id/messages/skatteetaten')
  @StaffPage('incident.message')
  @ActsOn({ incidents: ['params.id'] })
  @PageForm(IncidentPage)
  async writeToSkatteetaten(
    @Param('id', ParseUuid) id: string,
    @Body() body: FormBody,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    await this.toSkatteetaten.execute(id, messageInput(body), actor);
    redirectDone(res, `/incidents/${id}`, 'message-skatteetaten');
  }

  @Post(':id/messages/municipalities')
  @StaffPage('incident.message')
  @ActsOn({ incidents: ['params.id'] })
  @PageForm(IncidentPage)
  async writeToMunicipalities(
    @Param('id', ParseUuid) id: string,
    @Body() body: FormBody,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    await this.toMunicipalities.execute(id, municipalityMessageInput(body), actor);
    redirectDone(res, `/incidents/${id}`, 'message-municipalities');
  }

  @Post(':id/messages/note')
  @StaffPage('incident.message')
  @ActsOn({ incidents: ['params.id'] })
  @PageForm(IncidentPage)
  async addNote(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.notes.execute(id, messageInput(body), actor);
    redirectDone(res, `/incidents/${id}`, 'note');
  }
}

import {
  AssignIncident,
  CorrectGrouping,
  EscalateIncident,
  IncidentQueries,
  JoinIncident,
  MoveEscalationToSecurityChannel,
  PreviewEscalation,
  ReopenIncident,
  ResolveIncident,
  SendDueEscalations,
  TriageIncident,
} from '@domain/incidents';
import type { Actor, Principal } from '@domain/shared';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { Allow } from '../auth/access.decorator';
import { CurrentActor, CurrentPrincipal } from '../auth/current-principal.decorator';
import { ActsOn } from '../http/acts-on.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { CreatedResource } from '../http/created-resource.decorator';
import { ParseUuid } from '../http/parse-uuid.pipe';
import { AssignIncidentDto, IncidentQueryDto, MergeDto, ReopenDto, ResolveDto, SplitDto, TriageDto } from './incident.dto';
import {
  EscalationPreviewResponse,
  EscalationResponse,
  IncidentDetailResponse,
  IncidentRecordResponse,
  IncidentResponse,
  IncidentSummaryResponse,
  MergeProposalResponse,
  ReopeningResponse,
  ResolutionResponse,
} from './incident-responses.dto';
import { JoinIncidentDto } from './report.dto';
import { JoinIncidentResponse } from './report-responses.dto';

const RESOLVED = [409, 'incident_resolved: the incident is already resolved'] as const;

@ApiTags('incidents')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('api/v1/incidents')
export class IncidentsController {
  constructor(
    private readonly queries: IncidentQueries,
    private readonly escalation: EscalateIncident,
    private readonly dueEscalations: SendDueEscalations,
    private readonly securityChannel: MoveEscalationToSecurityChannel,
    private readonly preview: PreviewEscalation,
    private readonly triage: TriageIncident,
    private readonly resolution: ResolveIncident,
    private readonly reopening: ReopenIncident,
    private readonly grouping: CorrectGrouping,
    private readonly joining: JoinIncident,
    private readonly assigner: AssignIncident,
  ) {}

  @Get()
  @Allow('incident.read')
  @ApiOperation({
    summary: 'List incidents',
    description:
      'The incident queue, by impact: severity (set or suggested), then consumers affected, then recency. `assignee=me` lists the caller’s own. Paged by `limit` and `offset`; `X-Total-Count` gives the whole count.',
  })
  @ApiOkResponse({
    type: [IncidentSummaryResponse],
    headers: { 'X-Total-Count': { description: 'Incidents matching the filter, on every page', schema: { type: 'integer' } } },
  })
  @ApiProblems(400)
  async list(@Query() q: IncidentQueryDto, @CurrentPrincipal() caller: Principal, @Res({ passthrough: true }) res: FastifyReply) {
    const page = await this.queries.queuePage(q.forCaller(caller.kind === 'staff' ? caller.id : null), q.page(), caller);
    res.header('X-Total-Count', String(page.total));
    return page.items.map((i) => IncidentSummaryResponse.from(i));
  }

  @Get(':id')
  @Allow('incident.read')
  @ApiOperation({
    summary: 'Get an incident',
    description:
      'The incident with its reports, timeline and merge proposals. An incident merged into another answers as the surviving one.',
  })
  @ApiOkResponse({ type: IncidentDetailResponse })
  @ApiProblems(400, 404)
  async one(@Param('id', ParseUuid) id: string, @CurrentPrincipal() caller: Principal) {
    return IncidentDetailResponse.from(await this.queries.incidentDetail(id, caller));
  }

  /** Counts and status without the reports: cheap enough to poll for a live view. */
  @Get(':id/summary')
  @Allow('incident.read')
  @ApiOperation({
    summary: 'Get an incident without its reports',
    description: 'Counts, status and escalation, without reports, timeline or proposals: cheap enough to poll.',
  })
  @ApiOkResponse({ type: IncidentResponse })
  @ApiProblems(400, 404)
  async summary(@Param('id', ParseUuid) id: string, @CurrentPrincipal() caller: Principal) {
    return IncidentResponse.from(await this.queries.incident(id, caller));
  }

  @Get(':id/escalation-preview')
  @Allow('incident.read')
  @ApiOperation({ summary: 'Preview the escalation', description: 'The exact e-mail an escalation would send to Skatteetaten now.' })
  @ApiOkResponse({ type: EscalationPreviewResponse })
  @ApiProblems(400, [403, 'security_case_restricted: only the security role and administrators read a security case'], 404)
  async previewEscalation(@Param('id', ParseUuid) id: string, @CurrentPrincipal() caller: Principal) {
    return EscalationPreviewResponse.from(await this.preview.execute(id, caller));
  }

  @Post(':id/escalate')
  @Allow('incident.escalate')
  @ActsOn({ incidents: ['params.id'] })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Escalate to Skatteetaten',
    description:
      "KS's decision that the problem lies with Skatteetaten (or is a security or privacy matter). Idempotent: one e-mail thread per " +
      'incident, to the escalation addresses of its services, or only to their security addresses when it is a security case (it holds ' +
      'security or privacy reports, or staff triaged it to the security side).',
  })
  @ApiOkResponse({ type: EscalationResponse })
  @ApiProblems(400, 404, RESOLVED, [422, 'no_escalation_address: the catalogue in force has no address for its services'])
  async escalate(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor) {
    return EscalationResponse.from(await this.escalation.execute(id, actor));
  }

  /** The first message of a pending escalation goes out now instead of after the settle period. */
  @Post(':id/escalation/send-now')
  @Allow('incident.escalate')
  @ActsOn({ incidents: ['params.id'] })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a pending escalation now',
    description: 'The first message of a pending escalation goes out now instead of after the settle period.',
  })
  @ApiOkResponse({ type: EscalationResponse })
  @ApiProblems(400, 404, [409, 'escalation_not_pending: no escalation is waiting to be sent'])
  async sendEscalationNow(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor) {
    return EscalationResponse.from(await this.dueEscalations.now(id, actor));
  }

  @Post(':id/escalation/security-channel')
  @Allow('incident.escalate')
  @ActsOn({ incidents: ['params.id'] })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move the escalation to the security channel',
    description:
      'For an incident staff moved to the security side after its thread went to the ordinary channel (`escalation.updatesPaused`): ' +
      'the ordinary thread gets a last message saying only that KS goes on in another channel, and a new thread starts with a first ' +
      "message to the security addresses of the incident's services. Skatteetaten's case number, which was the ordinary thread's, is cleared.",
  })
  @ApiOkResponse({ type: EscalationResponse })
  @ApiProblems(
    400,
    404,
    RESOLVED,
    [409, 'escalation_not_movable: no sent thread to the ordinary channel of an incident on the security side'],
    [422, 'no_escalation_address: the catalogue in force has no security address for its services'],
  )
  async moveToSecurityChannel(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor) {
    return EscalationResponse.from(await this.securityChannel.execute(id, actor));
  }

  @Post(':reference/affected')
  @Allow('report.create')
  @ApiOperation({
    summary: 'We are affected too',
    description:
      'A municipality says a problem KS already knows of (the `knownIncident` of a report receipt: escalated, or reported by ' +
      'several municipalities) affects it too: a report is added to exactly that incident, without grouping deciding again. ' +
      'Idempotent: when the municipality already has a report in the incident, that report is the answer (200) and nothing is added. ' +
      'Staff name the consumer in `consumerId`.',
  })
  @CreatedResource(JoinIncidentResponse, '/api/v1/reports/:reportId', 'A report was added to the incident')
  @ApiOkResponse({ type: JoinIncidentResponse, description: 'The municipality already had a report in the incident; it is reused' })
  @ApiProblems(
    [400, 'Invalid input; unknown_consumer: staff named no registered consumer'],
    [404, 'incident_not_found: no such incident, or not one KS knows of as affecting several municipalities'],
    [409, 'incident_resolved: the incident is already resolved'],
  )
  async affected(
    @Param('reference') reference: string,
    @Body() body: JoinIncidentDto,
    @CurrentPrincipal() caller: Principal,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const result = await this.joining.execute(caller, reference, body.input(), body.options());
    res.status(result.joined ? 201 : 200);
    return JoinIncidentResponse.from(result);
  }

  @Post(':id/triage')
  @Allow('incident.triage')
  @ActsOn({ incidents: ['params.id'] })
  @HttpCode(200)
  @ApiOperation({ summary: 'Triage an incident', description: "Sets the side, severity, title or Skatteetaten's case reference." })
  @ApiOkResponse({ type: IncidentRecordResponse })
  @ApiProblems(400, 404)
  async triageIncident(@Param('id', ParseUuid) id: string, @Body() body: TriageDto, @CurrentActor() actor: Actor) {
    return IncidentRecordResponse.from(await this.triage.execute(id, body, actor));
  }

  @Post(':id/assign')
  @Allow('incident.triage')
  @ActsOn({ incidents: ['params.id'] })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Assign an incident',
    description:
      'Sets its assignment group and/or assignee (null clears either); the assignee and a new group’s members are notified in the app, and they are the ones e-mailed when Skatteetaten or a municipality answers.',
  })
  @ApiOkResponse({ type: IncidentResponse })
  @ApiProblems([400, 'assignee_not_in_group, unknown_assignee (field assigneeId) and unknown_group (field groupId) name their field'], 404)
  async assign(
    @Param('id', ParseUuid) id: string,
    @Body() body: AssignIncidentDto,
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() caller: Principal,
  ) {
    return IncidentResponse.from(await this.assigner.execute(id, body, actor).then((i) => this.queries.incident(i.id, caller)));
  }

  @Post(':id/resolve')
  @Allow('incident.resolve')
  @ActsOn({ incidents: ['params.id'] })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Resolve an incident',
    description: 'Closes its reports and tells every affected contact once, with the message given.',
  })
  @ApiOkResponse({ type: ResolutionResponse })
  @ApiProblems(400, 404, RESOLVED)
  async resolve(@Param('id', ParseUuid) id: string, @Body() body: ResolveDto, @CurrentActor() actor: Actor) {
    return ResolutionResponse.from(await this.resolution.execute(id, body, actor));
  }

  @Post(':id/reopen')
  @Allow('incident.resolve')
  @ActsOn({ incidents: ['params.id'] })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reopen a resolved incident',
    description:
      'Opens its reports again and puts it back in the queue: escalated when its thread to Skatteetaten was sent, else triaged or new. Nobody is e-mailed; write to the municipalities or Skatteetaten in the conversation.',
  })
  @ApiOkResponse({ type: ReopeningResponse })
  @ApiProblems(400, 404, [409, 'incident_not_resolved: the incident is open'])
  async reopen(@Param('id', ParseUuid) id: string, @Body() body: ReopenDto, @CurrentActor() actor: Actor) {
    return ReopeningResponse.from(await this.reopening.execute(id, body, actor));
  }

  @Post(':id/merge')
  @Allow('incident.regroup')
  @ActsOn({ incidents: ['params.id', 'body.otherIncidentId'] })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Merge two incidents',
    description: 'The two become one; the merged incident keeps answering with the surviving one. Matching learns from the correction.',
  })
  @ApiOkResponse({ type: IncidentRecordResponse, description: 'The surviving incident' })
  @ApiProblems(400, 404, [
    409,
    'merge_with_itself, already_merged, track_mismatch (security and privacy incidents merge only with their own kind), environment_mismatch (production and test), or correction_on_resolved (reopen a resolved incident first)',
  ])
  async merge(@Param('id', ParseUuid) id: string, @Body() body: MergeDto, @CurrentActor() actor: Actor) {
    return IncidentRecordResponse.from(await this.grouping.merge(id, body.otherIncidentId, actor));
  }

  @Post(':id/split')
  @Allow('incident.regroup')
  @ActsOn({ incidents: ['params.id'] })
  @ApiOperation({
    summary: 'Split reports out',
    description: 'Moves the reports named to a new incident; they are pinned there, and the pair is never merged automatically again.',
  })
  @CreatedResource(IncidentRecordResponse, '/api/v1/incidents/:id', 'The new incident')
  @ApiProblems(400, 404, [409, 'split_all: splitting out every report would leave the incident empty'])
  async split(@Param('id', ParseUuid) id: string, @Body() body: SplitDto, @CurrentActor() actor: Actor) {
    return IncidentRecordResponse.from(await this.grouping.split(id, body.reportIds, actor));
  }
}

@ApiTags('incidents')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('api/v1/merge-proposals')
export class MergeProposalsController {
  constructor(
    private readonly queries: IncidentQueries,
    private readonly grouping: CorrectGrouping,
  ) {}

  @Get()
  @Allow('incident.read')
  @ApiOperation({
    summary: 'List open merge proposals',
    description: 'Pairs of incidents that may be one problem, waiting for staff to decide; newest first.',
  })
  @ApiOkResponse({ type: [MergeProposalResponse] })
  async open(@CurrentPrincipal() caller: Principal) {
    return (await this.queries.proposals(caller)).map((p) => MergeProposalResponse.from(p));
  }

  @Post(':id/accept')
  @Allow('incident.regroup')
  @ActsOn({ proposals: ['params.id'] })
  @HttpCode(204)
  @ApiOperation({ summary: 'Accept a merge proposal', description: 'Merges the two incidents, as a staff merge does.' })
  @ApiNoContentResponse({ description: 'Merged' })
  @ApiProblems(400, 404, [409, 'already_merged, track_mismatch, environment_mismatch or correction_on_resolved'])
  async accept(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.grouping.decideProposal(id, true, actor);
  }

  @Post(':id/reject')
  @Allow('incident.regroup')
  @ActsOn({ proposals: ['params.id'] })
  @HttpCode(204)
  @ApiOperation({ summary: 'Reject a merge proposal', description: 'The two incidents stay apart and are never merged automatically.' })
  @ApiNoContentResponse({ description: 'Rejected' })
  @ApiProblems(400, 404)
  async reject(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.grouping.decideProposal(id, false, actor);
  }
}

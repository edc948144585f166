import {
  AssessChangeRequest,
  ChangeRequestQueries,
  ForwardChangeRequest,
  MergeChangeRequests,
  RecordChangeRequestAnswer,
  SubmitChangeRequest,
  SupportChangeRequest,
} from '@domain/change-requests';
import type { Actor, ConsumerPrincipal, Principal } from '@domain/shared';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../auth/access.decorator';
import { CurrentActor, CurrentConsumer, CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { CreatedResource } from '../http/created-resource.decorator';
import { ParseUuid } from '../http/parse-uuid.pipe';
import {
  AssessChangeRequestDto,
  ChangeRequestAnswerDto,
  ChangeRequestQueryDto,
  ForwardChangeRequestDto,
  MergeChangeRequestDto,
  SubmitChangeRequestDto,
  SupportChangeRequestDto,
} from './change-request.dto';
import {
  ChangeRequestForwardResponse,
  ChangeRequestLinkResponse,
  ChangeRequestNotifiedResponse,
  ChangeRequestResponse,
  ChangeRequestSupportResponse,
} from './change-request-responses.dto';

const NOT_FOUND = [404, 'change_request_not_found, also for a request on a service the consumer has no access to'] as const;

@ApiTags('change requests')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('api/v1/change-requests')
export class ChangeRequestsController {
  constructor(
    private readonly queries: ChangeRequestQueries,
    private readonly submitter: SubmitChangeRequest,
    private readonly supporter: SupportChangeRequest,
    private readonly merger: MergeChangeRequests,
    private readonly assessor: AssessChangeRequest,
    private readonly forwarder: ForwardChangeRequest,
    private readonly answers: RecordChangeRequestAnswer,
  ) {}

  @Post()
  @Allow('change-request.submit')
  @ApiOperation({
    summary: 'Submit a change request',
    description: 'A consumer asks for a change in a service it has access to; its own submission counts as the first support.',
  })
  @CreatedResource(ChangeRequestLinkResponse, '/api/v1/change-requests/:id')
  @ApiProblems([400, 'Invalid input; unknown_service or no_service_access name the field `service`'])
  async submit(@CurrentConsumer() me: ConsumerPrincipal, @Body() body: SubmitChangeRequestDto) {
    return this.submitter.execute(me, body);
  }

  @Get()
  @Allow('change-request.read')
  @ApiOperation({
    summary: 'List change requests',
    description:
      'Live (not merged) requests ranked by supporting consumers, then service area. Staff see all; a consumer those on its services, ' +
      "without other consumers' texts unless KS made them public.",
  })
  @ApiOkResponse({ type: [ChangeRequestResponse] })
  @ApiProblems(400)
  async list(@CurrentPrincipal() caller: Principal, @Query() q: ChangeRequestQueryDto) {
    return (await this.queries.list(caller, q.filter())).map((v) => ChangeRequestResponse.from(v));
  }

  @Get(':id')
  @Allow('change-request.read')
  @ApiOperation({ summary: 'Get a change request', description: 'One request with its supporters, as the caller may see it.' })
  @ApiOkResponse({ type: ChangeRequestResponse })
  @ApiProblems(400, NOT_FOUND)
  async one(@Param('id', ParseUuid) id: string, @CurrentPrincipal() caller: Principal) {
    return ChangeRequestResponse.from(await this.queries.get(id, caller));
  }

  @Post(':id/support')
  @Allow('change-request.submit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Support a change request',
    description:
      '"We need this too", with the consumer\'s own use case. Once per consumer: a second call changes nothing (`added: false`).',
  })
  @ApiOkResponse({ type: ChangeRequestSupportResponse })
  @ApiProblems(400, NOT_FOUND, [409, 'own_change_request: the consumer submitted it'])
  async support(@Param('id', ParseUuid) id: string, @CurrentConsumer() me: ConsumerPrincipal, @Body() body: SupportChangeRequestDto) {
    return this.supporter.execute(me, id, body.useCase);
  }

  @Post(':id/merge')
  @Allow('change-request.write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Merge a duplicate into another request',
    description: 'Its supporters move to the other request (one support per consumer); undone by unmerge. Audited.',
  })
  @ApiOkResponse({ type: ChangeRequestResponse, description: 'The request that keeps the supporters' })
  @ApiProblems(400, NOT_FOUND, [409, 'merge_same_request, merge_already_merged, merge_service_mismatch or merge_already_forwarded'])
  async merge(
    @Param('id', ParseUuid) id: string,
    @Body() body: MergeChangeRequestDto,
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() caller: Principal,
  ) {
    const { survivor } = await this.merger.merge(id, body.intoId, actor);
    return ChangeRequestResponse.from(await this.queries.get(survivor.id, caller));
  }

  @Post(':id/unmerge')
  @Allow('change-request.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Undo a merge', description: 'The supporters the merge moved go back to this request, which is live again.' })
  @ApiOkResponse({ type: ChangeRequestResponse })
  @ApiProblems(400, NOT_FOUND, [409, 'change_request_not_merged'])
  async unmerge(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor, @CurrentPrincipal() caller: Principal) {
    const { restored } = await this.merger.unmerge(id, actor);
    return ChangeRequestResponse.from(await this.queries.get(restored.id, caller));
  }

  @Post(':id/assessment')
  @Allow('change-request.write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Assess a change request',
    description:
      'Status (new, assessing, declined, done), priority and whether the texts are public. Declining needs a message, e-mailed to every supporter.',
  })
  @ApiOkResponse({ type: ChangeRequestNotifiedResponse })
  @ApiProblems(400, NOT_FOUND, [409, 'status_change_refused or change_request_merged'])
  async assess(@Param('id', ParseUuid) id: string, @Body() body: AssessChangeRequestDto, @CurrentActor() actor: Actor) {
    const { request, notified } = await this.assessor.execute(id, body, actor);
    return { request: { id: request.id, reference: request.reference }, status: request.status, notified };
  }

  @Post(':id/forward')
  @Allow('change-request.forward')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Forward to Skatteetaten',
    description:
      "One e-mail to the service's escalation addresses in the catalogue in force, with every supporter and use case. Once: a second call sends nothing.",
  })
  @ApiOkResponse({ type: ChangeRequestForwardResponse })
  @ApiProblems(
    400,
    NOT_FOUND,
    [409, 'change_request_not_forwardable (declined or done) or change_request_merged'],
    [422, 'no_escalation_address: the catalogue names no address for the service'],
  )
  async forward(@Param('id', ParseUuid) id: string, @Body() body: ForwardChangeRequestDto, @CurrentActor() actor: Actor) {
    return ChangeRequestForwardResponse.from(await this.forwarder.execute(id, body, actor));
  }

  @Post(':id/answer')
  @Allow('change-request.write')
  @HttpCode(200)
  @ApiOperation({
    summary: "Record Skatteetaten's answer",
    description: "Every supporting consumer's contacts are told by e-mail, once each.",
  })
  @ApiOkResponse({ type: ChangeRequestNotifiedResponse })
  @ApiProblems(400, NOT_FOUND, [409, 'change_request_not_forwarded'])
  async answer(@Param('id', ParseUuid) id: string, @Body() body: ChangeRequestAnswerDto, @CurrentActor() actor: Actor) {
    const { request, notified } = await this.answers.execute(id, body, actor);
    return { request: { id: request.id, reference: request.reference }, status: request.status, notified };
  }
}

import {
  ConversationQueries,
  CorrectGrouping,
  ImportReports,
  IncidentQueries,
  ReceiveReport,
  ReopenReport,
  ReplyToReport,
  RevealPersonalData,
} from '@domain/incidents';
import { SuggestArticles } from '@domain/knowledge';
import type { Actor, ConsumerPrincipal, Principal } from '@domain/shared';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../auth/access.decorator';
import { CurrentActor, CurrentConsumer, CurrentPrincipal } from '../auth/current-principal.decorator';
import { ActsOn } from '../http/acts-on.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { CreatedResource } from '../http/created-resource.decorator';
import { IdempotencyKey } from '../http/idempotency-key.decorator';
import { ParseUuid } from '../http/parse-uuid.pipe';
import { KnowledgeArticleResponse } from '../knowledge/knowledge-article.dto';
import { IncidentRecordResponse } from './incident-responses.dto';
import {
  ImportReportsDto,
  MoveReportDto,
  ReportListQueryDto,
  ReportReplyDto,
  RevealDto,
  SubmitReportDto,
  SuggestionQueryDto,
} from './report.dto';
import {
  ReportImportResponse,
  ReportMessageResponse,
  ReportPageResponse,
  ReportReceiptResponse,
  ReportResponse,
  RevealedReportTextResponse,
} from './report-responses.dto';

@ApiTags('reports')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('api/v1/reports')
export class ReportsController {
  constructor(
    private readonly receive: ReceiveReport,
    private readonly importer: ImportReports,
    private readonly queries: IncidentQueries,
    private readonly grouping: CorrectGrouping,
    private readonly reveal: RevealPersonalData,
    private readonly suggestions: SuggestArticles,
    private readonly conversations: ConversationQueries,
    private readonly replying: ReplyToReport,
    private readonly reopening: ReopenReport,
  ) {}

  @Post()
  @Allow('report.create')
  @ApiOperation({
    summary: 'Submit a report',
    description:
      'A consumer reports an incident or data deviation (staff may register one on behalf of a consumer). National identity numbers ' +
      'are masked before the report is stored; it is grouped with open incidents of the same problem, and the consumer gets a confirmation.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Retry-safe submission: the same key and body give the original answer. At most 200 characters, per consumer, kept 48 hours.',
  })
  @CreatedResource(ReportReceiptResponse, '/api/v1/reports/:id', 'The report, with the incident it was grouped into')
  @ApiProblems(
    [
      400,
      'Invalid input; unknown_service: not a service in the Bilag 2 version in force; unknown_consumer: staff named no registered consumer',
    ],
    [409, 'idempotency_in_flight: a request with this Idempotency-Key is still being processed'],
    [422, 'idempotency_key_reused: the Idempotency-Key was used with another body'],
    413,
    415,
    503,
  )
  async submit(@CurrentPrincipal() caller: Principal, @Body() body: SubmitReportDto, @IdempotencyKey() key?: string) {
    return ReportReceiptResponse.from(await this.receive.execute(caller, body.input(), body.options(key)));
  }

  @Post('import')
  @Allow('report.import')
  @ApiOperation({
    summary: 'Import historical reports',
    description:
      'Up to 500 reports, grouped as they would have been at each `receivedAt`. History: no confirmations are sent. ' +
      'Each result names the incident its report is in after the batch.',
  })
  @ApiCreatedResponse({ type: ReportImportResponse, description: 'One result per report, in the order sent' })
  @ApiProblems(400, 413)
  async import(@Body() body: ImportReportsDto, @CurrentActor() actor: Actor) {
    return ReportImportResponse.from(await this.importer.execute(body.reports, actor));
  }

  @Get()
  @Allow('report.list-own')
  @ApiOperation({
    summary: 'List my reports',
    description: "The calling consumer's own reports, newest first, with the incident each belongs to now; `perPage` (default 50) a page.",
  })
  @ApiOkResponse({ type: ReportPageResponse })
  @ApiProblems(400)
  async mine(@CurrentConsumer() me: ConsumerPrincipal, @Query() q: ReportListQueryDto) {
    return ReportPageResponse.from(await this.queries.reportPageOfConsumer(me.consumerId, q.slice()), q.slice());
  }

  @Get('suggestions')
  @Allow('knowledge-article.read')
  @ApiOperation({
    summary: 'Suggest knowledge-base articles',
    description: 'Articles that answer symptoms like these, best first: shown before a report is sent.',
  })
  @ApiOkResponse({ type: [KnowledgeArticleResponse] })
  @ApiProblems(400)
  async suggest(@Query() q: SuggestionQueryDto) {
    return (await this.suggestions.forReport(q.symptoms())).map((a) => KnowledgeArticleResponse.from(a));
  }

  @Get(':id')
  @Allow('report.read')
  @ApiOperation({
    summary: 'Get a report',
    description:
      'A report with the incident it belongs to now and the messages between KS and its municipality about it. Staff see any report and how it was matched; a consumer only its own.',
  })
  @ApiOkResponse({ type: ReportResponse })
  @ApiProblems(400, [404, "report_not_found, also for another consumer's report"])
  async one(@Param('id', ParseUuid) id: string, @CurrentPrincipal() caller: Principal) {
    return ReportResponse.from(await this.queries.report(id, caller), await this.conversations.ofReport(caller, id));
  }

  @Post(':id/messages')
  @Allow('report.reply')
  @ApiOperation({
    summary: 'Answer KS about my report',
    description:
      "The municipality's answer, as its users give it in the portal: it lands in the conversation of the report's incident, and the " +
      'KS staff who own the incident hear of it. Identity numbers are masked before it is stored.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Retry-safe answer: the same key and body give the message stored the first time. At most 200 characters, per consumer (shared with reports), kept 48 hours.',
  })
  @ApiCreatedResponse({ type: ReportMessageResponse, description: 'The message as stored' })
  @ApiProblems(
    400,
    [404, "report_not_found, also for another consumer's report"],
    [409, 'idempotency_in_flight: a request with this Idempotency-Key is still being processed'],
    [422, 'idempotency_key_reused: the Idempotency-Key was used with another request'],
  )
  async reply(
    @Param('id', ParseUuid) id: string,
    @Body() body: ReportReplyDto,
    @CurrentConsumer() me: ConsumerPrincipal,
    @IdempotencyKey() key?: string,
  ) {
    return ReportMessageResponse.fromMessage(await this.replying.execute(me, id, body, { channel: 'api', idempotencyKey: key }));
  }

  @Post(':id/reopen')
  @Allow('report.reply')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reopen my resolved report',
    description:
      "The problem is back after the resolution: within the window the report's `reopenUntil` gives, the report and its incident " +
      'open again and the KS staff who own it hear of it. Answers the report as it is now.',
  })
  @ApiOkResponse({ type: ReportResponse })
  @ApiProblems(
    400,
    [404, "report_not_found, also for another consumer's report"],
    [409, 'incident_not_resolved (it is open already) or reopen_window_closed (send a new report instead)'],
  )
  async reopen(@Param('id', ParseUuid) id: string, @CurrentConsumer() me: ConsumerPrincipal) {
    await this.reopening.execute(me, id);
    return this.one(id, me);
  }

  @Post(':id/move')
  @Allow('incident.regroup')
  @ActsOn({ reports: ['params.id'], incidents: ['body.incidentId'] })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move a report to another incident',
    description: 'The report is pinned there: automatic merges never move it again. Matching learns from the correction.',
  })
  @ApiOkResponse({ type: IncidentRecordResponse, description: 'The incident the report is in now' })
  @ApiProblems(
    400,
    [404, 'report_not_found or incident_not_found'],
    [409, 'environment_mismatch (the incident is in another environment) or correction_on_resolved (it is resolved)'],
  )
  async move(@Param('id', ParseUuid) id: string, @Body() body: MoveReportDto, @CurrentActor() actor: Actor) {
    return IncidentRecordResponse.from(await this.grouping.move(id, body.incidentId, actor));
  }

  @Post(':id/reveal')
  @Allow('report.reveal-personal-data')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reveal masked personal data',
    description: "The original text of a masked report's fields, for the security role only; every look is audited with its reason.",
  })
  @ApiOkResponse({ type: RevealedReportTextResponse })
  @ApiProblems(400, [404, 'report_not_found, or no_personal_data: nothing was masked'])
  async revealOriginal(@Param('id', ParseUuid) id: string, @Body() body: RevealDto, @CurrentActor() actor: Actor) {
    return RevealedReportTextResponse.from(await this.reveal.execute(id, body.reason, actor));
  }
}

import { CorrectGrouping } from '@domain/incidents';
import { ImportReports } from '@domain/incidents';
import { IncidentQueries } from '@domain/incidents';
import { ReceiveReport } from '@domain/incidents';
import { RevealPersonalData } from '@domain/incidents';
import { SuggestArticles } from '@domain/knowledge';
import type { Actor, ConsumerPrincipal, Principal } from '@domain/shared';
import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';

import { ConsumerOnly, ConsumerOrStaff, Staff, StaffWriter } from '../auth/access.decorator';
import { CurrentActor, CurrentConsumer, CurrentPrincipal } from '../auth/current-principal.decorator';
import { ImportReportsDto, MoveReportDto, RevealDto, SubmitReportDto, SuggestionQueryDto } from './report.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports')
export class ReportsController {
  constructor(
    private readonly receive: ReceiveReport,
    private readonly importer: ImportReports,
    private readonly queries: IncidentQueries,
    private readonly grouping: CorrectGrouping,
    private readonly reveal: RevealPersonalData,
    private readonly suggestions: SuggestArticles,
  ) {}

  @Post()
  @ConsumerOrStaff('admin', 'agent', 'security')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry-safe submission: same key and body give the original answer' })
  @ApiCreatedResponse({ description: 'The report, with the incident it was grouped into' })
  submit(@CurrentPrincipal() caller: Principal, @Body() body: SubmitReportDto, @Headers('idempotency-key') key?: string) {
    const { consumerId, channel, ...input } = body;
    return this.receive.execute(caller, input, {
      idempotencyKey: key,
      fingerprint: body,
      onBehalfOf: consumerId ? { consumerId, channel: channel ?? 'staff' } : undefined,
    });
  }

  @Post('import')
  @StaffWriter()
  @ApiCreatedResponse({ description: 'History: one result per report, in the order sent. No confirmations are sent.' })
  async import(@Body() body: ImportReportsDto, @CurrentActor() actor: Actor) {
    return { results: await this.importer.execute(body.reports, actor) };
  }

  @Get()
  @ConsumerOnly()
  mine(@CurrentConsumer() me: ConsumerPrincipal) {
    return this.queries.reportsOfConsumer(me.consumerId);
  }

  @Get('suggestions')
  @ConsumerOrStaff()
  suggest(@Query() q: SuggestionQueryDto) {
    return this.suggestions.forReport({
      title: q.title ?? '',
      description: q.description ?? '',
      errorCode: q.errorCode,
      httpStatus: q.httpStatus,
    });
  }

  @Get(':id')
  @ConsumerOrStaff()
  one(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() caller: Principal) {
    return this.queries.report(id, caller);
  }

  @Post(':id/move')
  @StaffWriter()
  @HttpCode(200)
  move(@Param('id', ParseUUIDPipe) id: string, @Body() body: MoveReportDto, @CurrentActor() actor: Actor) {
    return this.grouping.move(id, body.incidentId, actor);
  }

  @Post(':id/reveal')
  @Staff('security')
  @HttpCode(200)
  revealOriginal(@Param('id', ParseUUIDPipe) id: string, @Body() body: RevealDto, @CurrentActor() actor: Actor) {
    return this.reveal.execute(id, body.reason, actor);
  }
}

import {
  AcknowledgeNotice,
  CreateNotice,
  GetNotice,
  ListConsumerNotices,
  PreviewNoticeAudience,
  ScheduleNotice,
  SendNotice,
  UpdateNotice,
  WithdrawNotice,
} from '@domain/notices';
import type { Actor, ConsumerPrincipal } from '@domain/shared';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../auth/access.decorator';
import { CurrentActor, CurrentConsumer } from '../auth/current-principal.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { CreatedResource } from '../http/created-resource.decorator';
import { ApiIfMatch, IfMatch, VersionedResource } from '../http/entity-tag.decorator';
import { ParseUuid } from '../http/parse-uuid.pipe';
import { AcknowledgeDto, NoticeDto, NoticeListQueryDto, ScheduleNoticeDto } from './notices.dto';
import {
  AudienceResponse,
  ConsumerNoticeResponse,
  NoticeDetailResponse,
  NoticePageResponse,
  NoticeResponse,
  SendResultResponse,
  WithdrawResultResponse,
} from './notices-responses.dto';

const NOT_EDITABLE = [409, 'notice_not_editable: only a draft or scheduled notice can change'] as const;
const NO_RECIPIENTS = [422, 'notice_no_recipients: no contact matches; nothing was sent'] as const;

/** Change notices (endringsvarsler) to exactly the affected consumers' contacts. */
@ApiTags('notices')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('api/v1/notices')
export class NoticesController {
  constructor(
    private readonly create: CreateNotice,
    private readonly update: UpdateNotice,
    private readonly get: GetNotice,
    private readonly preview: PreviewNoticeAudience,
    private readonly send: SendNotice,
    private readonly schedule: ScheduleNotice,
    private readonly withdraw: WithdrawNotice,
    private readonly acknowledge: AcknowledgeNotice,
    private readonly received: ListConsumerNotices,
  ) {}

  @Get()
  @Allow('notice.read')
  @ApiOperation({ summary: 'List notices', description: 'Newest first, 25 a page by default.' })
  @ApiProblems(400)
  @ApiOkResponse({ type: NoticePageResponse })
  list(@Query() query: NoticeListQueryDto) {
    return this.get.page({ page: query.page });
  }

  @Post()
  @Allow('notice.write')
  @ApiOperation({ summary: 'Create a draft notice', description: 'Every field is checked; unknown services and past dates are refused.' })
  @ApiProblems(400)
  @CreatedResource(NoticeResponse, '/api/v1/notices/:id')
  add(@Body() body: NoticeDto, @CurrentActor() actor: Actor) {
    return this.create.execute(body, actor);
  }

  @Get('received')
  @Allow('notice.acknowledge')
  @ApiOperation({
    summary: 'Notices sent to my organisation',
    description: 'For a consumer: the notices it received, with acknowledgement.',
  })
  @ApiOkResponse({ type: [ConsumerNoticeResponse] })
  mine(@CurrentConsumer() consumer: ConsumerPrincipal) {
    return this.received.execute(consumer.consumerId);
  }

  @Get(':id')
  @Allow('notice.read')
  @ApiOperation({ summary: 'Get a notice', description: 'With recipients (delivery, read, ready) and the reminders log.' })
  @ApiProblems(400, 404)
  @VersionedResource(NoticeDetailResponse)
  one(@Param('id', ParseUuid) id: string) {
    return this.get.execute(id);
  }

  @Put(':id')
  @Allow('notice.write')
  @ApiOperation({ summary: 'Change a draft or scheduled notice', description: 'Replaces its content.' })
  @ApiProblems(400, 404, NOT_EDITABLE, [412, 'notice_changed: the notice was changed since the version in If-Match'])
  @VersionedResource(NoticeResponse)
  @ApiIfMatch()
  replace(@Param('id', ParseUuid) id: string, @Body() body: NoticeDto, @CurrentActor() actor: Actor, @IfMatch() versions?: string[]) {
    return this.update.execute(id, body, actor, versions);
  }

  @Get(':id/audience')
  @Allow('notice.read')
  @ApiOperation({ summary: 'Preview the recipients', description: 'Every contact the notice would reach now (or reached).' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: AudienceResponse })
  audience(@Param('id', ParseUuid) id: string) {
    return this.preview.execute(id);
  }

  @Post(':id/send')
  @Allow('notice.send')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send now',
    description: 'One e-mail per contact address, naming every consumer it is a contact for; a second send does nothing.',
  })
  @ApiProblems(400, 404, NO_RECIPIENTS, [409, 'notice_withdrawn'])
  @ApiOkResponse({ type: SendResultResponse })
  sendNow(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor) {
    return this.send.execute(id, actor);
  }

  @Post(':id/schedule')
  @Allow('notice.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Schedule sending', description: 'The worker sends it at `sendAt`; without it, back to draft.' })
  @ApiProblems(400, 404, NOT_EDITABLE, NO_RECIPIENTS)
  @ApiOkResponse({ type: NoticeResponse })
  plan(@Param('id', ParseUuid) id: string, @Body() body: ScheduleNoticeDto, @CurrentActor() actor: Actor) {
    return this.schedule.execute(id, body.sendAt ?? null, actor);
  }

  @Post(':id/withdraw')
  @Allow('notice.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw', description: 'A sent notice is withdrawn towards the same recipients, once.' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: WithdrawResultResponse })
  pull(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor) {
    return this.withdraw.execute(id, actor);
  }

  @Post(':id/acknowledge')
  @Allow('notice.acknowledge')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Confirm for my organisation',
    description:
      '"read" or "ready", for every recipient of the organisation; confirming again changes nothing (204), so it may be retried.',
  })
  @ApiProblems(400, 404, [409, 'notice_withdrawn'], [422, 'notice_ack_not_offered: "ready" on a notice that asks for no work'])
  @ApiNoContentResponse({ description: 'Recorded' })
  async ack(
    @Param('id', ParseUuid) id: string,
    @Body() body: AcknowledgeDto,
    @CurrentConsumer() c: ConsumerPrincipal,
    @CurrentActor() actor: Actor,
  ) {
    await this.acknowledge.forConsumer(c.consumerId, id, body.action, actor);
  }
}

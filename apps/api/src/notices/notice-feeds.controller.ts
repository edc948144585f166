import {
  EndOperationalMessage,
  ListNoticeFeeds,
  PollNoticeFeeds,
  RegisterNoticeFeed,
  RegisterOperationalMessage,
  SetNoticeFeedEnabled,
} from '@domain/notices';
import type { Actor } from '@domain/shared';
import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-principal.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { ParseUuid } from '../http/parse-uuid.pipe';
import { NoticeFeedDto, NoticeFeedStateDto, OperationalMessageDto } from './notice-feeds.dto';
import { FeedPollResultResponse, NoticeFeedResponse, OperationalMessageResponse } from './notice-feeds-responses.dto';

/** Skatteetaten's feeds the worker reads into draft notices, and the operational messages that mark reports "known issue". */
@ApiTags('notices')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('api/v1')
export class NoticeFeedsController {
  constructor(
    private readonly list: ListNoticeFeeds,
    private readonly register: RegisterNoticeFeed,
    private readonly state: SetNoticeFeedEnabled,
    private readonly poll: PollNoticeFeeds,
    private readonly registerMessage: RegisterOperationalMessage,
    private readonly endMessage: EndOperationalMessage,
  ) {}

  @Get('notice-feeds')
  @Allow('notice.read')
  @ApiOperation({ summary: 'List the feeds read', description: 'With when each was last read and why the last read failed.' })
  @ApiOkResponse({ type: [NoticeFeedResponse] })
  feeds() {
    return this.list.execute();
  }

  @Post('notice-feeds')
  @Allow('notice-feed.manage')
  @ApiOperation({
    summary: 'Subscribe to a feed',
    description:
      'Admins only. An Atom or RSS address (http or https); the worker reads it from its next round. An address that is or resolves to a loopback, private, link-local, unique-local or metadata address is refused (unless NOTICE_FEED_ALLOWED_HOSTS names its host), and so is every later read or redirect that would reach one.',
  })
  @ApiProblems([400, 'Invalid input, or a local address; names `url` or `kind`'], 409)
  @ApiCreatedResponse({ type: NoticeFeedResponse })
  add(@Body() body: NoticeFeedDto, @CurrentActor() actor: Actor) {
    return this.register.execute(body, actor);
  }

  @Put('notice-feeds/:id/state')
  @Allow('notice-feed.manage')
  @ApiOperation({
    summary: 'Stop or resume reading a feed',
    description: 'Admins only. What the feed brought stays; a resumed feed is read from the next round.',
  })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: NoticeFeedResponse })
  setState(@Param('id', ParseUuid) id: string, @Body() body: NoticeFeedStateDto, @CurrentActor() actor: Actor) {
    return this.state.execute(id, body.enabled, actor);
  }

  @Post('notice-feeds/:id/poll')
  @HttpCode(200)
  @Allow('notice.write')
  @ApiOperation({ summary: 'Read a feed now', description: 'Whatever its schedule; a failure is in the answer and on the feed.' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: FeedPollResultResponse })
  pollNow(@Param('id', ParseUuid) id: string) {
    return this.poll.one(id);
  }

  @Get('operational-messages')
  @Allow('notice.read')
  @ApiOperation({ summary: 'Operational messages', description: 'Active first, then the latest ended (50).' })
  @ApiOkResponse({ type: [OperationalMessageResponse] })
  messages() {
    return this.list.operationalMessages();
  }

  @Post('operational-messages')
  @Allow('notice.write')
  @ApiOperation({
    summary: 'Register an operational message',
    description: 'One Skatteetaten announced outside the feeds. While active, new reports on its services are marked known issue.',
  })
  @ApiProblems(400)
  @ApiCreatedResponse({ type: OperationalMessageResponse })
  addMessage(@Body() body: OperationalMessageDto, @CurrentActor() actor: Actor) {
    return this.registerMessage.execute(body, actor);
  }

  @Post('operational-messages/:id/end')
  @HttpCode(200)
  @Allow('notice.write')
  @ApiOperation({ summary: 'End an operational message', description: 'New reports on its services are ordinary again. Idempotent.' })
  @ApiProblems(400, 404)
  @ApiOkResponse({ type: OperationalMessageResponse })
  end(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor) {
    return this.endMessage.execute(id, actor);
  }
}

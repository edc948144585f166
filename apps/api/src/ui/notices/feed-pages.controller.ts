import {
  EndOperationalMessage,
  PollNoticeFeeds,
  RegisterNoticeFeed,
  RegisterOperationalMessage,
  SetNoticeFeedEnabled,
} from '@domain/notices';
import type { Actor } from '@domain/shared';
import { Body, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import type { FormBody } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { feedFromForm, operationalMessageFromForm } from './feeds.forms';
import { FeedsPage } from './feeds.page';

/** Skatteetaten's feeds and operational messages: subscribe, stop, read now; register and end a message. */
@PagesController('notice-feeds')
export class FeedPagesController {
  constructor(
    private readonly page: FeedsPage,
    private readonly register: RegisterNoticeFeed,
    private readonly state: SetNoticeFeedEnabled,
    private readonly poll: PollNoticeFeeds,
    private readonly registerMessage: RegisterOperationalMessage,
    private readonly endMessage: EndOperationalMessage,
  ) {}

  @Get()
  @StaffPage('notice.read')
  @Render('notices/feeds')
  list(@Query('done') done?: string) {
    return this.page.load(done);
  }

  @Post()
  @StaffPage('notice-feed.manage')
  @PageForm(FeedsPage)
  async add(@Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.register.execute(feedFromForm(body), actor);
    res.redirect('/notice-feeds?done=feed-added', 303);
  }

  @Post('messages')
  @StaffPage('notice.write')
  @PageForm(FeedsPage)
  async addMessage(@Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.registerMessage.execute(operationalMessageFromForm(body), actor);
    res.redirect('/notice-feeds?done=message-added', 303);
  }

  @Post('messages/:id/end')
  @StaffPage('notice.write')
  @PageForm(FeedsPage)
  async end(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.endMessage.execute(id, actor);
    res.redirect('/notice-feeds?done=message-ended', 303);
  }

  @Post(':id/state')
  @StaffPage('notice-feed.manage')
  @PageForm(FeedsPage)
  async setState(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    const enabled = body.enabled === 'true';
    await this.state.execute(id, enabled, actor);
    res.redirect(`/notice-feeds?done=${enabled ? 'feed-resumed' : 'feed-stopped'}`, 303);
  }

  @Post(':id/poll')
  @StaffPage('notice.write')
  @PageForm(FeedsPage)
  async pollNow(@Param('id', ParseUuid) id: string, @Res() res: FastifyReply) {
    const { error } = await this.poll.one(id);
    res.redirect(`/notice-feeds?done=${error ? 'feed-failed' : 'feed-read'}`, 303);
  }
}

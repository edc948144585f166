import { CreateNotice, GetNotice, ScheduleNotice, SendNotice, UpdateNotice, WithdrawNotice } from '@domain/notices';
import type { Actor } from '@domain/shared';
import { Body, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { expectedVersionsOf, type FormBody } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { instantFromForm, noticeFromForm } from './notices.forms';
import { NewNoticePage, NoticePage } from './notices.page';
import { NOTICE_TITLES } from './notices.texts.nb';
import { noticeRow, pager } from './notices.view-model';

/** Change notices: the list, the editor, one notice's preview and dashboard, sending, scheduling and withdrawal. */
@PagesController('notices')
export class NoticePagesController {
  constructor(
    private readonly notices: GetNotice,
    private readonly create: CreateNotice,
    private readonly update: UpdateNotice,
    private readonly send: SendNotice,
    private readonly schedule: ScheduleNotice,
    private readonly withdraw: WithdrawNotice,
    private readonly editor: NewNoticePage,
    private readonly page: NoticePage,
  ) {}

  @Get()
  @StaffPage('notice.read')
  @Render('notices/list')
  async list(@Query('page') page?: string) {
    const result = await this.notices.page({ page: Number(page) || 1 });
    return { title: NOTICE_TITLES.list, notices: result.items.map(noticeRow), pager: pager(result.total, result.page, result.perPage) };
  }

  @Get('new')
  @StaffPage('notice.write')
  @Render('notices/new')
  newNotice() {
    return this.editor.load();
  }

  @Post()
  @StaffPage('notice.write')
  @PageForm(NewNoticePage)
  async add(@Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    res.redirect(`/notices/${(await this.create.execute(noticeFromForm(body), actor)).id}?done=created`, 303);
  }

  @Get(':id')
  @StaffPage('notice.read')
  @Render('notices/show')
  show(@Param('id', ParseUuid) id: string, @Query('done') done?: string) {
    return this.page.load(id, done);
  }

  @Get(':id/edit')
  @StaffPage('notice.write')
  @Render('notices/new')
  async edit(@Param('id', ParseUuid) id: string) {
    return this.editor.load(undefined, await this.notices.execute(id));
  }

  @Post(':id')
  @StaffPage('notice.write')
  @PageForm(NewNoticePage)
  async save(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.update.execute(id, noticeFromForm(body), actor, expectedVersionsOf(body));
    res.redirect(`/notices/${id}?done=saved`, 303);
  }

  @Post(':id/send')
  @StaffPage('notice.send')
  @PageForm(NoticePage)
  async sendNow(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    const { sentNow } = await this.send.execute(id, actor);
    res.redirect(`/notices/${id}?done=${sentNow ? 'sent' : 'already-sent'}`, 303);
  }

  @Post(':id/schedule')
  @StaffPage('notice.write')
  @PageForm(NoticePage)
  async plan(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    const at = body.unschedule ? null : (instantFromForm(body.sendAt) ?? new Date(Number.NaN));
    await this.schedule.execute(id, at, actor);
    res.redirect(`/notices/${id}?done=${at ? 'scheduled' : 'unscheduled'}`, 303);
  }

  @Post(':id/withdraw')
  @StaffPage('notice.write')
  @PageForm(NoticePage)
  async pull(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.withdraw.execute(id, actor);
    res.redirect(`/notices/${id}?done=withdrawn`, 303);
  }
}

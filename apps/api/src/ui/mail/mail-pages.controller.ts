import { ReadableOutbox, RetryMail } from '@composition';
import type { Actor, StaffPrincipal } from '@domain/shared';
import { Get, Header, Param, Post, Query, Render, Res } from '@nestjs/common';
import { ReadPipelineStatus } from '@platform/heartbeat';
import type { OutboxStatus } from '@platform/mail';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor, CurrentStaff } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { oneOf } from '../shared/form-body';
import { parseListQuery } from '../shared/list-query';
import { PagesController } from '../shared/pages-controller';
import { MAIL_TITLES } from './mail.texts.nb';
import { MAIL_LIST, mailListViewModel } from './mail.view-model';

const STATUSES = ['pending', 'sending', 'sent', 'failed'] as const satisfies readonly OutboxStatus[];

/** Everything the system has sent or will send; without an SMTP server this is where e-mail can be read. */
@PagesController('mail')
export class MailPagesController {
  constructor(
    private readonly mail: ReadableOutbox,
    private readonly retryMail: RetryMail,
    private readonly pipeline: ReadPipelineStatus,
  ) {}

  @Get()
  @StaffPage('mail.read')
  @Render('mail-list')
  async list(@Query() q: Record<string, unknown>, @CurrentStaff() me: StaffPrincipal) {
    const [status, list] = [oneOf(q.status, STATUSES), parseListQuery(q, MAIL_LIST)];
    const [page, pipeline] = await Promise.all([
      this.mail.page(me, { status }, { ...list, limit: list.pageSize }),
      this.pipeline.execute(),
    ]);
    return mailListViewModel(page, status, list, pipeline);
  }

  /**
   * Administrators see the body of credential mail (password and sign-in links); others see it
   * withheld. Mail about a security case is for those who may read the case.
   */
  @Get(':id')
  @StaffPage('mail.read')
  @Render('mail-view')
  async message(@Param('id', ParseUuid) id: string, @CurrentStaff() me: StaffPrincipal) {
    return { title: MAIL_TITLES.message, message: await this.mail.one(me, id) };
  }

  /** The rendered HTML part, shown in a sandboxed frame (its inline styles need their own CSP). */
  @Get(':id/html')
  @StaffPage('mail.read')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
  @Header('Content-Type', 'text/html; charset=utf-8')
  async html(@Param('id', ParseUuid) id: string, @CurrentStaff() me: StaffPrincipal) {
    return (await this.mail.one(me, id)).html;
  }

  @Post(':id/retry')
  @StaffPage('mail.retry')
  async retry(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.retryMail.execute(id, actor);
    res.redirect(`/mail/${id}`, 303);
  }
}

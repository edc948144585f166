import { RecordDeflection } from '@domain/knowledge';
import type { ConsumerPrincipal } from '@domain/shared';
import { AddTicketMessage, OpenTicket } from '@domain/support';
import { Body, Get, HttpCode, Param, Post, Query, Redirect, Render, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { PortalPage } from '../../auth/access.decorator';
import { ClientIp, CurrentConsumer } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { parseListQuery, TICKETS_LATEST_FIRST } from '../shared/list-query';
import { maskedDone } from '../shared/masked-done';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { DONE_TEXTS } from './support.texts.nb';
import { AskTicketForm, PortalReplyForm, SolvedQuestionForm } from './ticket.forms';
import { PortalAskPage, PortalTicketPage } from './ticket.page';

/** The portal's questions to KS: the organisation's own, a new one, and replying on one. */
@PagesController('portal/tickets')
export class PortalTicketPagesController {
  constructor(
    private readonly page: PortalTicketPage,
    private readonly form: PortalAskPage,
    private readonly opener: OpenTicket,
    private readonly messages: AddTicketMessage,
    private readonly deflections: RecordDeflection,
  ) {}

  @Get()
  @PortalPage()
  @Render('portal-support/list')
  list(@CurrentConsumer() me: ConsumerPrincipal, @Query() q: Record<string, unknown>) {
    return this.page.list(me, parseListQuery(q, TICKETS_LATEST_FIRST));
  }

  @Get('new')
  @PortalPage()
  @Render('portal-support/ask')
  newForm() {
    return this.form.load({});
  }

  /** The check step is the answer to a post: back, forward or reload as a GET lands on the form. */
  @Get('new/check')
  @PortalPage()
  @Redirect('/portal/tickets/new', 303)
  checkAgain() {}

  /** Step one: the knowledge-base articles that fit the question, before anything is sent. */
  @Post('new/check')
  @PortalPage()
  @HttpCode(200)
  @PageForm(PortalAskPage)
  @Render('portal-support/ask')
  check(@CurrentConsumer() me: ConsumerPrincipal, @Body() body: AskTicketForm) {
    return this.form.check(me, body);
  }

  /** «Dette løste saken» on a suggestion: counted for the article, and nothing is sent. */
  @Post('new/solved')
  @PortalPage()
  @PageForm(PortalAskPage)
  async solved(@CurrentConsumer() me: ConsumerPrincipal, @Body() body: SolvedQuestionForm, @Res() res: FastifyReply) {
    await this.deflections.execute({
      articleId: body.articleId,
      kind: 'helped',
      channel: 'ticket',
      session: body.submissionId,
      consumerId: me.consumerId,
    });
    res.redirect('/portal/hjelp?done=solved-question', 303);
  }

  @Post()
  @PortalPage()
  @PageForm(PortalAskPage)
  async ask(
    @CurrentConsumer() me: ConsumerPrincipal,
    @Body() body: AskTicketForm,
    @ClientIp() ip: string | null,
    @Res() res: FastifyReply,
  ) {
    const { submissionId: _form, ...question } = body;
    const { id } = await this.opener.forCaller(me, { ...question, service: question.service || null }, ip);
    res.redirect(`/portal/tickets/${id}?done=${maskedDone('asked', question.subject, question.body)}`, 303);
  }

  @Get(':id')
  @PortalPage()
  @Render('portal-support/ticket')
  async one(@CurrentConsumer() me: ConsumerPrincipal, @Param('id', ParseUuid) id: string, @Query('done') code?: string) {
    return { ...(await this.page.load(me, id)), done: DONE_TEXTS[code ?? ''] };
  }

  @Post(':id/messages')
  @PortalPage()
  @PageForm(PortalTicketPage)
  async reply(
    @CurrentConsumer() me: ConsumerPrincipal,
    @Param('id', ParseUuid) id: string,
    @Body() body: PortalReplyForm,
    @ClientIp() ip: string | null,
    @Res() res: FastifyReply,
  ) {
    const { ticketId } = await this.messages.forCaller(me, id, { body: body.body }, ip);
    res.redirect(`/portal/tickets/${ticketId}?done=${maskedDone('replied', body.body)}`, 303);
  }
}

import type { ConsumerPrincipal } from '@domain/shared';
import { AddTicketMessage, OpenTicket } from '@domain/support';
import { Body, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import type { Response } from 'express';

import { PortalPage } from '../../auth/access.decorator';
import { ClientIp, CurrentConsumer } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { DONE_TEXTS } from './support.texts.nb';
import { AskTicketForm, PortalReplyForm } from './ticket.forms';
import { PortalAskPage, PortalTicketPage } from './ticket.page';

/** The portal's questions to KS: the organisation's own, a new one, and replying on one. */
@PagesController('portal/tickets')
export class PortalTicketPagesController {
  constructor(
    private readonly page: PortalTicketPage,
    private readonly form: PortalAskPage,
    private readonly opener: OpenTicket,
    private readonly messages: AddTicketMessage,
  ) {}

  @Get()
  @PortalPage()
  @Render('portal-support/list')
  list(@CurrentConsumer() me: ConsumerPrincipal) {
    return this.page.list(me);
  }

  @Get('new')
  @PortalPage()
  @Render('portal-support/ask')
  newForm() {
    return this.form.load({});
  }

  @Post()
  @PortalPage()
  @PageForm(PortalAskPage)
  async ask(@CurrentConsumer() me: ConsumerPrincipal, @Body() body: AskTicketForm, @ClientIp() ip: string | null, @Res() res: Response) {
    res.redirect(303, `/portal/tickets/${(await this.opener.forCaller(me, { ...body, service: body.service || null }, ip)).id}?done=asked`);
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
    @Res() res: Response,
  ) {
    res.redirect(303, `/portal/tickets/${(await this.messages.forCaller(me, id, { body: body.body }, ip)).ticketId}?done=replied`);
  }
}

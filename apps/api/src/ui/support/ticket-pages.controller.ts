import type { Principal } from '@domain/shared';
import { OpenTicket, TicketQueries } from '@domain/support';
import { Body, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { ClientIp, CurrentPrincipal } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import type { FormBody } from '../shared/form-body';
import { parseListQuery } from '../shared/list-query';
import { maskedDone } from '../shared/masked-done';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { DONE_TEXTS } from './support.texts.nb';
import { sendAttachment, staffQuestion, TICKET_LIST, ticketListQuery } from './ticket.forms';
import { NewTicketPage, StaffTicketPage, TicketListPage } from './ticket.page';

/** Staff's ticket list with its saved views, a ticket's page, and registering a ticket for a caller. */
@PagesController('tickets')
export class TicketPagesController {
  constructor(
    private readonly list: TicketListPage,
    private readonly page: StaffTicketPage,
    private readonly form: NewTicketPage,
    private readonly opener: OpenTicket,
    private readonly queries: TicketQueries,
  ) {}

  @Get()
  @StaffPage('ticket.read')
  @Render('support/list')
  async all(@CurrentPrincipal() caller: Principal, @Query() q: Record<string, unknown>, @Query('done') code?: string) {
    return { ...(await this.list.load(caller, ticketListQuery(q), parseListQuery(q, TICKET_LIST))), done: DONE_TEXTS[code ?? ''] };
  }

  @Get('new')
  @StaffPage('ticket.open')
  @Render('support/new')
  newForm() {
    return this.form.load({});
  }

  @Post()
  @StaffPage('ticket.open')
  @PageForm(NewTicketPage)
  async open(@CurrentPrincipal() caller: Principal, @Body() body: FormBody, @ClientIp() ip: string | null, @Res() res: FastifyReply) {
    const question = staffQuestion(body);
    const { id } = await this.opener.forCaller(caller, question, ip);
    res.redirect(`/tickets/${id}?done=${maskedDone('opened', question.subject, question.body, question.requesterName)}`, 303);
  }

  /** A ticket by its reference (HV-2026-0001), as other pages name it, such as the inbound e-mail it came as. */
  @Get('ref/:reference')
  @StaffPage('ticket.read')
  async byReference(@Param('reference') reference: string, @Res() res: FastifyReply) {
    res.redirect(`/tickets/${await this.queries.idOf(reference)}`, 303);
  }

  /** A file that came with an e-mail on the ticket, always as a download: never shown inline, whatever it claims to be. */
  @Get(':id/attachments/:attachmentId')
  @StaffPage('ticket.read')
  async attachment(
    @CurrentPrincipal() caller: Principal,
    @Param('id', ParseUuid) id: string,
    @Param('attachmentId', ParseUuid) attachmentId: string,
    @Res() res: FastifyReply,
  ) {
    sendAttachment(res, await this.queries.attachment(id, attachmentId, caller));
  }

  @Get(':id')
  @StaffPage('ticket.read')
  @Render('support/ticket')
  async one(@CurrentPrincipal() caller: Principal, @Param('id', ParseUuid) id: string, @Query('done') code?: string) {
    return { ...(await this.page.load(caller, id)), done: DONE_TEXTS[code ?? ''] };
  }
}

import type { Principal } from '@domain/shared';
import { OpenTicket } from '@domain/support';
import { Body, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import type { Response } from 'express';

import { StaffPage } from '../../auth/access.decorator';
import { ClientIp, CurrentPrincipal } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import type { FormBody } from '../shared/form-body';
import { parseListQuery } from '../shared/list-query';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { DONE_TEXTS } from './support.texts.nb';
import { staffQuestion, TICKET_LIST, ticketListQuery } from './ticket.forms';
import { NewTicketPage, StaffTicketPage, TicketListPage } from './ticket.page';

/** Staff's ticket list with its saved views, a ticket's page, and registering a ticket for a caller. */
@PagesController('tickets')
export class TicketPagesController {
  constructor(
    private readonly list: TicketListPage,
    private readonly page: StaffTicketPage,
    private readonly form: NewTicketPage,
    private readonly opener: OpenTicket,
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
  async open(@CurrentPrincipal() caller: Principal, @Body() body: FormBody, @ClientIp() ip: string | null, @Res() res: Response) {
    res.redirect(303, `/tickets/${(await this.opener.forCaller(caller, staffQuestion(body), ip)).id}?done=opened`);
  }

  @Get(':id')
  @StaffPage('ticket.read')
  @Render('support/ticket')
  async one(@CurrentPrincipal() caller: Principal, @Param('id', ParseUuid) id: string, @Query('done') code?: string) {
    return { ...(await this.page.load(caller, id)), done: DONE_TEXTS[code ?? ''] };
  }
}

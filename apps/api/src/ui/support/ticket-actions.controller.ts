import type { Actor, Principal } from '@domain/shared';
import { AddTicketMessage, LinkTicket, MergeTickets, ReplyToTickets, SetTicketConsumer, UpdateTickets } from '@domain/support';
import { Body, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { ClientIp, CurrentActor, CurrentPrincipal } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import type { FormBody } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { redirectDone } from '../shared/redirect-done';
import { consumerChoice, linkInput, mergeTarget, replyInput, selectedIds, staffMessage, ticketChanges } from './ticket.forms';
import { StaffTicketPage, TicketListPage } from './ticket.page';

const done = (res: FastifyReply, id: string, code: string) => redirectDone(res, `/tickets/${id}`, code);

/** What staff do to a ticket from its page, and to the rows ticked in the list. */
@PagesController('tickets')
export class TicketActionsController {
  constructor(
    private readonly messages: AddTicketMessage,
    private readonly replies: ReplyToTickets,
    private readonly updater: UpdateTickets,
    private readonly linker: LinkTicket,
    private readonly merger: MergeTickets,
    private readonly consumers: SetTicketConsumer,
  ) {}

  @Post('bulk')
  @StaffPage('ticket.manage')
  @PageForm(TicketListPage)
  async bulk(@Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.updater.execute(selectedIds(body), ticketChanges(body), actor);
    res.redirect('/tickets?done=bulk', 303);
  }

  @Post('bulk-reply')
  @StaffPage('ticket.manage')
  @PageForm(TicketListPage)
  async bulkReply(@Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.replies.execute(selectedIds(body), replyInput(body), actor);
    res.redirect('/tickets?done=bulk-replied', 303);
  }

  /** A public answer (its own words or a canned response, with a status) or an internal note: the button pressed says which. */
  @Post(':id/messages')
  @StaffPage('ticket.manage')
  @PageForm(StaffTicketPage)
  async message(
    @Param('id', ParseUuid) id: string,
    @Body() body: FormBody,
    @CurrentPrincipal() caller: Principal,
    @CurrentActor() actor: Actor,
    @ClientIp() ip: string | null,
    @Res() res: FastifyReply,
  ) {
    const message = staffMessage(body);
    if (message.internal) return done(res, (await this.messages.forCaller(caller, id, message, ip)).ticketId, 'noted');
    await this.replies.execute([id], replyInput(body), actor);
    done(res, id, 'answered');
  }

  @Post(':id/update')
  @StaffPage('ticket.manage')
  @PageForm(StaffTicketPage)
  async update(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.updater.execute([id], ticketChanges(body), actor);
    done(res, id, 'updated');
  }

  /** Whose the ticket is; an unverified sender counts as verified from then on. */
  @Post(':id/consumer')
  @StaffPage('ticket.manage')
  @PageForm(StaffTicketPage)
  async consumer(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.consumers.execute(id, consumerChoice(body), actor);
    done(res, id, 'consumer-set');
  }

  @Post(':id/links')
  @StaffPage('ticket.manage')
  @PageForm(StaffTicketPage)
  async link(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    const { kind, reference } = linkInput(body);
    done(res, id, (await this.linker.link(id, kind, reference, actor)).added ? 'linked' : 'already-linked');
  }

  @Post(':id/links/:linkId/delete')
  @StaffPage('ticket.manage')
  @PageForm(StaffTicketPage)
  async unlink(
    @Param('id', ParseUuid) id: string,
    @Param('linkId', ParseUuid) linkId: string,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    await this.linker.unlink(id, linkId, actor);
    done(res, id, 'unlinked');
  }

  @Post(':id/merge')
  @StaffPage('ticket.manage')
  @PageForm(StaffTicketPage)
  async merge(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    done(res, (await this.merger.merge(id, mergeTarget(body), actor)).target.id, 'merged');
  }

  @Post(':id/unmerge')
  @StaffPage('ticket.manage')
  @PageForm(StaffTicketPage)
  async unmerge(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    done(res, (await this.merger.unmerge(id, actor)).restored.id, 'unmerged');
  }
}

import type { Actor, Principal } from '@domain/shared';
import { AddTicketMessage, LinkTicket, MergeTickets, ReplyToTickets, UpdateTickets } from '@domain/support';
import { Body, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';

import { StaffPage } from '../../auth/access.decorator';
import { ClientIp, CurrentActor, CurrentPrincipal } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import type { FormBody } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { linkInput, mergeTarget, replyInput, selectedIds, staffMessage, ticketChanges } from './ticket.forms';
import { StaffTicketPage, TicketListPage } from './ticket.page';

const done = (res: Response, id: string, code: string) => res.redirect(303, `/tickets/${id}?done=${code}`);

/** What staff do to a ticket from its page, and to the rows ticked in the list. */
@PagesController('tickets')
export class TicketActionsController {
  constructor(
    private readonly messages: AddTicketMessage,
    private readonly replies: ReplyToTickets,
    private readonly updater: UpdateTickets,
    private readonly linker: LinkTicket,
    private readonly merger: MergeTickets,
  ) {}

  @Post('bulk')
  @StaffPage('ticket.manage')
  @PageForm(TicketListPage)
  async bulk(@Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: Response) {
    await this.updater.execute(selectedIds(body), ticketChanges(body), actor);
    res.redirect(303, '/tickets?done=bulk');
  }

  @Post('bulk-reply')
  @StaffPage('ticket.manage')
  @PageForm(TicketListPage)
  async bulkReply(@Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: Response) {
    await this.replies.execute(selectedIds(body), replyInput(body), actor);
    res.redirect(303, '/tickets?done=bulk-replied');
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
    @Res() res: Response,
  ) {
    const message = staffMessage(body);
    if (message.internal) return done(res, (await this.messages.forCaller(caller, id, message, ip)).ticketId, 'noted');
    await this.replies.execute([id], replyInput(body), actor);
    done(res, id, 'answered');
  }

  @Post(':id/update')
  @StaffPage('ticket.manage')
  @PageForm(StaffTicketPage)
  async update(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: Response) {
    await this.updater.execute([id], ticketChanges(body), actor);
    done(res, id, 'updated');
  }

  @Post(':id/links')
  @StaffPage('ticket.manage')
  @PageForm(StaffTicketPage)
  async link(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: Response) {
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
    @Res() res: Response,
  ) {
    await this.linker.unlink(id, linkId, actor);
    done(res, id, 'unlinked');
  }

  @Post(':id/merge')
  @StaffPage('ticket.manage')
  @PageForm(StaffTicketPage)
  async merge(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: Response) {
    done(res, (await this.merger.merge(id, mergeTarget(body), actor)).target.id, 'merged');
  }

  @Post(':id/unmerge')
  @StaffPage('ticket.manage')
  @PageForm(StaffTicketPage)
  async unmerge(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    done(res, (await this.merger.unmerge(id, actor)).restored.id, 'unmerged');
  }
}

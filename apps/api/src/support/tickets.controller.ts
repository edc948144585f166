import type { Actor, Principal } from '@domain/shared';
import { AddTicketMessage, LinkTicket, MergeTickets, OpenTicket, ReplyToTickets, TicketQueries, UpdateTickets } from '@domain/support';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../auth/access.decorator';
import { ClientIp, CurrentActor, CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { CreatedResource } from '../http/created-resource.decorator';
import { ParseUuid } from '../http/parse-uuid.pipe';
import {
  BulkReplyDto,
  BulkTicketChangesDto,
  MergeTicketDto,
  OpenTicketDto,
  TicketChangesDto,
  TicketLinkDto,
  TicketListQueryDto,
  TicketMessageDto,
} from './ticket.dto';
import {
  TicketCountsResponse,
  TicketCreatedResponse,
  TicketLinkAddedResponse,
  TicketMessageCreatedResponse,
  TicketPageResponse,
  TicketResponse,
  TicketsChangedResponse,
  TicketsRepliedResponse,
  TicketSummaryResponse,
  TicketTimelineEntryResponse,
} from './ticket-responses.dto';

const NOT_FOUND = [404, "ticket_not_found, also for another consumer's ticket"] as const;
const PER_PAGE = 50;
const ASSIGNMENT_PROBLEMS =
  'Invalid input; assignee_not_in_group, unknown_assignee (field assigneeId) and unknown_group (field groupId) name their field';

@ApiTags('tickets')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('api/v1/tickets')
export class TicketsController {
  constructor(
    private readonly queries: TicketQueries,
    private readonly opener: OpenTicket,
    private readonly messages: AddTicketMessage,
    private readonly updater: UpdateTickets,
    private readonly replies: ReplyToTickets,
    private readonly linker: LinkTicket,
    private readonly merger: MergeTickets,
  ) {}

  @Post()
  @Allow('ticket.open')
  @ApiOperation({
    summary: 'Open a ticket',
    description:
      'A consumer asks KS a question (henvendelse); staff open one on behalf of a caller, naming its consumer. Identity numbers are masked.',
  })
  @CreatedResource(TicketCreatedResponse, '/api/v1/tickets/:id')
  @ApiProblems([400, 'Invalid input; unknown_service and unknown_consumer name their field'])
  async open(@CurrentPrincipal() caller: Principal, @Body() body: OpenTicketDto, @ClientIp() ip: string | null) {
    return this.opener.forCaller(caller, body, ip);
  }

  @Get()
  @Allow('ticket.read')
  @ApiOperation({
    summary: 'List tickets',
    description: 'Staff: every live (not merged) ticket, filtered; a consumer: its own. 50 a page, the most recently active first.',
  })
  @ApiOkResponse({ type: TicketPageResponse })
  @ApiProblems(400)
  async list(@CurrentPrincipal() caller: Principal, @Query() q: TicketListQueryDto): Promise<TicketPageResponse> {
    const page = q.page ?? 1;
    const found = await this.queries.list(caller, q.filter(caller.kind === 'staff' ? caller.id : null), {
      sort: q.sort,
      direction: q.dir,
      limit: PER_PAGE,
      offset: (page - 1) * PER_PAGE,
    });
    return { items: found.items.map((t) => TicketSummaryResponse.from(t)), total: found.total, page, perPage: PER_PAGE };
  }

  @Get('counts')
  @Allow('ticket.manage')
  @ApiOperation({
    summary: 'Counts of the saved views',
    description: "Live tickets per status; active ones of the caller, unassigned, in the caller's groups, per group and per service.",
  })
  @ApiOkResponse({ type: TicketCountsResponse })
  async counts(@CurrentPrincipal() caller: Principal) {
    return TicketCountsResponse.from(await this.queries.counts(caller));
  }

  @Post('bulk')
  @Allow('ticket.manage')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change several tickets',
    description: 'The same status, group, assignee, priority or tags on each selected ticket: all of them or, on any error, none.',
  })
  @ApiOkResponse({ type: TicketsChangedResponse })
  @ApiProblems([400, ASSIGNMENT_PROBLEMS], NOT_FOUND, [409, 'ticket_status_refused'])
  async bulk(@Body() body: BulkTicketChangesDto, @CurrentActor() actor: Actor) {
    return { changed: await this.updater.execute(body.ids, body, actor) };
  }

  @Post('bulk-reply')
  @Allow('ticket.manage')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Answer several tickets',
    description:
      'The same public answer on each selected ticket, its placeholders ({{navn}}, {{referanse}}, {{kommune}}, {{emne}}) filled per ticket, e-mailed in each ticket’s thread; with a status (or a macro’s), that status too.',
  })
  @ApiOkResponse({ type: TicketsRepliedResponse })
  @ApiProblems(400, NOT_FOUND, [404, 'canned_response_not_found'], [409, 'ticket_status_refused'])
  async bulkReply(@Body() body: BulkReplyDto, @CurrentActor() actor: Actor) {
    return this.replies.execute(body.ids, body, actor);
  }

  @Get(':id')
  @Allow('ticket.read')
  @ApiOperation({
    summary: 'Get a ticket',
    description: 'Status and messages: the consumer that owns it sees the public ones; staff also internal notes and links.',
  })
  @ApiOkResponse({ type: TicketResponse })
  @ApiProblems(400, NOT_FOUND)
  async one(@Param('id', ParseUuid) id: string, @CurrentPrincipal() caller: Principal) {
    return TicketResponse.from(await this.queries.get(id, caller));
  }

  @Patch(':id')
  @Allow('ticket.manage')
  @ApiOperation({
    summary: 'Change a ticket',
    description:
      'Status (never back to new), assignment group, assignee, priority and tags, in one transaction. The members of a new group and a new assignee are notified in the app.',
  })
  @ApiOkResponse({ type: TicketResponse })
  @ApiProblems([400, ASSIGNMENT_PROBLEMS], NOT_FOUND, [409, 'ticket_status_refused'])
  async change(
    @Param('id', ParseUuid) id: string,
    @Body() body: TicketChangesDto,
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() caller: Principal,
  ) {
    return TicketResponse.from(await this.updater.execute([id], body, actor).then(() => this.queries.get(id, caller)));
  }

  @Post(':id/messages')
  @Allow('ticket.read')
  @ApiOperation({
    summary: 'Add a message',
    description:
      "Staff: a public answer, e-mailed to the requester (or the consumer's contacts) in the ticket's thread, or an internal note (`internal: true`), e-mailed to no one and never shown to the consumer. The consumer that owns the ticket: a public message; a waiting or resolved ticket opens again.",
  })
  @ApiCreatedResponse({ type: TicketMessageCreatedResponse })
  @ApiProblems(400, NOT_FOUND, [409, 'ticket_closed: the consumer writes on a closed ticket'])
  async addMessage(
    @Param('id', ParseUuid) id: string,
    @Body() body: TicketMessageDto,
    @CurrentPrincipal() caller: Principal,
    @ClientIp() ip: string | null,
  ) {
    return this.messages
      .forCaller(caller, id, body, ip)
      .then((m) => ({ id: m.id, ticketId: m.ticketId, reference: m.reference, status: m.status, emailed: m.emailedTo.length }));
  }

  @Get(':id/timeline')
  @Allow('ticket.manage')
  @ApiOperation({
    summary: 'A ticket’s activity',
    description:
      "Staff: every event, oldest first: the ticket's own (messages, status changes with both ends, assignment, links, merges) interleaved with what happened on the reports, incidents, onboarding and change requests it is linked to now, each marked with its `source` and `linked`. A security case's events show only their time to staff without the security or admin role (`restricted`).",
  })
  @ApiOkResponse({ type: [TicketTimelineEntryResponse] })
  @ApiProblems(400, NOT_FOUND)
  async timeline(@Param('id', ParseUuid) id: string, @CurrentPrincipal() caller: Principal) {
    return (await this.queries.timeline(id, caller)).map((e) => TicketTimelineEntryResponse.from(e));
  }

  @Post(':id/links')
  @Allow('ticket.manage')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Link a ticket',
    description: "To a report (M-…), incident (KS-…), change request (EN-…) or a consumer's onboarding (organisation number). Once each.",
  })
  @ApiOkResponse({ type: TicketLinkAddedResponse })
  @ApiProblems([400, 'link_target_not_found or ticket_link_to_itself names `reference`'], NOT_FOUND)
  async link(@Param('id', ParseUuid) id: string, @Body() body: TicketLinkDto, @CurrentActor() actor: Actor) {
    return this.linker.link(id, body.kind, body.reference, actor);
  }

  @Delete(':id/links/:linkId')
  @Allow('ticket.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a link', description: 'The ticket no longer points to it; the timeline keeps that it did.' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, NOT_FOUND)
  async unlink(@Param('id', ParseUuid) id: string, @Param('linkId', ParseUuid) linkId: string, @CurrentActor() actor: Actor) {
    await this.linker.unlink(id, linkId, actor);
  }

  @Post(':id/merge')
  @Allow('ticket.manage')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Merge a duplicate into another ticket',
    description: 'Its messages move to the other ticket; undone by unmerge.',
  })
  @ApiOkResponse({ type: TicketResponse, description: 'The ticket that took the messages' })
  @ApiProblems(400, NOT_FOUND, [409, 'ticket_merge_same_ticket, ticket_merge_already_merged or ticket_merge_other_consumer'])
  async merge(
    @Param('id', ParseUuid) id: string,
    @Body() body: MergeTicketDto,
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() caller: Principal,
  ) {
    return TicketResponse.from(await this.queries.get((await this.merger.merge(id, body.intoId, actor)).target.id, caller));
  }

  @Post(':id/unmerge')
  @Allow('ticket.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Undo a merge', description: 'Exactly the messages the merge moved go back; the ticket is live again.' })
  @ApiOkResponse({ type: TicketResponse })
  @ApiProblems(400, NOT_FOUND, [409, 'ticket_not_merged'])
  async unmerge(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor, @CurrentPrincipal() caller: Principal) {
    return TicketResponse.from(await this.queries.get((await this.merger.unmerge(id, actor)).restored.id, caller));
  }
}

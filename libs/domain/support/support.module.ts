import { AuditModule } from '@domain/audit';
import { CatalogueModule } from '@domain/catalogue';
import { ChangeRequestsModule } from '@domain/change-requests';
import { ConsumersModule } from '@domain/consumers';
import { IdentityModule } from '@domain/identity';
import { IncidentsModule } from '@domain/incidents';
import { NotificationsModule } from '@domain/notifications';
import { ReferenceSequence } from '@domain/shared';
import { Module } from '@nestjs/common';

import { AddTicketMessage } from './add-ticket-message.use-case';
import { AssignTicket } from './assign-ticket.use-case';
import { CannedResponseRepository } from './canned-response.repository';
import { ManageCannedResponses } from './canned-responses.use-case';
import { ChangeTicketStatus } from './change-ticket-status.use-case';
import { CheckTicketSla } from './check-ticket-sla.use-case';
import { InboundMessageRepository } from './inbound/inbound-message.repository';
import { LinkTicket } from './link-ticket.use-case';
import { MergeTickets } from './merge-tickets.use-case';
import { OpenTicket } from './open-ticket.use-case';
import { ReceiveTicketMail } from './receive-ticket-mail.use-case';
import { RecomputeTicketSla } from './recompute-ticket-sla.use-case';
import { ReplyToTickets } from './reply-to-tickets.use-case';
import { SetTicketConsumer } from './set-ticket-consumer.use-case';
import { SetTicketPriority } from './set-ticket-priority.use-case';
import { SetTicketTags } from './set-ticket-tags.use-case';
import { TicketRepository } from './ticket.repository';
import { TicketEventRepository } from './ticket-event.repository';
import { TicketOwnership } from './ticket-ownership';
import { TicketQueries } from './ticket-queries.use-case';
import { TicketSlaKeeper } from './ticket-sla-keeper';
import { TicketStatistics } from './ticket-statistics.use-case';
import { TicketStatusWriter } from './ticket-status';
import { UpdateTickets } from './update-tickets.use-case';

const useCases = [
  AddTicketMessage,
  AssignTicket,
  ChangeTicketStatus,
  CheckTicketSla,
  LinkTicket,
  ManageCannedResponses,
  MergeTickets,
  OpenTicket,
  RecomputeTicketSla,
  ReceiveTicketMail,
  ReplyToTickets,
  SetTicketConsumer,
  SetTicketPriority,
  SetTicketTags,
  TicketQueries,
  TicketStatistics,
  UpdateTickets,
];

/** First-line support: tickets (henvendelser) with their messages, timeline, links, canned responses and macros. */
@Module({
  imports: [AuditModule, CatalogueModule, ChangeRequestsModule, ConsumersModule, IdentityModule, IncidentsModule, NotificationsModule],
  providers: [
    TicketRepository,
    TicketEventRepository,
    CannedResponseRepository,
    // Read-only here: the attachments of e-mails that became ticket messages.
    InboundMessageRepository,
    TicketOwnership,
    TicketStatusWriter,
    TicketSlaKeeper,
    ReferenceSequence,
    ...useCases,
  ],
  exports: useCases,
})
export class SupportModule {}

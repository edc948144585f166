import { ChangeRequestsModule, ReceiveChangeRequestMail } from '@domain/change-requests';
import { IncidentsModule, ReceiveIncidentMail } from '@domain/incidents';
import { INBOUND_MAIL_HANDLERS } from '@domain/shared';
import { Module } from '@nestjs/common';

import { InboundMessageRepository } from './inbound/inbound-message.repository';
import { ListInboundMail } from './inbound/list-inbound-mail.use-case';
import { ReceiveInboundMail } from './inbound/receive-inbound-mail.use-case';
import { ReceiveTicketMail } from './receive-ticket-mail.use-case';
import { SupportModule } from './support.module';

/**
 * The inbound e-mail pipeline and the contexts it routes to: each owner's handler is listed here
 * (the port is in the shared kernel, so an owner knows nothing of this pipeline). Tickets take
 * what no other owner does. It sits beside the pipeline's folder so the pipeline knows no owner.
 */
@Module({
  imports: [ChangeRequestsModule, IncidentsModule, SupportModule],
  providers: [
    InboundMessageRepository,
    ReceiveInboundMail,
    ListInboundMail,
    {
      provide: INBOUND_MAIL_HANDLERS,
      useFactory: (incidents: ReceiveIncidentMail, changeRequests: ReceiveChangeRequestMail, tickets: ReceiveTicketMail) => [
        incidents,
        changeRequests,
        tickets,
      ],
      inject: [ReceiveIncidentMail, ReceiveChangeRequestMail, ReceiveTicketMail],
    },
  ],
  exports: [ReceiveInboundMail, ListInboundMail],
})
export class InboundMailModule {}

import { IncidentsModule, ReceiveIncidentMail } from '@domain/incidents';
import { INBOUND_MAIL_HANDLERS } from '@domain/shared';
import { Module } from '@nestjs/common';

import { InboundMessageRepository } from './inbound-message.repository';
import { ListInboundMail } from './list-inbound-mail.use-case';
import { ReceiveInboundMail } from './receive-inbound-mail.use-case';

/**
 * The inbound e-mail pipeline and the contexts it routes to: each owner's handler is listed here
 * (the port is in the shared kernel, so an owner knows nothing of this pipeline).
 */
@Module({
  imports: [IncidentsModule],
  providers: [
    InboundMessageRepository,
    ReceiveInboundMail,
    ListInboundMail,
    { provide: INBOUND_MAIL_HANDLERS, useFactory: (incidents: ReceiveIncidentMail) => [incidents], inject: [ReceiveIncidentMail] },
  ],
  exports: [ReceiveInboundMail, ListInboundMail],
})
export class InboundMailModule {}

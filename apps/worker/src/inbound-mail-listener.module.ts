import { InboundMailModule } from '@domain/support';
import { Module } from '@nestjs/common';

import { InboundMailListener } from './inbound-mail.listener';

/** Inbound e-mail: the SMTP listener (idle unless INBOUND_SMTP_PORT is set) and the pipeline it feeds. */
@Module({
  imports: [InboundMailModule],
  providers: [InboundMailListener],
})
export class InboundMailListenerModule {}

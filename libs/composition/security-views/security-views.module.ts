import { AuditModule } from '@domain/audit';
import { IncidentsModule } from '@domain/incidents';
import { InboundMailModule } from '@domain/support';
import { Module } from '@nestjs/common';

import { ReadableAuditLog } from './readable-audit-log.use-case';
import { ReadableInboundMail } from './readable-inbound-mail.use-case';
import { ReadableOutbox } from './readable-outbox.use-case';

/** The outbox, inbound e-mail and the audit log, which know nothing of incidents, read under the security cases' rule. */
@Module({
  imports: [AuditModule, IncidentsModule, InboundMailModule],
  providers: [ReadableOutbox, ReadableAuditLog, ReadableInboundMail],
  exports: [ReadableOutbox, ReadableAuditLog, ReadableInboundMail],
})
export class SecurityViewsModule {}

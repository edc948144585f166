import { AuditModule } from '@domain/audit';
import { IncidentsModule } from '@domain/incidents';
import { Module } from '@nestjs/common';

import { ReadableAuditLog } from './readable-audit-log.use-case';
import { ReadableOutbox } from './readable-outbox.use-case';

/** The outbox and the audit log, which know nothing of incidents, read under the security cases' rule. */
@Module({
  imports: [AuditModule, IncidentsModule],
  providers: [ReadableOutbox, ReadableAuditLog],
  exports: [ReadableOutbox, ReadableAuditLog],
})
export class SecurityViewsModule {}

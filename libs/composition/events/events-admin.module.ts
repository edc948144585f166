import { AuditModule } from '@domain/audit';
import { Module } from '@nestjs/common';

import { RetryDomainEvent } from './retry-domain-event.use-case';

/** What staff do with the domain-event table beyond reading it. */
@Module({
  imports: [AuditModule],
  providers: [RetryDomainEvent],
  exports: [RetryDomainEvent],
})
export class EventsAdminModule {}

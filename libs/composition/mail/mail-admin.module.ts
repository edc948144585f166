import { AuditModule } from '@domain/audit';
import { Module } from '@nestjs/common';

import { RetryMail } from './retry-mail.use-case';

/** What staff do with the outbox beyond reading it. */
@Module({
  imports: [AuditModule],
  providers: [RetryMail],
  exports: [RetryMail],
})
export class MailAdminModule {}

import { Module } from '@nestjs/common';

import { AuditRepository } from './audit.repository';
import { ListAuditEntries } from './list-audit-entries.use-case';
import { RecordAudit } from './record-audit.use-case';

@Module({
  providers: [AuditRepository, RecordAudit, ListAuditEntries],
  exports: [RecordAudit, ListAuditEntries],
})
export class AuditModule {}

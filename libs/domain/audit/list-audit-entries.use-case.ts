import { Injectable } from '@nestjs/common';

import { AuditFilter, AuditRepository } from './audit.repository';
import { AuditEntry } from './audit-entry.entity';

@Injectable()
export class ListAuditEntries {
  constructor(private readonly audit: AuditRepository) {}

  execute(filter: AuditFilter): Promise<AuditEntry[]> {
    return this.audit.find(filter);
  }
}

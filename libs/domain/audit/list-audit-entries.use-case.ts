import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@platform/database';

import { AuditFilter, AuditRepository, type AuditSort } from './audit.repository';
import { AuditEntry } from './audit-entry.entity';

export type { AuditFilter, AuditSort } from './audit.repository';

@Injectable()
export class ListAuditEntries {
  constructor(private readonly audit: AuditRepository) {}

  execute(filter: AuditFilter): Promise<AuditEntry[]> {
    return this.audit.find(filter);
  }

  page(filter: AuditFilter, req: PageRequest<AuditSort>): Promise<Page<AuditEntry>> {
    return this.audit.page(filter, req);
  }
}

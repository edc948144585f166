import { ListAuditEntries } from '@domain/audit';
import { Get, Query, Render } from '@nestjs/common';

import { StaffPage } from '../../auth/access.decorator';
import { PagesController } from '../shared/pages-controller';
import { auditFilter, AuditQuery, auditViewModel } from './audit.view-model';

const PAGE_SIZE = 100;

/** Who did what, when: for administrators and the security officer. */
@PagesController('audit')
export class AuditPagesController {
  constructor(private readonly audit: ListAuditEntries) {}

  @Get()
  @StaffPage('audit.read')
  @Render('audit')
  async auditPage(@Query() q: AuditQuery) {
    return auditViewModel(await this.audit.execute(auditFilter(q, PAGE_SIZE)), q, PAGE_SIZE);
  }
}

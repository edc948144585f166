import { ListAuditEntries } from '@domain/audit';
import { Get, Query, Render } from '@nestjs/common';

import { StaffPage } from '../../auth/access.decorator';
import { parseListQuery } from '../shared/list-query';
import { PagesController } from '../shared/pages-controller';
import { AUDIT_LIST, auditFilter, AuditQuery, auditViewModel } from './audit.view-model';

/** Who did what, when: for administrators and the security officer. */
@PagesController('audit')
export class AuditPagesController {
  constructor(private readonly audit: ListAuditEntries) {}

  @Get()
  @StaffPage('audit.read')
  @Render('audit')
  async auditPage(@Query() q: AuditQuery & Record<string, unknown>) {
    const list = parseListQuery(q, AUDIT_LIST);
    return auditViewModel(await this.audit.page(auditFilter(q), { ...list, limit: list.pageSize }), q, list);
  }
}

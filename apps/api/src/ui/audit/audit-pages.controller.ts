import { ReadableAuditLog } from '@composition';
import type { StaffPrincipal } from '@domain/shared';
import { Get, Query, Render } from '@nestjs/common';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentStaff } from '../../auth/current-principal.decorator';
import { parseListQuery } from '../shared/list-query';
import { PagesController } from '../shared/pages-controller';
import { AUDIT_LIST, auditFilter, AuditQuery, auditViewModel } from './audit.view-model';

/** Who did what, when: for administrators and the security officer. */
@PagesController('audit')
export class AuditPagesController {
  constructor(private readonly audit: ReadableAuditLog) {}

  @Get()
  @StaffPage('audit.read')
  @Render('audit')
  async auditPage(@Query() q: AuditQuery & Record<string, unknown>, @CurrentStaff() me: StaffPrincipal) {
    const list = parseListQuery(q, AUDIT_LIST);
    return auditViewModel(await this.audit.page(me, auditFilter(q), { ...list, limit: list.pageSize }), q, list);
  }
}

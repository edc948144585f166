import { ReadableInboundMail } from '@composition';
import type { StaffPrincipal } from '@domain/shared';
import type { InboundMessageStatus } from '@domain/support';
import { Get, Param, Query, Render } from '@nestjs/common';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentStaff } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { oneOf } from '../shared/form-body';
import { pageOf, parseListQuery } from '../shared/list-query';
import { PagesController } from '../shared/pages-controller';
import { INBOUND_MAIL_LIST, inboundMailListViewModel, inboundMessageViewModel } from './inbound-mail.view-model';

const STATUSES = ['routed', 'unrouted', 'ignored'] as const satisfies readonly InboundMessageStatus[];

/** E-mail that came in through the listener: where each went, and what no context took (for staff to pick up). */
@PagesController('inbound-mail')
export class InboundMailPagesController {
  constructor(private readonly inbound: ReadableInboundMail) {}

  @Get()
  @StaffPage('inbound-mail.read')
  @Render('inbound-mail/list')
  async list(@Query() q: Record<string, unknown>, @CurrentStaff() me: StaffPrincipal) {
    const [status, list] = [oneOf(q.status, STATUSES), parseListQuery(q, INBOUND_MAIL_LIST)];
    return inboundMailListViewModel(await this.inbound.page(me, status, pageOf(list)), status, list);
  }

  @Get(':id')
  @StaffPage('inbound-mail.read')
  @Render('inbound-mail/message')
  async message(@Param('id', ParseUuid) id: string, @CurrentStaff() me: StaffPrincipal) {
    return inboundMessageViewModel(await this.inbound.one(me, id));
  }
}

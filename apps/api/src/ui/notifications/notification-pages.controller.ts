import { StaffNotifications } from '@domain/notifications';
import type { StaffPrincipal } from '@domain/shared';
import { Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentStaff } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { pageOf, parseListQuery } from '../shared/list-query';
import { PagesController } from '../shared/pages-controller';
import { NOTIFICATIONS_LIST, notificationsViewModel } from './notifications.view-model';

/** Each staff member's own notifications: the list, opening one (which marks it read), and marking all read. */
@PagesController('notifications')
export class NotificationPagesController {
  constructor(private readonly notifications: StaffNotifications) {}

  @Get()
  @StaffPage()
  @Render('notifications/list')
  async list(@CurrentStaff() staff: StaffPrincipal, @Query() q: Record<string, unknown>) {
    const list = parseListQuery(q, NOTIFICATIONS_LIST);
    const page = await this.notifications.list(staff.id, pageOf(list));
    const unread = await this.notifications.unreadCount(staff.id);
    return notificationsViewModel(page, unread, list, typeof q.done === 'string' ? q.done : undefined);
  }

  @Post('read')
  @StaffPage()
  async readAll(@CurrentStaff() staff: StaffPrincipal, @Res() res: FastifyReply) {
    await this.notifications.markRead(staff.id);
    res.redirect('/notifications?done=read', 303);
  }

  @Post(':id/open')
  @StaffPage()
  async open(@Param('id', ParseUuid) id: string, @CurrentStaff() staff: StaffPrincipal, @Res() res: FastifyReply) {
    res.redirect(await this.notifications.open(staff.id, id), 303);
  }
}

import { IdentityModule } from '@domain/identity';
import { Module } from '@nestjs/common';

import { NotificationRepository } from './notification.repository';
import { NotifyStaff } from './notify-staff.use-case';
import { StaffNotifications } from './staff-notifications.use-case';

/** In-app notifications to staff: what is new or assigned to them, with an unread count. */
@Module({
  imports: [IdentityModule],
  providers: [NotificationRepository, NotifyStaff, StaffNotifications],
  exports: [NotifyStaff, StaffNotifications],
})
export class NotificationsModule {}

import { IdentityModule } from '@domain/identity';
import { Module } from '@nestjs/common';

import { CasePresenceRepository } from './case-presence.repository';
import { CasePresenceTracker } from './case-presence.use-case';
import { NotificationRepository } from './notification.repository';
import { NotifyStaff } from './notify-staff.use-case';
import { StaffNotifications } from './staff-notifications.use-case';

/** In-app notifications to staff (what is new or assigned to them, with an unread count) and who else has a case open. */
@Module({
  imports: [IdentityModule],
  providers: [NotificationRepository, CasePresenceRepository, NotifyStaff, StaffNotifications, CasePresenceTracker],
  exports: [NotifyStaff, StaffNotifications, CasePresenceTracker],
})
export class NotificationsModule {}

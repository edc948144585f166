import { Injectable } from '@nestjs/common';
import { DatabaseContext, type Page } from '@platform/database';

import { Notification } from './notification.entity';
import { NotificationRepository } from './notification.repository';

/** Only paths inside the app: a stored link never sends staff elsewhere. */
export const isAppPath = (link: string): boolean => link.startsWith('/') && !link.startsWith('//');

/** A staff member's own notifications: only ever the caller's, by the id of who is signed in. */
@Injectable()
export class StaffNotifications {
  constructor(
    private readonly repo: NotificationRepository,
    private readonly db: DatabaseContext,
  ) {}

  list(staffId: string, page: { limit: number; offset: number }): Promise<Page<Notification>> {
    return this.repo.page(staffId, page.limit, page.offset);
  }

  /** Unread counts of several staff members at once, for the live feed (0 for those with none). */
  async unreadCounts(staffIds: string[]): Promise<Map<string, number>> {
    const found = await this.repo.unreadCounts(staffIds);
    return new Map(staffIds.map((id) => [id, found.get(id) ?? 0]));
  }

  unreadCount(staffId: string): Promise<number> {
    return this.repo.unreadCount(staffId);
  }

  /** Marks one of the caller's notifications read and answers the page it leads to; another's id leads to the list and changes nothing. */
  async open(staffId: string, id: string): Promise<string> {
    return this.db.transaction(async () => {
      const found = await this.repo.findOwn(staffId, id);
      if (!found) return '/notifications';
      await this.repo.markRead(staffId, id);
      return isAppPath(found.link) ? found.link : '/notifications';
    });
  }

  /** Marks one of the caller's notifications read (another's id changes nothing), or all of them without an id. */
  markRead(staffId: string, id?: string): Promise<number> {
    return this.db.transaction(() => this.repo.markRead(staffId, id));
  }
}

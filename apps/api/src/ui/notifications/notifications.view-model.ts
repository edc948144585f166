import { isAppPath, type Notification } from '@domain/notifications';
import type { Page } from '@platform/database';

import { type ListLinks, type ListQuery, type ListSpec, pagination } from '../shared/list-query';
import {
  NOTIFICATION_KIND_TEXTS,
  NOTIFICATION_NOUN,
  NOTIFICATIONS_TEXTS,
  NOTIFICATIONS_TITLE,
  UNKNOWN_KIND_TEXT,
} from './notifications.texts.nb';

/** Newest first, 50 a page. */
export const NOTIFICATIONS_LIST: ListSpec<'created'> = { sorts: { created: 'desc' }, defaultSort: 'created', pageSize: 50 };

export function notificationsViewModel(page: Page<Notification>, unread: number, list: ListQuery<'created'>, done?: string) {
  const links: ListLinks<'created'> = { path: '/notifications', filter: {}, query: list };
  return {
    title: NOTIFICATIONS_TITLE,
    done: done ? NOTIFICATIONS_TEXTS.done[done] : undefined,
    unread,
    none: NOTIFICATIONS_TEXTS.none,
    notifications: page.items.map((n) => ({
      id: n.id,
      what: NOTIFICATION_KIND_TEXTS[n.kind] ?? UNKNOWN_KIND_TEXT,
      reference: n.reference,
      title: n.title,
      link: isAppPath(n.link) ? n.link : '/notifications',
      createdAt: n.createdAt,
      unread: !n.readAt,
    })),
    pagination: pagination(links, page.total, NOTIFICATION_NOUN),
  };
}

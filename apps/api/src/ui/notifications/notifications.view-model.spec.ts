import type { Notification } from '@domain/notifications';

import { parseListQuery } from '../shared/list-query';
import { NOTIFICATIONS_LIST, notificationsViewModel } from './notifications.view-model';

const notification = (over: Partial<Notification>) =>
  ({
    id: 'n1',
    recipientId: 's1',
    kind: 'incident.opened',
    reference: 'KS-2026-0001',
    title: 'Inntekt svarer 500',
    link: '/incidents/i1',
    createdAt: new Date('2026-11-30T08:00:00Z'),
    readAt: null,
    ...over,
  }) as Notification;

describe('notificationsViewModel', () => {
  it('words each kind in Norwegian (an unknown kind too) and marks the unread ones', () => {
    const model = notificationsViewModel(
      { items: [notification({}), notification({ id: 'n2', kind: 'x.not-worded-yet', readAt: new Date() })], total: 2 },
      1,
      parseListQuery({}, NOTIFICATIONS_LIST),
    );
    expect(model.notifications.map((n) => [n.what, n.unread])).toEqual([
      ['Ny hendelse', true],
      ['Ny varsling', false],
    ]);
    expect(model.pagination.summary).toBe('Viser 1–2 av 2 varslinger');
  });

  it.each([
    ['/incidents/i1', '/incidents/i1'],
    ['https://evil.example/x', '/notifications'],
    ['//evil.example/x', '/notifications'],
  ])('leads %s to %s: only paths inside the app', (link, expected) => {
    const model = notificationsViewModel({ items: [notification({ link })], total: 1 }, 0, parseListQuery({}, NOTIFICATIONS_LIST));
    expect(model.notifications[0].link).toBe(expected);
  });

  it('says when there is nothing, and what was done', () => {
    const model = notificationsViewModel({ items: [], total: 0 }, 0, parseListQuery({}, NOTIFICATIONS_LIST), 'read');
    expect(model.done).toBe('Varslingene er merket som lest.');
    expect(model.none).toBe('Du har ingen varslinger.');
  });
});

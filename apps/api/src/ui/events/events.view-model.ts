import type { Page } from '@platform/database';
import type { DomainEvent, DomainEventSort, DomainEventStatus } from '@platform/events';

import { type ListLinks, type ListQuery, type ListSpec, pagination, sortHeader } from '../shared/list-query';
import { COUNTED_NOUNS } from '../shared/shared.texts.nb';
import { EVENT_STATUS_TEXTS, EVENT_TYPE_TEXTS, EVENTS_COLUMNS, EVENTS_DONE_TEXTS, EVENTS_TITLE } from './events.texts.nb';

/** Newest first unless sorted otherwise, 50 a page. */
export const EVENTS_LIST: ListSpec<DomainEventSort> = {
  sorts: { created: 'desc', type: 'asc', status: 'asc', attempts: 'desc' },
  defaultSort: 'created',
  pageSize: 50,
};

const COLUMNS: Array<[keyof typeof EVENTS_COLUMNS, DomainEventSort | null]> = [
  ['created', 'created'],
  ['type', 'type'],
  ['status', 'status'],
  ['attempts', 'attempts'],
  ['error', null],
];

const STATUS_COLOURS: Record<DomainEventStatus, string> = { pending: 'info', processing: 'info', done: 'success', failed: 'danger' };

export function eventsListViewModel(
  events: Page<DomainEvent>,
  counts: Record<DomainEventStatus, number>,
  status: DomainEventStatus | undefined,
  list: ListQuery<DomainEventSort>,
  done?: keyof typeof EVENTS_DONE_TEXTS,
) {
  const links: ListLinks<DomainEventSort> = { path: '/events', filter: { status }, query: list };
  return {
    title: EVENTS_TITLE,
    done: done ? EVENTS_DONE_TEXTS[done] : undefined,
    status,
    statuses: (Object.keys(EVENT_STATUS_TEXTS) as DomainEventStatus[]).map((value) => ({
      value,
      label: `${EVENT_STATUS_TEXTS[value]} (${counts[value]})`,
      selected: value === status,
    })),
    events: events.items.map((e) => ({
      id: e.id,
      createdAt: e.createdAt,
      type: EVENT_TYPE_TEXTS[e.type] ?? e.type,
      typeIsCode: !EVENT_TYPE_TEXTS[e.type],
      status: EVENT_STATUS_TEXTS[e.status],
      statusColour: STATUS_COLOURS[e.status],
      attempts: e.attempts,
      lastError: e.status === 'done' ? null : e.lastError,
      canRetry: e.status === 'failed',
    })),
    columns: COLUMNS.map(([column, key]) =>
      key
        ? { sortable: true, ...sortHeader(links, EVENTS_LIST, key, EVENTS_COLUMNS[column]) }
        : { sortable: false, label: EVENTS_COLUMNS[column] },
    ),
    pagination: pagination(links, events.total, COUNTED_NOUNS.backgroundJob),
  };
}

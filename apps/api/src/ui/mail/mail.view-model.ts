import type { Page } from '@platform/database';
import type { PipelineStatus } from '@platform/heartbeat';
import type { OutboxMessage, OutboxSort, OutboxStatus } from '@platform/mail';

import { type ListLinks, type ListQuery, type ListSpec, pagination, sortHeader } from '../shared/list-query';
import { COUNTED_NOUNS } from '../shared/shared.texts.nb';
import { MAIL_COLUMNS, MAIL_RESTRICTED_SUBJECT, MAIL_TITLES } from './mail.texts.nb';

/** The mail list, newest first unless sorted otherwise, 50 a page. */
export const MAIL_LIST: ListSpec<OutboxSort> = {
  sorts: { created: 'desc', subject: 'asc', status: 'asc', attempts: 'desc' },
  defaultSort: 'created',
  pageSize: 50,
};

const COLUMNS: Array<[keyof typeof MAIL_COLUMNS, OutboxSort | null]> = [
  ['created', 'created'],
  ['subject', 'subject'],
  ['to', null],
  ['status', 'status'],
  ['attempts', 'attempts'],
];

export function mailListViewModel(
  messages: Page<OutboxMessage & { restricted?: boolean }>,
  status: OutboxStatus | undefined,
  list: ListQuery<OutboxSort>,
  pipeline: PipelineStatus,
) {
  const links: ListLinks<OutboxSort> = { path: '/mail', filter: { status }, query: list };
  return {
    title: MAIL_TITLES.list,
    messages: messages.items.map((m) => (m.restricted ? { ...m, subject: MAIL_RESTRICTED_SUBJECT } : m)),
    status,
    columns: COLUMNS.map(([column, key]) =>
      key
        ? { sortable: true, ...sortHeader(links, MAIL_LIST, key, MAIL_COLUMNS[column]) }
        : { sortable: false, label: MAIL_COLUMNS[column] },
    ),
    pagination: pagination(links, messages.total, COUNTED_NOUNS.mail),
    delivery: deliveryState(pipeline),
  };
}

/**
 * What staff must know about delivery before they read the list: that nothing is being sent (no
 * worker, or the queue stands still), or that e-mails were given up on and wait for them.
 */
function deliveryState(p: PipelineStatus) {
  return {
    workerDown: !p.worker.up,
    lastSeenAt: p.worker.lastSeenAt,
    stalled: p.worker.up ? p.mail.stalled : null,
    waitedMinutes: Math.floor(p.mail.oldestDueSeconds / 60),
    due: p.mail.due,
    retrying: p.mail.retrying,
    failed: p.mail.failed,
  };
}

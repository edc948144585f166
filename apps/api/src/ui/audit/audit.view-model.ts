import type { AuditEntry, AuditSort } from '@domain/audit';
import type { Page } from '@platform/database';

import { text } from '../shared/form-body';
import { type ListLinks, type ListQuery, type ListSpec, pagination, sortHeader } from '../shared/list-query';
import { AUDIT_COLUMNS, AUDIT_TITLE } from './audit.texts.nb';

/** The log, newest first unless sorted otherwise, 100 entries a page. */
export const AUDIT_LIST: ListSpec<AuditSort> = {
  sorts: { at: 'desc', actor: 'asc', action: 'asc', object: 'asc' },
  defaultSort: 'at',
  pageSize: 100,
};

const COLUMNS: Array<[keyof typeof AUDIT_COLUMNS, AuditSort | null]> = [
  ['at', 'at'],
  ['actor', 'actor'],
  ['action', 'action'],
  ['object', 'object'],
  ['ip', null],
  ['details', null],
];

export interface AuditQuery {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filter form as the log's query: whole days, the `to` day included. */
export function auditFilter(q: AuditQuery) {
  const day = (v: unknown) => (DATE.test(text(v)) ? new Date(text(v)) : undefined);
  const to = day(q.to);
  return {
    actor: text(q.actor) || undefined,
    action: text(q.action) || undefined,
    objectType: text(q.objectType) || undefined,
    objectId: text(q.objectId) || undefined,
    from: day(q.from),
    to: to ? new Date(to.getTime() + DAY_MS) : undefined,
  };
}

export function auditViewModel(entries: Page<AuditEntry>, q: AuditQuery, list: ListQuery<AuditSort>) {
  const filter = {
    actor: text(q.actor),
    action: text(q.action),
    objectType: text(q.objectType),
    objectId: text(q.objectId),
    from: text(q.from),
    to: text(q.to),
  };
  const links: ListLinks<AuditSort> = { path: '/audit', filter, query: list };
  return {
    title: AUDIT_TITLE,
    entries: entries.items.map((e) => ({ ...e, detailsJson: Object.keys(e.details).length ? JSON.stringify(e.details, null, 2) : '' })),
    filter,
    columns: COLUMNS.map(([column, key]) =>
      key
        ? { sortable: true, ...sortHeader(links, AUDIT_LIST, key, AUDIT_COLUMNS[column]) }
        : { sortable: false, label: AUDIT_COLUMNS[column] },
    ),
    pagination: pagination(links, entries.total),
  };
}

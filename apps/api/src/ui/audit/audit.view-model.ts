import type { AuditEntry, AuditSort } from '@domain/audit';
import type { Page } from '@platform/database';

import { AUDIT_ACTION_GROUPS, AUDIT_ACTION_TEXTS, AUDIT_ACTOR_KIND_TEXTS, AUDIT_OBJECT_TYPE_TEXTS } from '../shared/audit-actions.texts.nb';
import { text } from '../shared/form-body';
import { type ListLinks, type ListQuery, type ListSpec, pagination, sortHeader } from '../shared/list-query';
import { osloDayStart } from '../shared/oslo-time';
import { COUNTED_NOUNS } from '../shared/shared.texts.nb';
import { AUDIT_COLUMNS, AUDIT_FILTER_TEXTS, AUDIT_RESTRICTED_TEXT, AUDIT_TITLE } from './audit.texts.nb';

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

/**
 * What the action filter asks for: a group of the menu (all its codes), one code, or, from a link
 * typed by hand, the start of codes (`staff.`).
 */
function actionFilter(action: string): { action?: string; actions?: string[] } {
  if (!action) return {};
  const group = AUDIT_ACTION_GROUPS.find((g) => g.key === action);
  if (group) return { actions: Object.keys(group.actions) };
  if (Object.hasOwn(AUDIT_ACTION_TEXTS, action)) return { actions: [action] };
  return { action };
}

/** The filter form as the log's query: whole days in Norway, the `to` day included. */
export function auditFilter(q: AuditQuery) {
  return {
    actor: text(q.actor) || undefined,
    ...actionFilter(text(q.action)),
    objectType: text(q.objectType) || undefined,
    objectId: text(q.objectId) || undefined,
    from: osloDayStart(text(q.from)),
    to: osloDayStart(text(q.to), 1),
  };
}

/** Where the objects that have a page of their own are shown, by object type. */
const OBJECT_PAGES: Readonly<Record<string, string>> = {
  consumer: '/consumers',
  incident: '/incidents',
  catalogue_version: '/catalogue',
  knowledge_article: '/knowledge-base',
  outbox_message: '/mail',
  change_request: '/change-requests',
  ticket: '/tickets',
  notice: '/notices',
};

/** The filter's menus: each group of actions (the whole group first, then each action), and the object types. */
function filterOptions(q: AuditQuery) {
  const action = text(q.action);
  const objectType = text(q.objectType);
  const known = action === '' || AUDIT_ACTION_GROUPS.some((g) => g.key === action || Object.hasOwn(g.actions, action));
  return {
    anyAction: AUDIT_FILTER_TEXTS.anyAction,
    // The start of codes from a link typed by hand stays chosen, so the menu says what the list shows.
    typedAction: known ? null : { value: action, label: AUDIT_FILTER_TEXTS.codesStartingWith(action) },
    actionGroups: AUDIT_ACTION_GROUPS.map((g) => ({
      label: g.label,
      options: [
        { value: g.key, label: AUDIT_FILTER_TEXTS.wholeGroup(g.label), selected: action === g.key },
        ...Object.entries(g.actions).map(([value, label]) => ({ value, label, selected: action === value })),
      ],
    })),
    anyObjectType: AUDIT_FILTER_TEXTS.anyObjectType,
    objectTypes: Object.entries(AUDIT_OBJECT_TYPE_TEXTS).map(([value, label]) => ({ value, label, selected: objectType === value })),
  };
}

export function auditViewModel(entries: Page<AuditEntry & { restricted?: boolean }>, q: AuditQuery, list: ListQuery<AuditSort>) {
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
    entries: entries.items.map((e) => ({
      ...e,
      // A code written by a newer version of the desk than this one is shown as it is.
      actionLabel: AUDIT_ACTION_TEXTS[e.action] ?? e.action,
      objectTypeLabel: AUDIT_OBJECT_TYPE_TEXTS[e.objectType] ?? e.objectType,
      objectHref: e.objectId && OBJECT_PAGES[e.objectType] ? `${OBJECT_PAGES[e.objectType]}/${encodeURIComponent(e.objectId)}` : null,
      actorKindLabel: AUDIT_ACTOR_KIND_TEXTS[e.actorKind] ?? e.actorKind,
      detailsJson: Object.keys(e.details).length ? JSON.stringify(e.details, null, 2) : '',
      restrictedText: e.restricted ? AUDIT_RESTRICTED_TEXT : '',
    })),
    filter,
    ...filterOptions(q),
    columns: COLUMNS.map(([column, key]) =>
      key
        ? { sortable: true, ...sortHeader(links, AUDIT_LIST, key, AUDIT_COLUMNS[column]) }
        : { sortable: false, label: AUDIT_COLUMNS[column] },
    ),
    pagination: pagination(links, entries.total, COUNTED_NOUNS.entry),
  };
}

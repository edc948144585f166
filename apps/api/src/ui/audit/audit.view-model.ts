import type { AuditEntry } from '@domain/audit';

import { text } from '../shared/form-body';
import { AUDIT_TITLE } from './audit.texts.nb';

export interface AuditQuery {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
  before?: string;
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filter form as the log's query: whole days, the `to` day included; paging by the last id seen. */
export function auditFilter(q: AuditQuery, limit: number) {
  const day = (v: unknown) => (DATE.test(text(v)) ? new Date(text(v)) : undefined);
  const to = day(q.to);
  return {
    actor: text(q.actor) || undefined,
    action: text(q.action) || undefined,
    objectType: text(q.objectType) || undefined,
    objectId: text(q.objectId) || undefined,
    from: day(q.from),
    to: to ? new Date(to.getTime() + DAY_MS) : undefined,
    beforeId: /^\d+$/.test(text(q.before)) ? text(q.before) : undefined,
    limit,
  };
}

export function auditViewModel(entries: AuditEntry[], q: AuditQuery, limit: number) {
  return {
    title: AUDIT_TITLE,
    entries: entries.map((e) => ({ ...e, detailsJson: Object.keys(e.details).length ? JSON.stringify(e.details, null, 2) : '' })),
    filter: q,
    nextBefore: entries.length === limit ? entries[entries.length - 1].id : null,
  };
}

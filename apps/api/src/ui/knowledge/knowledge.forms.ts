import { ARTICLE_CATEGORIES, ARTICLE_STATUSES, type ArticleFilter, type ArticleInput, type ArticleStatus } from '@domain/knowledge';
import { ValidationFailed } from '@platform/errors';

import { type FormBody, list, oneOf, text } from '../shared/form-body';

/** The list's filter as the query string carries it; unknown values are ignored. */
export function listFilter(q: Record<string, unknown>): ArticleFilter {
  return {
    text: text(q.q) || undefined,
    status: oneOf(q.status, ARTICLE_STATUSES),
    category: oneOf(q.category, ARTICLE_CATEGORIES),
    service: text(q.service) || undefined,
    reviewDue: text(q.review) === 'due',
  };
}

const lines = (v: unknown) =>
  text(v)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The editor's fields: lists one per line, HTTP statuses separated by commas or spaces. */
export function articleFromForm(body: FormBody): ArticleInput {
  const statuses = text(body.httpStatuses)
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (statuses.some((s) => !/^\d{3}$/.test(s)))
    throw new ValidationFailed([{ field: 'httpStatuses', message: 'must be HTTP status codes' }]);
  return {
    title: text(body.title),
    slug: text(body.slug) || undefined,
    category: text(body.category),
    serviceCodes: list(body.serviceCodes),
    keywords: lines(body.keywords),
    errorCodes: lines(body.errorCodes),
    httpStatuses: statuses.map(Number),
    answer: text(body.answer),
    // The Markdown's own line breaks and indentation matter; only the ends are trimmed (by the use case).
    body: typeof body.body === 'string' ? body.body : '',
    checklist: lines(body.checklist),
    ownerId: text(body.ownerId) || null,
    reviewDue: text(body.reviewDue) || null,
  };
}

/** The version the editor was opened on, so a save over a newer one is refused. */
export function editedVersion(body: FormBody): number | undefined {
  const version = Number(text(body.version));
  return Number.isInteger(version) && version > 0 ? version : undefined;
}

export function statusFromForm(body: FormBody): ArticleStatus {
  const status = oneOf(body.status, ARTICLE_STATUSES);
  if (!status) throw new ValidationFailed([{ field: 'status', message: `must be one of ${ARTICLE_STATUSES.join(', ')}` }]);
  return status;
}

export function versionNumber(value: string): number {
  const version = Number(value);
  if (!/^\d{1,6}$/.test(value) || version < 1) throw new ValidationFailed([{ field: 'version', message: 'must be a version number' }]);
  return version;
}

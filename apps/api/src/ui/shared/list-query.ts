import { MAX_PAGE_NUMBER, type SortDirection } from '@platform/database';

import { text } from './form-body';
import { countOf, formatWhole, type PluralForms } from './numbers';
import { LIST_TEXTS } from './shared.texts.nb';

/** How a list may be sorted: the keys a URL may name, each with the direction a first click gives. */
export interface ListSpec<K extends string> {
  sorts: Record<K, SortDirection>;
  defaultSort: K;
  /** The default direction of the default sort when it differs from a first click's. */
  defaultDirection?: SortDirection;
  pageSize: number;
}

/** A consumer's reports, newest first, fifty to a page (the portal's list and the staff's tab). */
export const REPORTS_NEWEST_FIRST: ListSpec<'received'> = { sorts: { received: 'desc' }, defaultSort: 'received', pageSize: 50 };

/** The portal's questions to KS, the latest activity first, fifty to a page. */
export const TICKETS_LATEST_FIRST: ListSpec<'updated'> = { sorts: { updated: 'desc' }, defaultSort: 'updated', pageSize: 50 };

/** Sort and page as read from the query string, always valid. */
export interface ListQuery<K extends string> {
  sort: K;
  direction: SortDirection;
  page: number;
  pageSize: number;
  offset: number;
  /** True when the URL chose the sort (so links keep it). */
  sortChosen: boolean;
}

/** The page a list query asks the database for. */
export const pageOf = (list: ListQuery<string>) => ({ limit: list.pageSize, offset: list.offset });

/** The page and its order a list query asks the database for. */
export const sortedPageOf = <K extends string>(list: ListQuery<K>) => ({ ...pageOf(list), sort: list.sort, direction: list.direction });

const wholeNumber = (v: unknown): number | undefined => {
  const s = text(v);
  return /^\d{1,9}$/.test(s) ? Number(s) : undefined;
};

/**
 * `?sort=&dir=&page=` (and the older `?offset=`) of a list page. A key outside the allow-list,
 * a direction that is not asc/desc or a page that is not a sensible whole number falls back to
 * the default; it never reaches the database.
 */
export function parseListQuery<K extends string>(q: Record<string, unknown>, spec: ListSpec<K>): ListQuery<K> {
  const asked = text(q.sort);
  const known = Object.prototype.hasOwnProperty.call(spec.sorts, asked);
  const sort = known ? (asked as K) : spec.defaultSort;
  const dir = text(q.dir);
  const direction: SortDirection =
    dir === 'asc' || dir === 'desc' ? dir : known ? spec.sorts[sort] : (spec.defaultDirection ?? spec.sorts[spec.defaultSort]);
  const fromOffset = wholeNumber(q.offset);
  const asPage = wholeNumber(q.page) ?? (fromOffset !== undefined ? Math.floor(fromOffset / spec.pageSize) + 1 : 1);
  const page = asPage >= 1 && asPage <= MAX_PAGE_NUMBER ? asPage : 1;
  return { sort, direction, page, pageSize: spec.pageSize, offset: (page - 1) * spec.pageSize, sortChosen: known };
}

/** The list's address with these query values; empty ones are left out so bookmarks stay short. */
export function listHref(path: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Where a list page links: its path, the filter as the URL carries it, and the list's sort and page. */
export interface ListLinks<K extends string> {
  path: string;
  filter: Record<string, string | undefined>;
  query: ListQuery<K>;
}

const sortParams = <K extends string>(query: ListQuery<K>) => (query.sortChosen ? { sort: query.sort, dir: query.direction } : {});

/** A column header that sorts: the link flips the direction of the current sort, else sorts the key's own way. */
export function sortHeader<K extends string>(links: ListLinks<K>, spec: ListSpec<K>, key: K, label: string) {
  const current = links.query.sort === key;
  const next: SortDirection = current ? (links.query.direction === 'asc' ? 'desc' : 'asc') : spec.sorts[key];
  return {
    label,
    href: listHref(links.path, { ...links.filter, sort: key, dir: next }),
    ariaSort: current ? (links.query.direction === 'asc' ? 'ascending' : 'descending') : undefined,
    arrow: current ? (links.query.direction === 'asc' ? '▲' : '▼') : '',
    hint: LIST_TEXTS.sortBy(label, next),
  };
}

/**
 * «Viser 1–50 av 159 hendelser» (the noun in the form the total needs) with links to the previous
 * and next page and a few page numbers around this one.
 */
export function pagination<K extends string>(links: ListLinks<K>, total: number, noun: PluralForms) {
  const { page, pageSize } = links.query;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => listHref(links.path, { ...links.filter, ...sortParams(links.query), page: p > 1 ? p : undefined });
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const around = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages);
  return {
    total,
    summary: !total
      ? null
      : from > to
        ? LIST_TEXTS.pastEnd(page, countOf(total, noun))
        : LIST_TEXTS.showing(formatWhole(from), formatWhole(to), countOf(total, noun)),
    prev: page > 1 ? href(Math.min(page - 1, pages)) : null,
    next: page < pages ? href(page + 1) : null,
    pages:
      pages > 1
        ? around
            .sort((a, b) => a - b)
            .map((p, i, all) => ({
              number: p,
              href: href(p),
              label: LIST_TEXTS.page(p),
              current: p === page,
              gapBefore: i > 0 && p - all[i - 1] > 1,
            }))
        : [],
    texts: { navigation: LIST_TEXTS.navigation, previous: LIST_TEXTS.previous, next: LIST_TEXTS.next },
    /** Hidden fields that keep the sort when the filter form is sent again. */
    keep: Object.entries(sortParams(links.query)).map(([name, value]) => ({ name, value })),
  };
}

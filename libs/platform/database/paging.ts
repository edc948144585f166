/** One page of a list read from the database, with the number of rows the whole filter matches. */
export interface Page<T> {
  items: T[];
  total: number;
}

export type SortDirection = 'asc' | 'desc';

/** Which window of a list to read and in which order; `sort` names a key of the repository's allow-list. */
export interface PageRequest<K extends string = string> {
  limit?: number;
  offset?: number;
  sort?: K;
  direction?: SortDirection;
}

/** The largest page any list reads, and the furthest it may skip: beyond that a query is a mistake, not a need. */
export const MAX_PAGE_SIZE = 500;
export const MAX_OFFSET = 1_000_000;
/** Beyond this a page number is a typo, not a need; the bound keeps a page's offset a safe integer. */
export const MAX_PAGE_NUMBER = 20_000;

/** LIMIT and OFFSET as whole numbers inside the bounds, whatever the caller passed. */
export function pageWindow(req: PageRequest, defaultLimit: number): { limit: number; offset: number } {
  const whole = (v: unknown, fallback: number, max: number) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? Math.min(v, max) : fallback;
  return { limit: Math.max(1, whole(req.limit, defaultLimit, MAX_PAGE_SIZE)), offset: whole(req.offset, 0, MAX_OFFSET) };
}

/**
 * The ORDER BY of a list: SQL expressions come only from the repository's own table of keys, so
 * a key from a URL can choose among them but never add text to the query.
 */
export function orderOf<K extends string>(
  columns: Record<K, string>,
  req: PageRequest<K>,
  fallback: { sort: K; direction: SortDirection },
): { expression: string; direction: 'ASC' | 'DESC' } {
  const known = req.sort !== undefined && Object.prototype.hasOwnProperty.call(columns, req.sort);
  const sort = known ? req.sort! : fallback.sort;
  const direction = req.direction === 'asc' || req.direction === 'desc' ? req.direction : fallback.direction;
  return { expression: columns[sort], direction: direction === 'asc' ? 'ASC' : 'DESC' };
}

/** One kind's share of the staff search box: how many match in all, and the best of them. */
export interface SearchResult<T> {
  total: number;
  items: T[];
}

/** Rows that carry the whole count (count(*) OVER ()) as a search result. */
export function searchResultOf<T extends { total: number }>(rows: T[]): SearchResult<Omit<T, 'total'>> {
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _total, ...row }) => row) };
}

import { countOf, formatWhole } from '../shared/numbers';
import type { SearchHit } from '../shared/search-source';
import { HIT_NOUN, SEARCH_TEXTS } from './search.texts.nb';

/** What one source found for the page: its group, its best hits and the whole count. */
export interface SearchGroupResult {
  kind: string;
  label: string;
  total: number;
  hits: SearchHit[];
  listHref?: string;
}

/** Search text is a few words: longer input is cut, never an error. */
export const MAX_SEARCH_LENGTH = 100;

export const searchText = (raw: unknown): string => (typeof raw === 'string' ? raw.trim().slice(0, MAX_SEARCH_LENGTH) : '');

/** The search page: one group per kind with its count, hits first, and a link to the part's own list when it holds more. */
export function searchViewModel(text: string, groups: SearchGroupResult[]) {
  const total = groups.reduce((sum, g) => sum + g.total, 0);
  const ordered = [...groups.filter((g) => g.total > 0), ...groups.filter((g) => g.total === 0)];
  return {
    title: text ? SEARCH_TEXTS.resultsTitle(text) : SEARCH_TEXTS.title,
    q: text,
    searched: !!text,
    intro: text ? undefined : SEARCH_TEXTS.empty,
    summary: text ? (total ? countOf(total, HIT_NOUN) : SEARCH_TEXTS.none) : undefined,
    counts: ordered.map((g) => ({ kind: g.kind, label: `${g.label} (${formatWhole(g.total)})`, found: g.total > 0 })),
    groups: ordered.map((g) => ({
      kind: g.kind,
      heading: `${g.label} (${formatWhole(g.total)})`,
      hits: g.hits,
      more: g.listHref && g.total > g.hits.length ? { href: g.listHref, label: SEARCH_TEXTS.showAll(formatWhole(g.total)) } : undefined,
      empty: g.total === 0 ? SEARCH_TEXTS.noneInGroup : undefined,
    })),
  };
}

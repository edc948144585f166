import { hasPermission, type Principal } from '@domain/shared';
import { Inject, Injectable } from '@nestjs/common';

import { SEARCH_SOURCES, type SearchSource } from '../shared/search-source';
import { type SearchGroupResult, searchViewModel } from './search.view-model';

/** Hits per group on the page; the part's own list shows the rest. */
const HITS_PER_GROUP = 5;

/** The one search box: asks every source the caller may read, or finds the one page an exact reference names. */
@Injectable()
export class SearchPage {
  constructor(@Inject(SEARCH_SOURCES) private readonly sources: readonly SearchSource[]) {}

  private readable(caller: Principal): SearchSource[] {
    return this.sources.filter((s) => hasPermission(caller, s.permission));
  }

  /** The page an exact reference or number names, asked of each source in turn. */
  async exact(text: string, caller: Principal): Promise<string | undefined> {
    if (!text) return undefined;
    for (const source of this.readable(caller)) {
      const href = await source.exact?.(text);
      if (href) return href;
    }
    return undefined;
  }

  async load(text: string, caller: Principal) {
    const groups: SearchGroupResult[] = [];
    // One source after the other: the embedded database serves one query at a time anyway.
    if (text)
      for (const source of this.readable(caller)) {
        const { total, hits } = await source.find(text, HITS_PER_GROUP, caller);
        groups.push({ kind: source.kind, label: source.label, total, hits, listHref: source.listHref?.(text) });
      }
    return searchViewModel(text, groups);
  }
}

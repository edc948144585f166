import { SearchChangeRequests } from '@domain/change-requests';
import { Injectable } from '@nestjs/common';

import type { SearchHit, SearchSource } from '../shared/search-source';
import { SEARCH_LABEL, STATUS_LABELS } from './change-requests.texts.nb';

/** Change requests in the search box; an EN- reference goes straight to the request. */
@Injectable()
export class ChangeRequestSearchSource implements SearchSource {
  readonly kind = 'change-requests';
  readonly label = SEARCH_LABEL;
  readonly permission = 'change-request.read' as const;

  constructor(private readonly search: SearchChangeRequests) {}

  async find(text: string, limit: number) {
    const { total, items } = await this.search.matching(text, limit);
    return {
      total,
      hits: items.map((r): SearchHit => ({
        href: `/change-requests/${r.id}`,
        reference: r.reference,
        title: r.title,
        detail: STATUS_LABELS[r.status],
      })),
    };
  }

  async exact(text: string) {
    const id = await this.search.byReference(text);
    return id ? `/change-requests/${id}` : undefined;
  }
}

import { type SearchResult, searchResultOf } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { ChangeRequestRepository, type ChangeRequestSearchRow } from './change-request.repository';

export type ChangeRequestHit = Omit<ChangeRequestSearchRow, 'total'>;

const REFERENCE = /^EN-\d{4}-\d+$/i;

/** Staff search of change requests from the one search box; a reference (EN-2026-0007) names one. */
@Injectable()
export class SearchChangeRequests {
  constructor(private readonly repo: ChangeRequestRepository) {}

  async matching(text: string, limit: number): Promise<SearchResult<ChangeRequestHit>> {
    return searchResultOf(await this.repo.search(text, limit));
  }

  /** The id of the request a reference names (a merged one as the request that took it over), else undefined. */
  async byReference(text: string): Promise<string | undefined> {
    const reference = text.trim().toUpperCase();
    if (!REFERENCE.test(reference)) return undefined;
    const found = await this.repo.findByReference(reference);
    return found ? (found.mergedIntoId ?? found.id) : undefined;
  }
}

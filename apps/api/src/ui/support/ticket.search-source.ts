import type { Principal } from '@domain/shared';
import { TicketQueries } from '@domain/support';
import { Injectable } from '@nestjs/common';

import type { SearchHit, SearchSource } from '../shared/search-source';
import { SEARCH_LABEL, STATUS_LABELS } from './support.texts.nb';

const REFERENCE = /^HV-\d{4}-\d+$/i;

/** Tickets in the search box by subject or reference; an HV- reference goes straight to the ticket. */
@Injectable()
export class TicketSearchSource implements SearchSource {
  readonly kind = 'tickets';
  readonly label = SEARCH_LABEL;
  readonly permission = 'ticket.read' as const;

  constructor(private readonly tickets: TicketQueries) {}

  async find(text: string, limit: number, caller: Principal) {
    const { total, items } = await this.tickets.list(caller, { search: text }, { limit, offset: 0 });
    return {
      total,
      hits: items.map((t): SearchHit => ({
        href: `/tickets/${t.id}`,
        reference: t.reference,
        title: t.subject,
        detail: [STATUS_LABELS[t.status], t.consumerName].filter(Boolean).join(' · '),
      })),
    };
  }

  async exact(text: string) {
    if (!REFERENCE.test(text.trim())) return undefined;
    const found = await this.tickets.byReference(text);
    return found ? `/tickets/${found.mergedIntoId ?? found.id}` : undefined;
  }

  listHref(text: string) {
    return `/tickets?${new URLSearchParams({ q: text })}`;
  }
}

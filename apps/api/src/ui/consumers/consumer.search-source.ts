import { FindConsumers, SearchConsumers } from '@domain/consumers';
import { Injectable } from '@nestjs/common';

import type { SearchHit, SearchSource } from '../shared/search-source';
import { CONSUMER_LABELS, SEARCH_LABEL } from './consumers.texts.nb';

const ORG_NUMBER = /^\d{3}\s?\d{3}\s?\d{3}$/;

/** Consumers in the search box by name, organisation or municipality number and contacts; an organisation number goes straight to it. */
@Injectable()
export class ConsumerSearchSource implements SearchSource {
  readonly kind = 'consumers';
  readonly label = SEARCH_LABEL;
  readonly permission = 'consumer.search' as const;

  constructor(
    private readonly search: SearchConsumers,
    private readonly consumers: FindConsumers,
  ) {}

  async find(text: string, limit: number) {
    const { total, items } = await this.search.execute({ q: text, limit, offset: 0 });
    return {
      total,
      hits: items.map((c): SearchHit => ({
        href: `/consumers/${c.id}`,
        title: c.name,
        detail: `Org.nr. ${c.orgNumber} · ${CONSUMER_LABELS.status[c.status]}`,
      })),
    };
  }

  async exact(text: string) {
    if (!ORG_NUMBER.test(text.trim())) return undefined;
    const found = await this.consumers.byOrgNumber(text);
    return found ? `/consumers/${found.id}` : undefined;
  }

  listHref(text: string) {
    return `/consumers?${new URLSearchParams({ q: text })}`;
  }
}

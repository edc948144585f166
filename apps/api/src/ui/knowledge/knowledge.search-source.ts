import { SearchArticles } from '@domain/knowledge';
import { Injectable } from '@nestjs/common';

import type { SearchHit, SearchSource } from '../shared/search-source';
import { SEARCH_LABEL, STATUS_LABELS } from './knowledge.texts.nb';

/** Knowledge articles in the search box, by the knowledge base's own full-text search in bokmål and nynorsk. */
@Injectable()
export class KnowledgeSearchSource implements SearchSource {
  readonly kind = 'knowledge';
  readonly label = SEARCH_LABEL;
  readonly permission = 'knowledge-article.read' as const;

  constructor(private readonly articles: SearchArticles) {}

  async find(text: string, limit: number) {
    const found = await this.articles.staff({ text });
    return {
      total: found.length,
      hits: found.slice(0, limit).map(({ article }): SearchHit => ({
        href: `/knowledge-base/${article.id}`,
        title: article.title,
        detail: STATUS_LABELS[article.status],
      })),
    };
  }

  listHref(text: string) {
    return `/knowledge-base?${new URLSearchParams({ q: text })}`;
  }
}

import { Injectable } from '@nestjs/common';

import { KnowledgeArticle } from './knowledge-article.entity';
import { SearchArticles } from './search-articles.use-case';

/**
 * Published articles for what someone has written (a ticket, a question, a report in its own
 * words), on the service it concerns: the full-text search's best few.
 */
@Injectable()
export class SuggestArticlesForText {
  constructor(private readonly search: SearchArticles) {}

  async execute(input: { text: string; service?: string }, limit = 3): Promise<KnowledgeArticle[]> {
    if (!input.text.trim()) return [];
    return this.search.published(input.text, { service: input.service || undefined }, limit);
  }
}

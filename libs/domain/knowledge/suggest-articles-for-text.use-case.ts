import { Injectable } from '@nestjs/common';

import { KnowledgeArticle } from './knowledge-article.entity';
import { SearchArticles } from './search-articles.use-case';

const MAX_TEXT = 2000;

/**
 * Published articles for what someone has written (a ticket, a question, a report in its own
 * words), on the service it concerns: the full-text search's best few.
 */
@Injectable()
export class SuggestArticlesForText {
  constructor(private readonly search: SearchArticles) {}

  async execute(input: { text: string; service?: string }, limit = 3): Promise<KnowledgeArticle[]> {
    if (!input.text.trim()) return [];
    // Every word becomes one term of an OR query: a whole e-mail or a long question would make it huge for little gain.
    return this.search.published(input.text.slice(0, MAX_TEXT), { service: input.service || undefined }, limit);
  }
}

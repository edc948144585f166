import { Module } from '@nestjs/common';

import { KnowledgeArticleRepository } from './knowledge-article.repository';
import { SeedKnowledgeBase } from './seed-knowledge-base.use-case';
import { SuggestArticles } from './suggest-articles.use-case';

const useCases = [SeedKnowledgeBase, SuggestArticles];

/** The knowledge base: first-line answers for known consumer-side causes, matched to a report's symptoms. */
@Module({
  providers: [KnowledgeArticleRepository, ...useCases],
  exports: useCases,
})
export class KnowledgeModule {}

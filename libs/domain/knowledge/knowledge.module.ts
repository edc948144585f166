import { AuditModule } from '@domain/audit';
import { Module } from '@nestjs/common';

import { ArticleQueries } from './article-queries.use-case';
import { ArticleVersions } from './article-versions';
import { ChangeArticleStatus } from './change-article-status.use-case';
import { CreateArticle } from './create-article.use-case';
import { DeflectionStatistics } from './deflection-statistics.use-case';
import { EditArticle } from './edit-article.use-case';
import { KnowledgeArticleRepository } from './knowledge-article.repository';
import { RecordDeflection } from './record-deflection.use-case';
import { RestoreArticleVersion } from './restore-article-version.use-case';
import { SearchArticles } from './search-articles.use-case';
import { SeedKnowledgeBase } from './seed-knowledge-base.use-case';
import { SuggestArticles } from './suggest-articles.use-case';
import { SuggestArticlesForText } from './suggest-articles-for-text.use-case';

const useCases = [
  DeflectionStatistics,
  SeedKnowledgeBase,
  SuggestArticles,
  SuggestArticlesForText,
  SearchArticles,
  ArticleQueries,
  CreateArticle,
  EditArticle,
  RestoreArticleVersion,
  ChangeArticleStatus,
  RecordDeflection,
];

/** The knowledge base: KS's articles with their versions, full-text search, suggestions and the deflection counts. */
@Module({
  imports: [AuditModule],
  providers: [KnowledgeArticleRepository, ArticleVersions, ...useCases],
  exports: useCases,
})
export class KnowledgeModule {}

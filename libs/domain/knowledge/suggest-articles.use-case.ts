import { Injectable } from '@nestjs/common';
import { DATABASE_CHANNELS, DatabaseNotifications, NotifiedCache } from '@platform/database';

import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeArticleRepository } from './knowledge-article.repository';
import { rankArticles, ReportSymptoms } from './rules/knowledge-match';

// Every report is scored against the articles; they change rarely, so a copy saves a query per
// report. Any write to an article empties it at once on every process (the database notifies).
const ARTICLE_CACHE_MS = 60_000;

/** Knowledge-base answers for a report's symptoms: shown on the form before submitting, and in triage. */
@Injectable()
export class SuggestArticles {
  private readonly cached: NotifiedCache<KnowledgeArticle[]>;

  constructor(
    private readonly articles: KnowledgeArticleRepository,
    notifications: DatabaseNotifications,
  ) {
    this.cached = new NotifiedCache(notifications, DATABASE_CHANNELS.knowledgeChanged, ARTICLE_CACHE_MS, 1);
  }

  async forReport(report: ReportSymptoms, limit = 3): Promise<KnowledgeArticle[]> {
    return rankArticles(await this.published(), report, limit).map((r) => r.article);
  }

  /** Every published article, for staff answering a case. */
  list(): Promise<KnowledgeArticle[]> {
    return this.articles.published();
  }

  private async published(): Promise<KnowledgeArticle[]> {
    return (await this.cached.resolve('published', () => this.articles.published())) ?? [];
  }
}

import { Injectable } from '@nestjs/common';

import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeArticleRepository } from './knowledge-article.repository';
import { rankArticles, ReportSymptoms } from './rules/knowledge-match';

// Every report is scored against the articles; they change rarely, so a short-lived copy saves a query per report.
const ARTICLE_CACHE_MS = 30_000;

/** Knowledge-base answers for a report's symptoms: shown on the form before submitting, and in triage. */
@Injectable()
export class SuggestArticles {
  private cached: { articles: KnowledgeArticle[]; until: number } | null = null;

  constructor(private readonly articles: KnowledgeArticleRepository) {}

  async forReport(report: ReportSymptoms, limit = 3): Promise<KnowledgeArticle[]> {
    return rankArticles(await this.published(), report, limit).map((r) => r.article);
  }

  /** Every published article, for staff answering a case. */
  list(): Promise<KnowledgeArticle[]> {
    return this.articles.published();
  }

  private async published(): Promise<KnowledgeArticle[]> {
    if (!this.cached || this.cached.until < Date.now())
      this.cached = { articles: await this.articles.published(), until: Date.now() + ARTICLE_CACHE_MS };
    return this.cached.articles;
  }
}

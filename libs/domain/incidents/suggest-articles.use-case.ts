import { Injectable } from '@nestjs/common';

import { IncidentsRepository } from './incidents.repository';
import { KnowledgeArticle } from './knowledge-article.entity';
import { rankArticles, ReportSymptoms } from './rules/knowledge-match';

// Every report is scored against the articles; they change rarely, so a short-lived copy saves a query per report.
const ARTICLE_CACHE_MS = 30_000;

/** Knowledge-base answers for a report's symptoms: shown on the form before submitting, and in triage. */
@Injectable()
export class SuggestArticles {
  private cached: { articles: KnowledgeArticle[]; until: number } | null = null;

  constructor(private readonly incidents: IncidentsRepository) {}

  async forReport(report: ReportSymptoms, limit = 3): Promise<KnowledgeArticle[]> {
    return rankArticles(await this.published(), report, limit).map((r) => r.article);
  }

  list(includeUnpublished = false): Promise<KnowledgeArticle[]> {
    return includeUnpublished ? this.incidents.allArticles() : this.incidents.publishedArticles();
  }

  private async published(): Promise<KnowledgeArticle[]> {
    if (!this.cached || this.cached.until < Date.now())
      this.cached = { articles: await this.incidents.publishedArticles(), until: Date.now() + ARTICLE_CACHE_MS };
    return this.cached.articles;
  }
}

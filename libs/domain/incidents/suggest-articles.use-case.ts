import { Injectable } from '@nestjs/common';
import { IncidentsRepository } from './incidents.repository';
import { KnowledgeArticle } from './knowledge-article.entity';
import { rankArticles, ReportSymptoms } from './rules/knowledge-match';

/** Knowledge-base answers for a report's symptoms: shown on the form before submitting, and in triage. */
@Injectable()
export class SuggestArticles {
  constructor(private readonly incidents: IncidentsRepository) {}

  async forReport(report: ReportSymptoms, limit = 3): Promise<KnowledgeArticle[]> {
    return rankArticles(await this.incidents.publishedArticles(), report, limit).map((r) => r.article);
  }

  list(includeUnpublished = false): Promise<KnowledgeArticle[]> {
    return includeUnpublished ? this.incidents.allArticles() : this.incidents.publishedArticles();
  }
}

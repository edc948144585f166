import { Injectable } from '@nestjs/common';

import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeArticleRepository } from './knowledge-article.repository';
import { type ArticleCategory, type ArticleStatus, deflectionRate, reviewOverdue } from './rules/article-rules';
import { codeTerms, statusTerms } from './rules/search-terms';

const OSLO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Norway, the day review dates are counted in. */
export const osloToday = (now = new Date()) => OSLO_DAY.format(now);

export interface ArticleFilter {
  text?: string;
  status?: ArticleStatus;
  category?: ArticleCategory;
  service?: string;
  /** Only articles whose review is due today or earlier. */
  reviewDue?: boolean;
}

export interface ArticleListItem {
  article: KnowledgeArticle;
  reviewOverdue: boolean;
  shown: number;
  helped: number;
  deflectionRate: number | null;
}

// Staff see the whole knowledge base on one page; a few hundred articles at most.
const STAFF_LIMIT = 500;

/**
 * Full-text search of the knowledge base in bokmål and nynorsk, error codes and HTTP statuses,
 * best match first: staff over every article with filters, the portal's help pages over the published ones.
 */
@Injectable()
export class SearchArticles {
  constructor(private readonly repo: KnowledgeArticleRepository) {}

  async staff(filter: ArticleFilter, today = osloToday()): Promise<ArticleListItem[]> {
    const articles = await this.find(filter.text ?? '', {
      status: filter.status ? [filter.status] : undefined,
      category: filter.category,
      service: filter.service,
      reviewDueBy: filter.reviewDue ? today : undefined,
      limit: STAFF_LIMIT,
    });
    const counts = new Map((await this.repo.deflectionCounts(articles.map((a) => a.id))).map((c) => [c.articleId, c]));
    return articles.map((article) => {
      const { shown = 0, helped = 0 } = counts.get(article.id) ?? {};
      return {
        article,
        reviewOverdue: reviewOverdue(article.reviewDue, today),
        shown,
        helped,
        deflectionRate: deflectionRate(shown, helped),
      };
    });
  }

  published(text: string, filter: { category?: ArticleCategory; service?: string } = {}, limit = 100): Promise<KnowledgeArticle[]> {
    return this.find(text, { ...filter, status: ['published'], limit });
  }

  private async find(
    text: string,
    filter: { status?: ArticleStatus[]; category?: ArticleCategory; service?: string; reviewDueBy?: string; limit: number },
  ): Promise<KnowledgeArticle[]> {
    const hits = await this.repo.search({ text, codes: codeTerms(text), statuses: statusTerms(text), ...filter });
    const byId = new Map((await this.repo.byIds(hits.map((h) => h.id))).map((a) => [a.id, a]));
    return hits.map((h) => byId.get(h.id)).filter((a): a is KnowledgeArticle => !!a);
  }
}

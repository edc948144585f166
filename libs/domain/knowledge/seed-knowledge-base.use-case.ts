import { SYSTEM_ACTOR } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { ArticleVersions } from './article-versions';
import { KnowledgeArticleRepository } from './knowledge-article.repository';
import { KNOWLEDGE_BASE_SEED } from './knowledge-base.seed';
import type { ArticleContent } from './rules/article-rules';
import { osloToday } from './search-articles.use-case';

// Seeded facts are checked again within a year.
const REVIEW_AFTER_DAYS = 365;

function inDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * KS's FAQ, published from the first start; idempotent. An article staff have edited is left
 * alone; one still as the first seed left it (version 1 without a body) gets the full article.
 */
@Injectable()
export class SeedKnowledgeBase {
  constructor(
    private readonly db: DatabaseContext,
    private readonly articles: KnowledgeArticleRepository,
    private readonly versions: ArticleVersions,
  ) {}

  async execute(): Promise<{ created: number; updated: number }> {
    return this.db.transaction(async () => {
      let created = 0;
      let updated = 0;
      const reviewDue = inDays(osloToday(), REVIEW_AFTER_DAYS);
      for (const seed of KNOWLEDGE_BASE_SEED) {
        const content: ArticleContent = { ...seed, ownerId: null, reviewDue: seed.reviewDue ?? reviewDue };
        const existing = await this.articles.findBySlug(seed.slug);
        if (!existing) {
          const article = await this.articles.insert({ ...content, status: 'published', publishedAt: new Date(), version: 1 });
          await this.articles.insertVersion({
            articleId: article.id,
            version: 1,
            content: { ...content },
            note: 'seeded',
            savedBy: SYSTEM_ACTOR.label,
          });
          created++;
        } else if (existing.version === 1 && !existing.body && seed.body) {
          await this.versions.save(existing, { ...content, ownerId: existing.ownerId }, SYSTEM_ACTOR);
          updated++;
        }
      }
      return { created, updated };
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { KnowledgeArticle } from './knowledge-article.entity';

/** The only database access of the knowledge base. */
@Injectable()
export class KnowledgeArticleRepository {
  constructor(private readonly db: DatabaseContext) {}

  published(): Promise<KnowledgeArticle[]> {
    return this.db.repository(KnowledgeArticle).find({ where: { published: true }, order: { title: 'ASC' } });
  }

  all(): Promise<KnowledgeArticle[]> {
    return this.db.repository(KnowledgeArticle).find({ order: { title: 'ASC' } });
  }

  /** Inserts the article unless one with its slug exists; an existing article is left as staff may have edited it. */
  async insertUnlessSlugExists(article: Partial<KnowledgeArticle> & { slug: string }): Promise<'created' | 'unchanged'> {
    const existing = await this.db.repository(KnowledgeArticle).findOneBy({ slug: article.slug });
    if (existing) return 'unchanged';
    await this.db.repository(KnowledgeArticle).insert(article as never);
    return 'created';
  }
}

import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { ArticleSlugTaken } from './knowledge.exceptions';
import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeArticleRepository } from './knowledge-article.repository';
import { articleContent, type ArticleInput } from './knowledge-article-content';

/** A new article, as a draft at version 1. */
@Injectable()
export class CreateArticle {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: KnowledgeArticleRepository,
    private readonly audit: RecordAudit,
  ) {}

  async execute(input: ArticleInput, actor: Actor): Promise<KnowledgeArticle> {
    const content = articleContent(input);
    return this.db.transaction(async () => {
      if (await this.repo.findBySlug(content.slug)) throw new ArticleSlugTaken(content.slug);
      const article = await this.repo.insert({ ...content, status: 'draft', version: 1 });
      await this.repo.insertVersion({ articleId: article.id, version: 1, content: { ...content }, note: 'created', savedBy: actor.label });
      await this.audit.execute({
        actor,
        action: 'knowledge_article.created',
        objectType: 'knowledge_article',
        objectId: article.id,
        after: { slug: content.slug, title: content.title },
      });
      return article;
    });
  }
}

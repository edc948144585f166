import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { ArticleNotFound, ArticleStatusRefused } from './knowledge.exceptions';
import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeArticleRepository } from './knowledge-article.repository';
import { type ArticleStatus, canChangeStatus } from './rules/article-rules';

/** Publishes, archives or takes an article back to draft. */
@Injectable()
export class ChangeArticleStatus {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: KnowledgeArticleRepository,
    private readonly audit: RecordAudit,
  ) {}

  async execute(id: string, status: ArticleStatus, actor: Actor): Promise<KnowledgeArticle> {
    return this.db.transaction(async () => {
      const article = await this.repo.lock(id);
      if (!article) throw new ArticleNotFound();
      if (!canChangeStatus(article.status, status)) throw new ArticleStatusRefused(article.status, status);
      const publishing = status === 'published';
      const archiving = status === 'archived';
      await this.repo.update(id, { status, ...(publishing ? { publishedAt: new Date() } : {}) });
      await this.audit.execute({
        actor,
        action: publishing ? 'knowledge_article.published' : archiving ? 'knowledge_article.archived' : 'knowledge_article.unpublished',
        objectType: 'knowledge_article',
        objectId: id,
        before: { status: article.status },
        after: { status, version: article.version },
      });
      return (await this.repo.find(id))!;
    });
  }
}

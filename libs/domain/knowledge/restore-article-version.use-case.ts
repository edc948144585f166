import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { ArticleVersions } from './article-versions';
import { ArticleNotFound, ArticleVersionNotFound } from './knowledge.exceptions';
import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeArticleRepository } from './knowledge-article.repository';
import { articleContent, type ArticleInput } from './knowledge-article-content';

/** Brings back what an earlier version said, saved as the newest version (history is never rewritten). */
@Injectable()
export class RestoreArticleVersion {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: KnowledgeArticleRepository,
    private readonly versions: ArticleVersions,
  ) {}

  async execute(id: string, version: number, actor: Actor): Promise<KnowledgeArticle> {
    return this.db.transaction(async () => {
      const article = await this.repo.lock(id);
      if (!article) throw new ArticleNotFound();
      const old = await this.repo.version(id, version);
      if (!old) throw new ArticleVersionNotFound();
      await this.versions.save(article, articleContent(old.content as unknown as ArticleInput), actor, version);
      return (await this.repo.find(id))!;
    });
  }
}

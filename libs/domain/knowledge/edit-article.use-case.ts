import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { ArticleVersions } from './article-versions';
import { ArticleEditedMeanwhile, ArticleNotFound } from './knowledge.exceptions';
import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeArticleRepository } from './knowledge-article.repository';
import { articleContent, type ArticleInput } from './knowledge-article-content';

/** Saves an article's content as its next version; nothing when nothing changed. */
@Injectable()
export class EditArticle {
  constructor(
    private readonly db: DatabaseContext,
    private readonly repo: KnowledgeArticleRepository,
    private readonly versions: ArticleVersions,
  ) {}

  /** `editedVersion`: the version the editor was opened on; another save since then is refused rather than overwritten. */
  async execute(
    id: string,
    input: ArticleInput,
    actor: Actor,
    editedVersion?: number,
  ): Promise<{ article: KnowledgeArticle; changed: string[] }> {
    const content = articleContent(input);
    return this.db.transaction(async () => {
      const article = await this.repo.lock(id);
      if (!article) throw new ArticleNotFound();
      if (editedVersion !== undefined && editedVersion !== article.version)
        throw new ArticleEditedMeanwhile(editedVersion, article.version);
      const changed = await this.versions.save(article, content, actor);
      return { article: (await this.repo.find(id))!, changed };
    });
  }
}

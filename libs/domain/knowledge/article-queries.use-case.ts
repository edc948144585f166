import { Injectable } from '@nestjs/common';

import { ArticleNotFound, ArticleVersionNotFound } from './knowledge.exceptions';
import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeArticleRepository } from './knowledge-article.repository';
import { CONTENT_FIELDS } from './knowledge-article-content';
import { KnowledgeArticleVersion } from './knowledge-article-version.entity';
import { deflectionRate } from './rules/article-rules';
import { diffFields, type FieldChange } from './rules/version-diff';

export interface ArticleDetail {
  article: KnowledgeArticle;
  versions: KnowledgeArticleVersion[];
  shown: number;
  helped: number;
  deflectionRate: number | null;
}

/** Reading articles: one with its history and counts for staff, a published one by its slug for everyone. */
@Injectable()
export class ArticleQueries {
  constructor(private readonly repo: KnowledgeArticleRepository) {}

  async detail(id: string): Promise<ArticleDetail> {
    const article = await this.repo.find(id);
    if (!article) throw new ArticleNotFound();
    const [counts] = await this.repo.deflectionCounts([id]);
    const shown = counts?.shown ?? 0;
    const helped = counts?.helped ?? 0;
    return { article, versions: await this.repo.versions(id), shown, helped, deflectionRate: deflectionRate(shown, helped) };
  }

  async publishedBySlug(slug: string): Promise<KnowledgeArticle> {
    const article = await this.repo.findBySlug(slug);
    if (!article || article.status !== 'published') throw new ArticleNotFound();
    return article;
  }

  /** One earlier version and what changed from it to the article as it is now. */
  async version(
    id: string,
    version: number,
  ): Promise<{ article: KnowledgeArticle; version: KnowledgeArticleVersion; changes: FieldChange[] }> {
    const article = await this.repo.find(id);
    if (!article) throw new ArticleNotFound();
    const old = await this.repo.version(id, version);
    if (!old) throw new ArticleVersionNotFound();
    return { article, version: old, changes: diffFields(old.content, article as unknown as Record<string, unknown>, CONTENT_FIELDS) };
  }
}

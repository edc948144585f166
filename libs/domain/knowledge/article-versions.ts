import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { ArticleSlugTaken } from './knowledge.exceptions';
import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeArticleRepository } from './knowledge-article.repository';
import { CONTENT_FIELDS } from './knowledge-article-content';
import type { ArticleContent } from './rules/article-rules';
import { diffFields } from './rules/version-diff';

/** Saving content as an article's next version: the one way editing and restoring write, inside their transaction. */
@Injectable()
export class ArticleVersions {
  constructor(
    private readonly repo: KnowledgeArticleRepository,
    private readonly audit: RecordAudit,
  ) {}

  /**
   * The changed fields, or none when `content` is what the article already says (then nothing
   * is saved). `restoredFrom`: the earlier version whose content this is.
   */
  async save(article: KnowledgeArticle, content: ArticleContent, actor: Actor, restoredFrom?: number): Promise<string[]> {
    const changed = diffFields(
      article as unknown as Record<string, unknown>,
      content as unknown as Record<string, unknown>,
      CONTENT_FIELDS,
    ).map((c) => c.field);
    if (!changed.length) return [];
    if (content.slug !== article.slug && (await this.repo.findBySlug(content.slug))) throw new ArticleSlugTaken(content.slug);
    const version = article.version + 1;
    const note = restoredFrom ? `restored from version ${restoredFrom}` : 'edited';
    await this.repo.update(article.id, { ...content, version });
    await this.repo.insertVersion({ articleId: article.id, version, content: { ...content }, note, savedBy: actor.label });
    await this.audit.execute({
      actor,
      action: restoredFrom ? 'knowledge_article.restored' : 'knowledge_article.edited',
      objectType: 'knowledge_article',
      objectId: article.id,
      details: { version, changed, note },
    });
    return changed;
  }
}

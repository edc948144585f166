import { Injectable } from '@nestjs/common';
import { ValidationFailed } from '@platform/errors';

import { ArticleNotFound } from './knowledge.exceptions';
import { KnowledgeArticleRepository } from './knowledge-article.repository';
import type { DeflectionKind } from './rules/article-rules';

export const DEFLECTION_CHANNELS = ['report', 'ticket', 'api'] as const;
export type DeflectionChannel = (typeof DEFLECTION_CHANNELS)[number];

export interface DeflectionEvent {
  articleId: string;
  kind: DeflectionKind;
  channel: DeflectionChannel;
  /** The form being filled in (its submission id) or the client's own key: one count of each kind per session. */
  session: string;
  consumerId: string | null;
}

const SESSION = /^[\w.:-]{8,100}$/;

/** Counts that a published article was suggested, or that it made sending a report or ticket unnecessary. */
@Injectable()
export class RecordDeflection {
  constructor(private readonly repo: KnowledgeArticleRepository) {}

  async execute(event: DeflectionEvent): Promise<{ counted: boolean }> {
    if (!SESSION.test(event.session))
      throw new ValidationFailed([{ field: 'session', message: 'must be 8 to 100 letters, digits, dots, colons, dashes or underscores' }]);
    const article = await this.repo.find(event.articleId);
    if (!article || article.status !== 'published') throw new ArticleNotFound();
    return { counted: await this.repo.recordDeflection(event) };
  }

  /** The articles shown on one form, each counted once per session. */
  async shown(articleIds: string[], session: string, channel: DeflectionChannel, consumerId: string | null): Promise<void> {
    for (const articleId of articleIds) await this.execute({ articleId, kind: 'shown', channel, session, consumerId });
  }
}

import { Conflict, NotFound, ValidationFailed } from '@platform/errors';

import type { ContentProblem } from './rules/article-rules';

export class ArticleNotFound extends NotFound {
  constructor() {
    super('The knowledge-base article', 'knowledge_article_not_found');
  }
}

export class ArticleVersionNotFound extends NotFound {
  constructor() {
    super('The version of the knowledge-base article', 'knowledge_article_version_not_found');
  }
}

export class InvalidArticle extends ValidationFailed {
  constructor(problems: ContentProblem[]) {
    super(problems, 'validation_failed');
  }
}

export class ArticleSlugTaken extends Conflict {
  constructor(slug: string) {
    super('knowledge_article_slug_taken', `Another article has the slug ${slug}.`, [
      { field: 'slug', message: 'is taken by another article' },
    ]);
  }
}

export class ArticleEditedMeanwhile extends Conflict {
  constructor(edited: number, current: number) {
    super('knowledge_article_edited_meanwhile', `Version ${edited} was edited; the article is at version ${current} now.`);
  }
}

export class ArticleStatusRefused extends Conflict {
  constructor(from: string, to: string) {
    super('knowledge_article_status_refused', `An article that is ${from} cannot become ${to}.`);
  }
}

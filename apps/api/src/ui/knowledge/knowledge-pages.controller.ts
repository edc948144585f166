import { SuggestArticles } from '@domain/knowledge';
import { Get, Render } from '@nestjs/common';

import { StaffPage } from '../../auth/access.decorator';
import { PagesController } from '../shared/pages-controller';
import { KNOWLEDGE_TEXTS } from './knowledge.texts.nb';

/** The first-line answers staff and the report forms offer. */
@PagesController('knowledge-base')
export class KnowledgePagesController {
  constructor(private readonly articles: SuggestArticles) {}

  @Get()
  @StaffPage('knowledge-article.read')
  @Render('incidents/knowledge-base')
  async knowledgeBase() {
    return { title: KNOWLEDGE_TEXTS.title, articles: await this.articles.list(true) };
  }
}

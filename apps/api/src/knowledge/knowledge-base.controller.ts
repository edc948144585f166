import { SuggestArticles } from '@domain/knowledge';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../auth/access.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { KnowledgeArticleResponse } from './knowledge-article.dto';

@ApiTags('knowledge base')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('api/v1/knowledge-base')
export class KnowledgeBaseController {
  constructor(private readonly articles: SuggestArticles) {}

  @Get()
  @Allow('knowledge-article.read')
  @ApiOperation({
    summary: 'List knowledge-base articles',
    description: 'Every published first-line answer to a known consumer-side cause.',
  })
  @ApiOkResponse({ type: [KnowledgeArticleResponse] })
  async list() {
    return (await this.articles.list()).map((a) => KnowledgeArticleResponse.from(a));
  }
}

import { ArticleQueries, SearchArticles } from '@domain/knowledge';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Public } from '../auth/access.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { ArticleSearchQueryDto } from './knowledge.dto';
import { PublicArticleResponse } from './knowledge-article.dto';

/** The published articles are KS's public help: readable without signing in. */
@ApiTags('knowledge base')
@ApiProblems(400)
@Controller('api/v1/knowledge/articles')
export class PublicHelpController {
  constructor(
    private readonly search: SearchArticles,
    private readonly queries: ArticleQueries,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Search the published articles',
    description: 'Full-text search in bokmål and nynorsk, and error codes; best match first.',
  })
  @ApiOkResponse({ type: [PublicArticleResponse] })
  async list(@Query() q: ArticleSearchQueryDto) {
    return (await this.search.published(q.q ?? '', { category: q.category })).map((a) => PublicArticleResponse.from(a));
  }

  @Get(':slug')
  @Public()
  @ApiProblems(404)
  @ApiOperation({ summary: 'Read a published article', description: 'One published article by its slug, with the whole text in Markdown.' })
  @ApiOkResponse({ type: PublicArticleResponse })
  async one(@Param('slug') slug: string) {
    return PublicArticleResponse.from(await this.queries.publishedBySlug(slug));
  }
}

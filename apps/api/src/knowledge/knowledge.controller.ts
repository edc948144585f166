import { RecordDeflection, SuggestArticlesForText } from '@domain/knowledge';
import type { Principal } from '@domain/shared';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { RecordDeflectionDto, SuggestionsQueryDto } from './knowledge.dto';
import { ArticleSuggestionResponse, DeflectionRecordedResponse } from './knowledge-article.dto';

@ApiTags('knowledge base')
@ApiBearerAuth()
@ApiProblems(400, 401, 403)
@Controller('api/v1/knowledge')
export class KnowledgeController {
  constructor(
    private readonly suggestions: SuggestArticlesForText,
    private readonly deflections: RecordDeflection,
  ) {}

  @Get('suggestions')
  @Allow('knowledge-article.read')
  @ApiOperation({
    summary: 'Suggest articles for a text',
    description:
      'The published articles that best fit what a consumer or staff member has written (bokmål or nynorsk, error codes), at most three.',
  })
  @ApiOkResponse({ type: [ArticleSuggestionResponse] })
  async suggest(@Query() q: SuggestionsQueryDto) {
    return (await this.suggestions.execute({ text: q.q, service: q.service })).map((a) => ArticleSuggestionResponse.from(a));
  }

  @Post('deflections')
  @HttpCode(200)
  @Allow('knowledge-article.read')
  @ApiProblems(404)
  @ApiOperation({
    summary: 'Count a suggestion shown, or one that solved the case',
    description: 'Counts once per article, kind and session; a repeat answers `counted: false`.',
  })
  @ApiOkResponse({ type: DeflectionRecordedResponse })
  record(@Body() body: RecordDeflectionDto, @CurrentPrincipal() caller: Principal) {
    const consumerId = caller.kind === 'consumer' ? caller.consumerId : null;
    return this.deflections.execute({ ...body, channel: body.channel ?? 'api', consumerId });
  }
}

import { SuggestArticles } from '@domain/knowledge';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { ConsumerOrStaff } from '../auth/access.decorator';

@ApiTags('knowledge base')
@ApiBearerAuth()
@Controller('api/v1/knowledge-base')
export class KnowledgeBaseController {
  constructor(private readonly articles: SuggestArticles) {}

  @Get()
  @ConsumerOrStaff()
  list() {
    return this.articles.list();
  }
}

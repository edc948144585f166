import type { Actor } from '@domain/shared';
import { ManageCannedResponses } from '@domain/support';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-principal.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { CreatedResource } from '../http/created-resource.decorator';
import { ApiIfMatch, IfMatch, VersionedResource } from '../http/entity-tag.decorator';
import { ParseUuid } from '../http/parse-uuid.pipe';
import { CannedResponseDto } from './ticket.dto';
import { CannedResponseResponse } from './ticket-responses.dto';

const NOT_FOUND = [404, 'canned_response_not_found'] as const;
const PLACEHOLDER_PROBLEM = [400, 'Invalid input; unknown_placeholder names `body`'] as const;

@ApiTags('tickets')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('api/v1/canned-responses')
export class CannedResponsesController {
  constructor(private readonly canned: ManageCannedResponses) {}

  @Get()
  @Allow('ticket.manage')
  @ApiOperation({ summary: 'List canned responses and macros', description: 'By title.' })
  @ApiOkResponse({ type: [CannedResponseResponse] })
  async list() {
    return (await this.canned.list()).map((c) => CannedResponseResponse.from(c));
  }

  @Get(':id')
  @Allow('ticket.manage')
  @ApiOperation({ summary: 'Get a canned response', description: 'With its version, to send back in If-Match.' })
  @ApiProblems(400, NOT_FOUND)
  @VersionedResource(CannedResponseResponse)
  async one(@Param('id', ParseUuid) id: string) {
    return CannedResponseResponse.from(await this.canned.get(id));
  }

  @Post()
  @Allow('canned-response.manage')
  @ApiOperation({
    summary: 'Create a canned response',
    description:
      'Placeholders {{navn}}, {{referanse}}, {{kommune}} and {{emne}} are filled as plain text per ticket; with `setStatus` it is a macro.',
  })
  @ApiProblems(PLACEHOLDER_PROBLEM)
  @CreatedResource(CannedResponseResponse, '/api/v1/canned-responses/:id')
  async create(@Body() body: CannedResponseDto, @CurrentActor() actor: Actor) {
    return CannedResponseResponse.from(await this.canned.save(null, body, actor));
  }

  @Put(':id')
  @Allow('canned-response.manage')
  @ApiOperation({
    summary: 'Change a canned response',
    description: 'Its title, text and (for a macro) status; answers already sent keep their words.',
  })
  @ApiProblems(PLACEHOLDER_PROBLEM, NOT_FOUND, [412, 'canned_response_changed: it was changed since the version in If-Match'])
  @VersionedResource(CannedResponseResponse)
  @ApiIfMatch()
  async update(
    @Param('id', ParseUuid) id: string,
    @Body() body: CannedResponseDto,
    @CurrentActor() actor: Actor,
    @IfMatch() versions?: string[],
  ) {
    return CannedResponseResponse.from(await this.canned.save(id, body, actor, versions));
  }

  @Delete(':id')
  @Allow('canned-response.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a canned response', description: 'Answers already sent with it are kept.' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, NOT_FOUND)
  async remove(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor) {
    await this.canned.delete(id, actor);
  }
}

import { CreateApiToken, ListApiTokens, RevokeApiToken } from '@domain/identity';
import type { Actor, StaffPrincipal } from '@domain/shared';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';

import { Allow } from '../auth/access.decorator';
import { CurrentActor, CurrentStaff } from '../auth/current-principal.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { ParseUuid } from '../http/parse-uuid.pipe';
import { ApiTokenResponse, CreateApiTokenDto, CreatedApiTokenResponse } from './identity.dto';

@ApiTags('identity')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('api/v1/api-tokens')
// Every role, viewers included, may hold personal tokens (a viewer's token can still only read).
export class ApiTokensController {
  constructor(
    private readonly create: CreateApiToken,
    private readonly list: ListApiTokens,
    private readonly revoke: RevokeApiToken,
  ) {}

  @Get()
  @Allow('api-token.manage')
  @ApiOperation({ summary: 'List API tokens', description: "The caller's personal API tokens; an admin may ask for everyone's." })
  @ApiQuery({ name: 'all', required: false, enum: ['true', 'false'], description: "Admins: `true` lists every staff member's tokens" })
  @ApiOkResponse({ type: [ApiTokenResponse] })
  async all(@CurrentStaff() me: StaffPrincipal, @Query('all') all?: string) {
    return (await this.list.execute(me, all === 'true')).map((t) => ApiTokenResponse.from(t));
  }

  @Post()
  @Allow('api-token.manage')
  @ApiOperation({
    summary: 'Create an API token',
    description: 'A personal token with the rights of its owner. The token is in this answer only; the desk keeps its SHA-256.',
  })
  @ApiCreatedResponse({ type: CreatedApiTokenResponse })
  @ApiProblems(400)
  async add(@CurrentStaff() me: StaffPrincipal, @Body() body: CreateApiTokenDto, @CurrentActor() actor: Actor) {
    return CreatedApiTokenResponse.from(await this.create.execute(me, body.name, actor));
  }

  @Delete(':id')
  @Allow('api-token.manage')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke an API token',
    description: 'Revokes one of your own tokens (an admin: anyone’s); it stops working at once.',
  })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(400, 404)
  async remove(@CurrentStaff() me: StaffPrincipal, @Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.revoke.execute(me, id, actor);
  }
}

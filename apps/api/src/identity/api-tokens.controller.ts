import { CreateApiToken } from '@domain/identity';
import { ListApiTokens } from '@domain/identity';
import { RevokeApiToken } from '@domain/identity';
import type { Actor, StaffPrincipal } from '@domain/shared';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { Staff } from '../auth/access.decorator';
import { CurrentActor, CurrentStaff } from '../auth/current-principal.decorator';
import { CreateApiTokenDto } from './identity.dto';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('api/v1/api-tokens')
// Every role, viewers included, may hold personal tokens (a viewer's token can still only read).
@Staff('admin', 'agent', 'security', 'viewer')
export class ApiTokensController {
  constructor(
    private readonly create: CreateApiToken,
    private readonly list: ListApiTokens,
    private readonly revoke: RevokeApiToken,
  ) {}

  @Get()
  all(@CurrentStaff() me: StaffPrincipal, @Query('all') all?: string) {
    return this.list.execute(me, all === 'true');
  }

  @Post()
  add(@CurrentStaff() me: StaffPrincipal, @Body() body: CreateApiTokenDto, @CurrentActor() actor: Actor) {
    return this.create.execute(me, body.name, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentStaff() me: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.revoke.execute(me, id, actor);
  }
}

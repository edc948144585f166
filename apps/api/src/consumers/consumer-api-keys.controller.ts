import { CreateConsumerApiKey } from '@domain/consumers';
import { ListConsumerApiKeys } from '@domain/consumers';
import { RevokeConsumerApiKey } from '@domain/consumers';
import type { Actor } from '@domain/shared';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';

import { Staff, StaffWriter } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-principal.decorator';
import { CreateConsumerApiKeyDto, CreatedConsumerApiKeyDto } from './consumers.dto';

@ApiTags('consumers')
@ApiBearerAuth()
@Controller('api/v1/consumers/:id/api-keys')
export class ConsumerApiKeysController {
  constructor(
    private readonly create: CreateConsumerApiKey,
    private readonly list: ListConsumerApiKeys,
    private readonly revoke: RevokeConsumerApiKey,
  ) {}

  @Get()
  @Staff()
  all(@Param('id', ParseUUIDPipe) id: string) {
    return this.list.execute(id);
  }

  @Post()
  @StaffWriter()
  @ApiCreatedResponse({ type: CreatedConsumerApiKeyDto })
  add(@Param('id', ParseUUIDPipe) id: string, @Body() body: CreateConsumerApiKeyDto, @CurrentActor() actor: Actor) {
    return this.create.execute(id, body?.name, actor);
  }

  @Delete(':keyId')
  @StaffWriter()
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string, @Param('keyId', ParseUUIDPipe) keyId: string, @CurrentActor() actor: Actor) {
    return this.revoke.execute(id, keyId, actor);
  }
}

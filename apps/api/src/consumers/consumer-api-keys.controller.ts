import { CreateConsumerApiKey, ListConsumerApiKeys, RevokeConsumerApiKey } from '@domain/consumers';
import type { Actor } from '@domain/shared';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-principal.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { ParseUuid } from '../http/parse-uuid.pipe';
import { ConsumerApiKeyResponse, CreatedConsumerApiKeyResponse } from './consumer-responses.dto';
import { CreateConsumerApiKeyDto } from './consumers.dto';

@ApiTags('consumers')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('api/v1/consumers/:id/api-keys')
export class ConsumerApiKeysController {
  constructor(
    private readonly create: CreateConsumerApiKey,
    private readonly list: ListConsumerApiKeys,
    private readonly revoke: RevokeConsumerApiKey,
  ) {}

  @Get()
  @Allow('consumer-api-key.read')
  @ApiOperation({
    summary: "List a consumer's API keys",
    description: 'Every key of the consumer, revoked ones included; never the key itself.',
  })
  @ApiOkResponse({ type: [ConsumerApiKeyResponse] })
  @ApiProblems(400, 404)
  async all(@Param('id', ParseUuid) id: string) {
    return (await this.list.execute(id)).map((k) => ConsumerApiKeyResponse.from(k));
  }

  @Post()
  @Allow('consumer-api-key.manage')
  @ApiOperation({
    summary: 'Create an API key',
    description: 'A new key for the consumer to call the API with. The key is in this answer only; the desk keeps its SHA-256.',
  })
  @ApiCreatedResponse({ type: CreatedConsumerApiKeyResponse })
  @ApiProblems(400, 404, [422, 'consumer_terminated: reactivate the consumer first'])
  async add(@Param('id', ParseUuid) id: string, @Body() body: CreateConsumerApiKeyDto, @CurrentActor() actor: Actor) {
    return CreatedConsumerApiKeyResponse.from(await this.create.execute(id, body?.name, actor));
  }

  @Delete(':keyId')
  @Allow('consumer-api-key.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key', description: 'The key stops working at once.' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(400, [404, 'consumer_not_found or api_key_not_found'])
  async remove(@Param('id', ParseUuid) id: string, @Param('keyId', ParseUuid) keyId: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.revoke.execute(id, keyId, actor);
  }
}

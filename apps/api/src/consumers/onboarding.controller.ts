import { AdvanceOnboarding, GetOnboardingQueue, ReorderOnboardingQueue, UpdateOnboardingChecklist } from '@domain/consumers';
import type { Actor } from '@domain/shared';
import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-principal.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { ParseUuid } from '../http/parse-uuid.pipe';
import { QueueItemResponse, ServiceAccessResponse } from './consumer-responses.dto';
import { AdvanceOnboardingDto, MoveQueueItemDto, OnboardingChecklistDto, ReorderQueueDto } from './consumers.dto';

@ApiTags('onboarding')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('api/v1')
export class OnboardingController {
  constructor(
    private readonly advance: AdvanceOnboarding,
    private readonly checklist: UpdateOnboardingChecklist,
    private readonly queue: GetOnboardingQueue,
    private readonly reorder: ReorderOnboardingQueue,
  ) {}

  @Post('consumers/:id/onboarding/:code/advance')
  @Allow('onboarding.manage')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Advance onboarding one step',
    description: 'Steps go one at a time, in order; going live needs every applicable checklist item checked and a technical contact.',
  })
  @ApiOkResponse({ type: ServiceAccessResponse })
  @ApiProblems(
    400,
    [404, 'consumer_not_found or service_access_not_found'],
    [409, 'onboarding_step_order: not the next step'],
    [422, 'onboarding_checklist_incomplete or technical_contact_required'],
  )
  async advanceStep(
    @Param('id', ParseUuid) id: string,
    @Param('code') code: string,
    @Body() body: AdvanceOnboardingDto,
    @CurrentActor() actor: Actor,
  ) {
    return ServiceAccessResponse.from(await this.advance.execute(id, code, body.to, body.note, actor));
  }

  @Patch('consumers/:id/onboarding/:code/checklist')
  @Allow('onboarding.manage')
  @ApiOperation({
    summary: 'Tick the onboarding checklist',
    description: 'Checks or unchecks the items given; each mark records who and when.',
  })
  @ApiOkResponse({ type: ServiceAccessResponse })
  @ApiProblems(400, [404, 'consumer_not_found or service_access_not_found'])
  async tick(
    @Param('id', ParseUuid) id: string,
    @Param('code') code: string,
    @Body() body: OnboardingChecklistDto,
    @CurrentActor() actor: Actor,
  ) {
    return ServiceAccessResponse.from(await this.checklist.execute(id, code, { ...body }, actor));
  }

  @Get('onboarding/queue')
  @Allow('onboarding.read')
  @ApiOperation({ summary: 'Get the onboarding queue', description: 'Service access not yet connected, next in line first.' })
  @ApiOkResponse({ type: [QueueItemResponse] })
  async list() {
    return (await this.queue.execute()).map((q) => QueueItemResponse.from(q));
  }

  @Post('onboarding/queue/reorder')
  @Allow('onboarding.manage')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reorder the onboarding queue',
    description: 'The items named take the places they hold between them now, in the order given.',
  })
  @ApiOkResponse({ type: [QueueItemResponse], description: 'The whole queue in its new order' })
  @ApiProblems(400)
  async reorderQueue(@Body() body: ReorderQueueDto, @CurrentActor() actor: Actor) {
    return (await this.reorder.execute(body.ids, actor)).map((q) => QueueItemResponse.from(q));
  }

  @Post('onboarding/queue/:itemId/move')
  @Allow('onboarding.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a queue item', description: 'One place up or down among the items at the same step.' })
  @ApiOkResponse({ type: [QueueItemResponse], description: 'The whole queue in its new order' })
  @ApiProblems(400, [404, 'queue_item_not_found'])
  async move(@Param('itemId', ParseUuid) itemId: string, @Body() body: MoveQueueItemDto, @CurrentActor() actor: Actor) {
    return (await this.reorder.move(itemId, body.direction, actor)).map((q) => QueueItemResponse.from(q));
  }
}

import { AdvanceOnboarding } from '@domain/consumers';
import { GetOnboardingQueue } from '@domain/consumers';
import { ReorderOnboardingQueue } from '@domain/consumers';
import { UpdateOnboardingChecklist } from '@domain/consumers';
import type { Actor } from '@domain/shared';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { Staff, StaffWriter } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-principal.decorator';
import { AdvanceOnboardingDto, MoveQueueItemDto, OnboardingChecklistDto, ReorderQueueDto } from './consumers.dto';

@ApiTags('onboarding')
@ApiBearerAuth()
@Controller('api/v1')
export class OnboardingController {
  constructor(
    private readonly advance: AdvanceOnboarding,
    private readonly checklist: UpdateOnboardingChecklist,
    private readonly queue: GetOnboardingQueue,
    private readonly reorder: ReorderOnboardingQueue,
  ) {}

  @Post('consumers/:id/onboarding/:code/advance')
  @StaffWriter()
  @HttpCode(200)
  advanceStep(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('code') code: string,
    @Body() body: AdvanceOnboardingDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.advance.execute(id, code, body.to, body.note, actor);
  }

  @Patch('consumers/:id/onboarding/:code/checklist')
  @StaffWriter()
  tick(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('code') code: string,
    @Body() body: OnboardingChecklistDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.checklist.execute(id, code, { ...body }, actor);
  }

  @Get('onboarding/queue')
  @Staff()
  list() {
    return this.queue.execute();
  }

  @Post('onboarding/queue/reorder')
  @StaffWriter()
  @HttpCode(200)
  reorderQueue(@Body() body: ReorderQueueDto, @CurrentActor() actor: Actor) {
    return this.reorder.execute(body.ids, actor);
  }

  @Post('onboarding/queue/:itemId/move')
  @StaffWriter()
  @HttpCode(200)
  move(@Param('itemId', ParseUUIDPipe) itemId: string, @Body() body: MoveQueueItemDto, @CurrentActor() actor: Actor) {
    return this.reorder.move(itemId, body.direction, actor);
  }
}

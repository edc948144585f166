import { GetOnboardingQueue, ReorderOnboardingQueue } from '@domain/consumers';
import type { Actor } from '@domain/shared';
import { Body, Get, Param, Post, Render, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { FormBody, text } from '../shared/form-body';
import { PagesController } from '../shared/pages-controller';
import { onboardingViewModel } from './consumer.view-model';

/** The onboarding queue: the order in which consumers are connected. */
@PagesController('onboarding')
export class OnboardingPagesController {
  constructor(
    private readonly queue: GetOnboardingQueue,
    private readonly reorder: ReorderOnboardingQueue,
  ) {}

  @Get()
  @StaffPage('onboarding.read')
  @Render('consumers/onboarding')
  async board() {
    return onboardingViewModel(await this.queue.board());
  }

  @Post(':itemId/move')
  @StaffPage('onboarding.manage')
  async move(@Param('itemId', ParseUuid) itemId: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.reorder.move(itemId, text(body.direction) as 'up' | 'down', actor);
    res.redirect(`/onboarding#item-${itemId}`, 303);
  }

  @Post(':itemId/position')
  @StaffPage('onboarding.manage')
  async moveTo(@Param('itemId', ParseUuid) itemId: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.reorder.moveTo(itemId, Number(text(body.position)), actor);
    res.redirect(`/onboarding#item-${itemId}`, 303);
  }
}

import { RetryDomainEvent } from '@composition';
import type { Actor } from '@domain/shared';
import { Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import { ListDomainEvents } from '@platform/events';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { oneOf } from '../shared/form-body';
import { parseListQuery } from '../shared/list-query';
import { PagesController } from '../shared/pages-controller';
import { EVENTS_LIST, eventsListViewModel } from './events.view-model';

const STATUSES = ['pending', 'processing', 'done', 'failed'] as const;

/** The reactions between contexts (domain events): where a failed one is seen and given another try. */
@PagesController('events')
export class EventsPagesController {
  constructor(
    private readonly events: ListDomainEvents,
    private readonly retryEvent: RetryDomainEvent,
  ) {}

  @Get()
  @StaffPage('domain-event.read')
  @Render('events-list')
  async list(@Query() q: Record<string, unknown>) {
    const [status, list] = [oneOf(q.status, STATUSES), parseListQuery(q, EVENTS_LIST)];
    const [page, counts] = await Promise.all([this.events.page({ status }, { ...list, limit: list.pageSize }), this.events.counts()]);
    return eventsListViewModel(page, counts, status, list, q.done === 'retried' ? 'retried' : undefined);
  }

  @Post(':id/retry')
  @StaffPage('domain-event.retry')
  async retry(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.retryEvent.execute(id, actor);
    res.redirect('/events?status=failed&done=retried', 303);
  }
}

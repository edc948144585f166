import { ACK_ACTIONS, AcknowledgeNotice, ListConsumerNotices } from '@domain/notices';
import type { Actor, ConsumerPrincipal } from '@domain/shared';
import { Body, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { PortalPage } from '../../auth/access.decorator';
import { CurrentActor, CurrentConsumer } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { type FormBody, oneOf } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { PortalNoticesPage } from './notices.page';
import { portalNoticesViewModel } from './notices.view-model';

/** The consumer portal's notices: what reached the organisation, with "read" and "ready" for its users to confirm. */
@PagesController('portal/varsler')
export class PortalNoticePagesController {
  constructor(
    private readonly notices: ListConsumerNotices,
    private readonly acknowledge: AcknowledgeNotice,
  ) {}

  @Get()
  @PortalPage()
  @Render('notices/portal')
  async list(@CurrentConsumer() me: ConsumerPrincipal, @Query('done') done?: string) {
    // `done` names the notice just confirmed, so the thanks appear where the page scrolls to.
    return { ...portalNoticesViewModel(await this.notices.execute(me.consumerId)), done };
  }

  /** The link in a reminder: the same list, scrolled to the notice. */
  @Get(':id')
  @PortalPage()
  one(@Param('id', ParseUuid) id: string, @Res() res: FastifyReply) {
    res.redirect(`/portal/varsler#notice-${id}`, 303);
  }

  @Post(':id/acknowledge')
  @PortalPage()
  @PageForm(PortalNoticesPage)
  async confirm(
    @Param('id', ParseUuid) id: string,
    @Body() body: FormBody,
    @CurrentConsumer() me: ConsumerPrincipal,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    await this.acknowledge.forConsumer(me.consumerId, id, oneOf(body.action, ACK_ACTIONS) ?? 'read', actor);
    res.redirect(`/portal/varsler?done=${id}#notice-${id}`, 303);
  }
}

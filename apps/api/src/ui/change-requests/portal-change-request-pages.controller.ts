import { SubmitChangeRequest, SupportChangeRequest } from '@domain/change-requests';
import type { ConsumerPrincipal } from '@domain/shared';
import { Body, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { PortalPage } from '../../auth/access.decorator';
import { CurrentConsumer } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { SubmitChangeRequestForm, SupportChangeRequestForm } from './change-request.forms';
import { PortalRequestPage, PortalSubmitPage } from './change-request.page';
import { DONE_TEXTS } from './change-requests.texts.nb';

/** The portal's change requests: those on the organisation's services, a new one, and "we need this too". */
@PagesController('portal/change-requests')
export class PortalChangeRequestPagesController {
  constructor(
    private readonly page: PortalRequestPage,
    private readonly form: PortalSubmitPage,
    private readonly submitter: SubmitChangeRequest,
    private readonly supporter: SupportChangeRequest,
  ) {}

  @Get()
  @PortalPage()
  @Render('portal-change-requests/list')
  list(@CurrentConsumer() me: ConsumerPrincipal) {
    return this.page.list(me);
  }

  @Get('new')
  @PortalPage()
  @Render('portal-change-requests/new')
  newForm(@CurrentConsumer() me: ConsumerPrincipal) {
    return this.form.load(me, {});
  }

  @Post()
  @PortalPage()
  @PageForm(PortalSubmitPage)
  async submit(@CurrentConsumer() me: ConsumerPrincipal, @Body() body: SubmitChangeRequestForm, @Res() res: FastifyReply) {
    res.redirect(`/portal/change-requests/${(await this.submitter.execute(me, body)).id}?done=submitted`, 303);
  }

  @Get(':id')
  @PortalPage()
  @Render('portal-change-requests/request')
  async one(@CurrentConsumer() me: ConsumerPrincipal, @Param('id', ParseUuid) id: string, @Query('done') code?: string) {
    return { ...(await this.page.load(me, id)), done: DONE_TEXTS[code ?? ''] };
  }

  @Post(':id/support')
  @PortalPage()
  @PageForm(PortalRequestPage)
  async support(
    @CurrentConsumer() me: ConsumerPrincipal,
    @Param('id', ParseUuid) id: string,
    @Body() body: SupportChangeRequestForm,
    @Res() res: FastifyReply,
  ) {
    const result = await this.supporter.execute(me, id, body.useCase);
    res.redirect(`/portal/change-requests/${result.id}?done=${result.added ? 'supported' : 'already-supported'}`, 303);
  }
}

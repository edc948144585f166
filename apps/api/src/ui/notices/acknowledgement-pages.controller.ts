import { ACK_ACTIONS, AcknowledgeNotice } from '@domain/notices';
import { Body, Get, Param, Post, Render, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { Public } from '../../auth/access.decorator';
import { type FormBody, oneOf } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { AcknowledgementPage } from './notices.page';
import { NOTICE_TITLES } from './notices.texts.nb';

/**
 * The personal link in a notice e-mail: the page shows what it confirms and the buttons; only
 * the button (a POST) records anything, since mail scanners open links.
 */
@PagesController('varsler/kvittering')
export class AcknowledgementPagesController {
  constructor(private readonly acknowledge: AcknowledgeNotice) {}

  @Get(':token')
  @Public()
  @Render('notices/ack')
  async show(@Param('token') token: string) {
    return { title: NOTICE_TITLES.ack, layout: 'bare', token, state: await this.acknowledge.describe(token) };
  }

  @Post(':token')
  @Public()
  @PageForm(AcknowledgementPage)
  async confirm(@Param('token') token: string, @Body() body: FormBody, @Res() res: FastifyReply) {
    await this.acknowledge.byToken(token, oneOf(body.action, ACK_ACTIONS) ?? 'read');
    res.redirect(`/varsler/kvittering/${encodeURIComponent(token)}`, 303);
  }
}

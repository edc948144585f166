import type { Actor } from '@domain/shared';
import { ManageCannedResponses } from '@domain/support';
import { Body, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { expectedVersionsOf, type FormBody } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { DONE_TEXTS } from './support.texts.nb';
import { cannedInput } from './ticket.forms';
import { CannedResponsesPage } from './ticket.page';

/** Staff keep the canned responses and macros. */
@PagesController('canned-responses')
export class CannedResponsePagesController {
  constructor(
    private readonly page: CannedResponsesPage,
    private readonly canned: ManageCannedResponses,
  ) {}

  @Get()
  @StaffPage('canned-response.manage')
  @Render('support/canned')
  async all(@Query('done') code?: string) {
    return { ...(await this.page.load()), done: DONE_TEXTS[code ?? ''] };
  }

  @Post()
  @StaffPage('canned-response.manage')
  @PageForm(CannedResponsesPage)
  async create(@Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.canned.save(null, cannedInput(body), actor);
    res.redirect('/canned-responses?done=saved', 303);
  }

  @Post(':id')
  @StaffPage('canned-response.manage')
  @PageForm(CannedResponsesPage)
  async update(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.canned.save(id, cannedInput(body), actor, expectedVersionsOf(body));
    res.redirect('/canned-responses?done=saved', 303);
  }

  @Post(':id/delete')
  @StaffPage('canned-response.manage')
  @PageForm(CannedResponsesPage)
  async remove(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.canned.delete(id, actor);
    res.redirect('/canned-responses?done=deleted', 303);
  }
}

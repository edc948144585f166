import { AssessChangeRequest, ForwardChangeRequest, MergeChangeRequests, RecordChangeRequestAnswer } from '@domain/change-requests';
import type { Actor, Principal } from '@domain/shared';
import { Body, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor, CurrentPrincipal } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { type FormBody, text } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { redirectDone } from '../shared/redirect-done';
import { assessmentInput, boardQuery, mergeTarget } from './change-request.forms';
import { BoardPage, StaffRequestPage } from './change-request.page';
import { DONE_TEXTS } from './change-requests.texts.nb';

const done = (res: FastifyReply, id: string, code: string) => redirectDone(res, `/change-requests/${id}`, code);

/** The change request board and what staff do to a request: assess, merge, forward once, record the answer. */
@PagesController('change-requests')
export class ChangeRequestPagesController {
  constructor(
    private readonly board: BoardPage,
    private readonly page: StaffRequestPage,
    private readonly assessor: AssessChangeRequest,
    private readonly merger: MergeChangeRequests,
    private readonly forwarder: ForwardChangeRequest,
    private readonly answers: RecordChangeRequestAnswer,
  ) {}

  @Get()
  @StaffPage('change-request.read')
  @Render('change-requests/board')
  list(@CurrentPrincipal() caller: Principal, @Query() q: Record<string, unknown>) {
    return this.board.load(caller, boardQuery(q));
  }

  @Get(':id')
  @StaffPage('change-request.read')
  @Render('change-requests/request')
  async one(@CurrentPrincipal() caller: Principal, @Param('id', ParseUuid) id: string, @Query('done') code?: string) {
    return { ...(await this.page.load(caller, id)), done: DONE_TEXTS[code ?? ''] };
  }

  @Post(':id/assessment')
  @StaffPage('change-request.write')
  @PageForm(StaffRequestPage)
  async assess(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    const { notified, request } = await this.assessor.execute(id, assessmentInput(body), actor);
    done(res, id, request.status === 'declined' && notified ? 'declined' : 'assessed');
  }

  @Post(':id/merge')
  @StaffPage('change-request.write')
  @PageForm(StaffRequestPage)
  async merge(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    done(res, (await this.merger.merge(id, mergeTarget(body), actor)).survivor.id, 'merged');
  }

  @Post(':id/unmerge')
  @StaffPage('change-request.write')
  @PageForm(StaffRequestPage)
  async unmerge(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    done(res, (await this.merger.unmerge(id, actor)).restored.id, 'unmerged');
  }

  @Post(':id/forward')
  @StaffPage('change-request.forward')
  @PageForm(StaffRequestPage)
  async forward(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    const result = await this.forwarder.execute(id, { note: text(body.note) }, actor);
    done(res, id, result.alreadyForwarded ? 'already-forwarded' : 'forwarded');
  }

  @Post(':id/answer')
  @StaffPage('change-request.write')
  @PageForm(StaffRequestPage)
  async answer(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.answers.execute(id, { answer: text(body.answer) }, actor);
    done(res, id, 'answered');
  }
}

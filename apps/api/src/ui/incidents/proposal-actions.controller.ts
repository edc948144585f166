import { CorrectGrouping, IncidentQueries } from '@domain/incidents';
import type { Actor } from '@domain/shared';
import { Body, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor } from '../../auth/current-principal.decorator';
import { ActsOn } from '../../http/acts-on.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import type { FormBody } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { redirectDone } from '../shared/redirect-done';
import { proposalReturn } from './incident.forms';
import { ProposalDecisionPage } from './incident.page';

/** Staff's decision on a merge proposal, from the queue or an incident's page, which it returns to. */
@PagesController('incidents')
export class ProposalActionsController {
  constructor(
    private readonly queries: IncidentQueries,
    private readonly grouping: CorrectGrouping,
  ) {}

  @Post('proposals/:proposalId/accept')
  @StaffPage('incident.regroup')
  @ActsOn({ proposals: ['params.proposalId'] })
  @PageForm(ProposalDecisionPage)
  async accept(
    @Param('proposalId', ParseUuid) proposalId: string,
    @Body() body: FormBody,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    await this.grouping.decideProposal(proposalId, true, actor);
    redirectDone(res, await this.returnTo(body), 'accepted');
  }

  @Post('proposals/:proposalId/reject')
  @StaffPage('incident.regroup')
  @ActsOn({ proposals: ['params.proposalId'] })
  @PageForm(ProposalDecisionPage)
  async reject(
    @Param('proposalId', ParseUuid) proposalId: string,
    @Body() body: FormBody,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    await this.grouping.decideProposal(proposalId, false, actor);
    redirectDone(res, await this.returnTo(body), 'rejected');
  }

  /** After a merge the incident decided on may be gone: its reference leads to the survivor. */
  private async returnTo(body: FormBody): Promise<string> {
    const incident = proposalReturn(body);
    return incident ? `/incidents/${await this.queries.idOf(incident)}` : '/incidents';
  }
}

import { RecordSecurityStep, SecurityCases } from '@domain/incidents';
import type { Actor, StaffPrincipal } from '@domain/shared';
import { Body, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor, CurrentStaff } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { type FormBody, text } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { securityStepInput } from './security-case.forms';
import { SecurityCasePage } from './security-case.page';
import { securityCaseListViewModel, securityEvidenceViewModel } from './security-case.view-model';

/** The security track: every case's deadline, a case's checklist, and its printable evidence. */
@PagesController('security-cases')
export class SecurityCasePagesController {
  constructor(
    private readonly cases: SecurityCases,
    private readonly steps: RecordSecurityStep,
    private readonly casePage: SecurityCasePage,
  ) {}

  @Get()
  @StaffPage('incident.read')
  @Render('security-cases/list')
  async list(@CurrentStaff() me: StaffPrincipal) {
    return securityCaseListViewModel(await this.cases.list(me));
  }

  @Get(':incidentId')
  @StaffPage('incident.read')
  @Render('security-cases/case')
  one(@Param('incidentId', ParseUuid) incidentId: string, @Query('done') done: unknown, @CurrentStaff() me: StaffPrincipal) {
    return this.casePage.load(incidentId, me, text(done));
  }

  @Get(':incidentId/evidence')
  @StaffPage('security-case.read')
  @Render('security-cases/evidence')
  async evidence(@Param('incidentId', ParseUuid) incidentId: string, @CurrentStaff() me: StaffPrincipal) {
    return securityEvidenceViewModel(await this.cases.evidence(me, incidentId));
  }

  @Post(':incidentId/checklist')
  @StaffPage('security-case.manage')
  @PageForm(SecurityCasePage)
  async step(
    @Param('incidentId', ParseUuid) incidentId: string,
    @Body() body: FormBody,
    @CurrentStaff() me: StaffPrincipal,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    await this.steps.execute(me, incidentId, securityStepInput(body), actor);
    res.redirect(`/security-cases/${incidentId}?done=recorded`, 303);
  }
}

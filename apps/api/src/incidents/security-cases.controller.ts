import { RecordSecurityStep, SecurityCases } from '@domain/incidents';
import type { Actor, Principal } from '@domain/shared';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../auth/access.decorator';
import { CurrentActor, CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { ParseUuid } from '../http/parse-uuid.pipe';
import { SecurityStepDto } from './security-case.dto';
import { SecurityCaseEvidenceResponse, SecurityCaseResponse, SecurityCaseSummaryResponse } from './security-case-responses.dto';

@ApiTags('security cases')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('api/v1/security-cases')
export class SecurityCasesController {
  constructor(
    private readonly cases: SecurityCases,
    private readonly steps: RecordSecurityStep,
  ) {}

  @Get()
  @Allow('incident.read')
  @ApiOperation({
    summary: 'List security cases',
    description: 'Every security or privacy case with its 72-hour clock; the title only for the security role and administrators.',
  })
  @ApiOkResponse({ type: [SecurityCaseSummaryResponse] })
  async list(@CurrentPrincipal() caller: Principal) {
    return (await this.cases.list(caller)).map((c) => SecurityCaseSummaryResponse.from(c));
  }

  @Get(':incidentId')
  @Allow('incident.read')
  @ApiOperation({
    summary: 'Read a security case',
    description: 'Its reports, checklist and clock. security_case_restricted (403) for staff without the security role.',
  })
  @ApiOkResponse({ type: SecurityCaseResponse })
  @ApiProblems(404)
  async get(@Param('incidentId', ParseUuid) incidentId: string, @CurrentPrincipal() caller: Principal) {
    return SecurityCaseResponse.detail(await this.cases.get(caller, incidentId));
  }

  @Get(':incidentId/evidence')
  @Allow('security-case.read')
  @ApiOperation({
    summary: "Export a security case's evidence",
    description: "The timeline, decisions, checklist and who read the original personal data, for the municipality's own breach record.",
  })
  @ApiOkResponse({ type: SecurityCaseEvidenceResponse })
  @ApiProblems(404)
  async evidence(@Param('incidentId', ParseUuid) incidentId: string, @CurrentPrincipal() caller: Principal) {
    return SecurityCaseEvidenceResponse.evidence(await this.cases.evidence(caller, incidentId));
  }

  @Post(':incidentId/checklist')
  @HttpCode(200)
  @Allow('security-case.manage')
  @ApiOperation({
    summary: "Record a security case's checklist item",
    description: 'skeCalled (with calledName and calledAt), municipalityInformed, or containment (with text); recorded with who and when.',
  })
  @ApiOkResponse({ type: SecurityCaseResponse })
  @ApiProblems(400, 404)
  async step(
    @Param('incidentId', ParseUuid) incidentId: string,
    @Body() body: SecurityStepDto,
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() caller: Principal,
  ) {
    return SecurityCaseResponse.detail(await this.steps.execute(caller, incidentId, body, actor));
  }
}

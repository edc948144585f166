import { CorrectGrouping } from '@domain/incidents';
import { EscalateIncident } from '@domain/incidents';
import { IncidentQueries } from '@domain/incidents';
import { PreviewEscalation } from '@domain/incidents';
import { ResolveIncident } from '@domain/incidents';
import { SendDueEscalations } from '@domain/incidents';
import { TriageIncident } from '@domain/incidents';
import type { Actor } from '@domain/shared';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { Staff, StaffWriter } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-principal.decorator';
import { IncidentQueryDto, MergeDto, ResolveDto, SplitDto, TriageDto } from './incident.dto';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/v1/incidents')
@Staff()
export class IncidentsController {
  constructor(
    private readonly queries: IncidentQueries,
    private readonly escalation: EscalateIncident,
    private readonly dueEscalations: SendDueEscalations,
    private readonly preview: PreviewEscalation,
    private readonly triage: TriageIncident,
    private readonly resolution: ResolveIncident,
    private readonly grouping: CorrectGrouping,
  ) {}

  @Get()
  list(@Query() q: IncidentQueryDto) {
    return this.queries.queue(q);
  }

  @Get(':id')
  one(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.incidentDetail(id);
  }

  /** Counts and status without the reports: cheap enough to poll for a live view. */
  @Get(':id/summary')
  summary(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.incident(id);
  }

  @Get(':id/escalation-preview')
  previewEscalation(@Param('id', ParseUUIDPipe) id: string) {
    return this.preview.execute(id);
  }

  @Post(':id/escalate')
  @StaffWriter()
  @HttpCode(200)
  escalate(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.escalation.execute(id, actor);
  }

  /** The first message of a pending escalation goes out now instead of after the settle period. */
  @Post(':id/escalation/send-now')
  @StaffWriter()
  @HttpCode(200)
  sendEscalationNow(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.dueEscalations.now(id, actor);
  }

  @Post(':id/triage')
  @StaffWriter()
  @HttpCode(200)
  triageIncident(@Param('id', ParseUUIDPipe) id: string, @Body() body: TriageDto, @CurrentActor() actor: Actor) {
    return this.triage.execute(id, body, actor);
  }

  @Post(':id/resolve')
  @StaffWriter()
  @HttpCode(200)
  resolve(@Param('id', ParseUUIDPipe) id: string, @Body() body: ResolveDto, @CurrentActor() actor: Actor) {
    return this.resolution.execute(id, body, actor);
  }

  @Post(':id/merge')
  @StaffWriter()
  @HttpCode(200)
  merge(@Param('id', ParseUUIDPipe) id: string, @Body() body: MergeDto, @CurrentActor() actor: Actor) {
    return this.grouping.merge(id, body.otherIncidentId, actor);
  }

  @Post(':id/split')
  @StaffWriter()
  @HttpCode(201)
  split(@Param('id', ParseUUIDPipe) id: string, @Body() body: SplitDto, @CurrentActor() actor: Actor) {
    return this.grouping.split(id, body.reportIds, actor);
  }
}

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/v1/merge-proposals')
@Staff()
export class MergeProposalsController {
  constructor(
    private readonly queries: IncidentQueries,
    private readonly grouping: CorrectGrouping,
  ) {}

  @Get()
  open() {
    return this.queries.proposals();
  }

  @Post(':id/accept')
  @StaffWriter()
  @HttpCode(204)
  accept(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.grouping.decideProposal(id, true, actor);
  }

  @Post(':id/reject')
  @StaffWriter()
  @HttpCode(204)
  reject(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.grouping.decideProposal(id, false, actor);
  }
}

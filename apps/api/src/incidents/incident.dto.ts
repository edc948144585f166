import {
  INCIDENT_SIDES,
  INCIDENT_STATUSES,
  type IncidentSide,
  type IncidentStatus,
  REOPEN_REASON_MAX,
  SEVERITIES,
  type Severity,
} from '@domain/incidents';
import { type Environment, ENVIRONMENTS } from '@domain/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';

import { IfPresent } from '../http/if-present';
import { PageLimit, PageOffset } from '../http/paging-query';
import { IsNotBlank } from '../http/text-fields';

/** The most incidents one answer of the list carries (and the default: the queue's head). */
export const INCIDENT_PAGE_MAX = 200;

export class IncidentQueryDto {
  @ApiPropertyOptional({ enum: INCIDENT_STATUSES, enumName: 'IncidentStatus', isArray: true, description: 'One or more, comma-separated' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsIn(INCIDENT_STATUSES, { each: true })
  status?: IncidentStatus[];
  @ApiPropertyOptional({ enum: INCIDENT_SIDES, enumName: 'IncidentSide' })
  @IsOptional()
  @IsIn(INCIDENT_SIDES)
  side?: IncidentSide;
  @ApiPropertyOptional({ description: 'Service code', example: 'summert-skattegrunnlag' }) @IsOptional() @IsString() service?: string;
  @ApiPropertyOptional({ enum: ENVIRONMENTS, enumName: 'Environment' }) @IsOptional() @IsIn(ENVIRONMENTS) environment?: Environment;
  @ApiPropertyOptional({ enum: SEVERITIES, enumName: 'Severity' }) @IsOptional() @IsIn(SEVERITIES) severity?: Severity;
  @ApiPropertyOptional({ description: 'Text in the reference or title' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ description: "A staff member's id, `me`, or `none` for incidents nobody is assigned" })
  @IsOptional()
  @ValidateIf((_, v) => v !== 'me' && v !== 'none')
  @IsUUID('all')
  assignee?: string;
  @ApiPropertyOptional({ description: "An assignment group's id, or `none`" })
  @IsOptional()
  @ValidateIf((_, v) => v !== 'none')
  @IsUUID('all')
  group?: string;

  @PageLimit(INCIDENT_PAGE_MAX, INCIDENT_PAGE_MAX, 'Incidents per answer')
  limit?: number;
  @PageOffset('Incidents to skip; the total is in X-Total-Count')
  offset?: number;

  /** The filter with `me` as the caller (a caller who is not staff has no incidents of its own). */
  forCaller(staffId: string | null): IncidentQueryDto {
    const { limit: _limit, offset: _offset, ...filter } = this;
    return Object.assign(new IncidentQueryDto(), filter, this.assignee === 'me' ? { assignee: staffId ?? 'none' } : {});
  }

  page(): { limit: number; offset: number } {
    return { limit: this.limit ?? INCIDENT_PAGE_MAX, offset: this.offset ?? 0 };
  }
}

export class AssignIncidentDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'An active staff member; null: nobody' })
  @IsOptional()
  @IsUUID('all')
  assigneeId?: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'An active assignment group; null: none. With a group the assignee must be a member; a new group drops one who is not',
  })
  @IsOptional()
  @IsUUID('all')
  groupId?: string | null;
}

export class TriageDto {
  @ApiPropertyOptional({ enum: INCIDENT_SIDES, enumName: 'IncidentSide' })
  @IfPresent()
  @IsIn(INCIDENT_SIDES)
  side?: IncidentSide;
  @ApiPropertyOptional({ enum: SEVERITIES, enumName: 'Severity', nullable: true })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity | null;
  @ApiPropertyOptional({ example: 'Summert skattegrunnlag svarer 503' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  title?: string;
  @ApiPropertyOptional({ type: String, example: 'SKE-2026-777', nullable: true, description: "Skatteetaten's own case reference" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  skeCaseReference?: string | null;
}

export class ResolveDto {
  @ApiProperty({ description: 'What was wrong and what was done; sent to every affected consumer' })
  @IsString()
  @Length(1, 10000)
  message: string;
  @ApiPropertyOptional({ enum: INCIDENT_SIDES, enumName: 'IncidentSide' })
  @IfPresent()
  @IsIn(INCIDENT_SIDES)
  side?: IncidentSide;
}

export class ReopenDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: REOPEN_REASON_MAX,
    description: 'Why it opens again; kept in the timeline',
    example: 'Feilen kom tilbake etter rettingen.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(REOPEN_REASON_MAX)
  reason?: string | null;
}

export class MergeDto {
  @ApiProperty({ format: 'uuid', description: 'The incident to merge with this one' }) @IsUUID() otherIncidentId: string;
}

export class SplitDto {
  @ApiProperty({ type: [String], description: 'Reports to move to a new incident' })
  @IsArray()
  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  reportIds: string[];
}

import { INCIDENT_SIDES, INCIDENT_STATUSES, type IncidentSide, type IncidentStatus, SEVERITIES, type Severity } from '@domain/incidents';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';

export class IncidentQueryDto {
  @ApiPropertyOptional({ enum: INCIDENT_STATUSES, isArray: true, description: 'One or more, comma-separated' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsIn(INCIDENT_STATUSES, { each: true })
  status?: IncidentStatus[];
  @ApiPropertyOptional({ enum: INCIDENT_SIDES }) @IsOptional() @IsIn(INCIDENT_SIDES) side?: IncidentSide;
  @ApiPropertyOptional() @IsOptional() @IsString() service?: string;
  @ApiPropertyOptional({ enum: ['production', 'test'] }) @IsOptional() @IsIn(['production', 'test']) environment?: 'production' | 'test';
  @ApiPropertyOptional({ enum: SEVERITIES }) @IsOptional() @IsIn(SEVERITIES) severity?: Severity;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class TriageDto {
  @ApiPropertyOptional({ enum: INCIDENT_SIDES }) @IsOptional() @IsIn(INCIDENT_SIDES) side?: IncidentSide;
  @ApiPropertyOptional({ enum: SEVERITIES, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(SEVERITIES)
  severity?: Severity | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) title?: string;
  @ApiPropertyOptional({ description: "Skatteetaten's own case reference" }) @IsOptional() @IsString() @MaxLength(100) skeCaseReference?:
    string | null;
}

export class ResolveDto {
  @ApiProperty({ description: 'What was wrong and what was done; sent to every affected consumer' })
  @IsString()
  @Length(1, 10000)
  message: string;
  @ApiPropertyOptional({ enum: INCIDENT_SIDES }) @IsOptional() @IsIn(INCIDENT_SIDES) side?: IncidentSide;
}

export class MergeDto {
  @ApiProperty({ description: 'The incident to merge with this one' }) @IsUUID() otherIncidentId: string;
}

export class SplitDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @IsUUID('all', { each: true }) reportIds: string[];
}

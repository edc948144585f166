import { REPORT_CATEGORIES, REPORT_CHANNELS, type ReportCategory, type ReportChannel } from '@domain/incidents';
import type { Environment } from '@domain/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const ENVIRONMENTS = ['production', 'test'] as const;

/** The fields of a report, as every door (API, form, staff, import) receives them. */
export class ReportFieldsDto {
  @ApiProperty({ example: 'summert-skattegrunnlag', description: 'Service code from the catalogue in force (Bilag 2)' })
  @IsString()
  @Length(1, 64)
  service: string;

  @ApiProperty({ enum: ENVIRONMENTS })
  @IsIn(ENVIRONMENTS)
  environment: Environment;

  @ApiProperty({ enum: REPORT_CATEGORIES })
  @IsIn(REPORT_CATEGORIES)
  category: ReportCategory;

  @ApiProperty({ example: 'Alle oppslag gir 503' })
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @Length(1, 20000)
  description: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'When the problem started' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  occurredAt?: Date;

  @ApiPropertyOptional({ example: 503 })
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(599)
  httpStatus?: number;

  @ApiPropertyOptional({ example: 'SSG-008' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  errorCode?: string;

  @ApiPropertyOptional({ description: 'Correlation id from the response, so Skatteetaten can find the call in its logs' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;

  @ApiPropertyOptional({ description: 'Has this ever worked for you?' })
  @IsOptional()
  @IsBoolean()
  hasWorkedBefore?: boolean;

  @ApiPropertyOptional({ description: 'System vendor involved, if any' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  vendorInvolved?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reporterName?: string;

  @ApiPropertyOptional({ description: "Where the confirmation goes; default the consumer's technical contacts" })
  @IsOptional()
  @IsEmail()
  reporterEmail?: string;
}

export class SubmitReportDto extends ReportFieldsDto {
  @ApiPropertyOptional({ description: 'Staff only: the consumer the report is registered for' })
  @IsOptional()
  @IsUUID()
  consumerId?: string;

  @ApiPropertyOptional({ enum: ['staff', 'phone', 'email'], description: 'Staff only: how the report reached KS' })
  @IsOptional()
  @IsIn(['staff', 'phone', 'email'])
  channel?: ReportChannel;
}

export class ImportedReportDto extends ReportFieldsDto {
  @ApiProperty({ example: '974760673' })
  @Matches(/^\d{9}$/, { message: 'must be a 9-digit organisation number' })
  consumerOrgNumber: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @Type(() => Date)
  @IsDate()
  receivedAt: Date;

  @ApiPropertyOptional({ enum: REPORT_CHANNELS })
  @IsOptional()
  @IsIn(REPORT_CHANNELS)
  channel?: ReportChannel;
}

export class ImportReportsDto {
  @ApiProperty({ type: [ImportedReportDto], maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ImportedReportDto)
  reports: ImportedReportDto[];
}

export class MoveReportDto {
  @ApiProperty() @IsUUID() incidentId: string;
}

export class RevealDto {
  @ApiProperty({ description: 'Why the original text is needed (kept in the audit log)' })
  @IsString()
  @Length(3, 500)
  reason: string;
}

export class SuggestionQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) errorCode?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() httpStatus?: number;
}

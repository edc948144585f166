import {
  type JoinOptions,
  MAX_MESSAGE_LENGTH,
  type ReceiveOptions,
  REPORT_CATEGORIES,
  REPORT_CHANNELS,
  type ReportCategory,
  type ReportChannel,
  type ReportInput,
} from '@domain/incidents';
import { type Environment, ENVIRONMENTS } from '@domain/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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

import { InstantField } from '../http/date-fields';
import { PageLimit, PageNumber } from '../http/paging-query';
import { IsNotBlank } from '../http/text-fields';

/** The fields of a report, as every door (API, form, staff, import) receives them. */
export class ReportFieldsDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 64,
    example: 'summert-skattegrunnlag',
    description: 'Service code from the catalogue in force (Bilag 2)',
  })
  @IsString()
  @Length(1, 64)
  service: string;

  @ApiProperty({ enum: ENVIRONMENTS, enumName: 'Environment' })
  @IsIn(ENVIRONMENTS)
  environment: Environment;

  @ApiProperty({ enum: REPORT_CATEGORIES, enumName: 'ReportCategory' })
  @IsIn(REPORT_CATEGORIES)
  category: ReportCategory;

  @ApiProperty({ minLength: 1, maxLength: 300, example: 'Alle oppslag gir 503' })
  @IsString()
  @Length(1, 300)
  @IsNotBlank()
  title: string;

  @ApiProperty({ minLength: 1, maxLength: 20000, example: 'Fra kl. 08 får vi 503 Service Unavailable på alle oppslag.' })
  @IsString()
  @Length(1, 20000)
  @IsNotBlank()
  description: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'When the problem started' })
  @IsOptional()
  @InstantField()
  occurredAt?: Date;

  @ApiPropertyOptional({ type: 'integer', minimum: 100, maximum: 599, example: 503 })
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(599)
  httpStatus?: number;

  @ApiPropertyOptional({ maxLength: 100, example: 'SSG-008' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  errorCode?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Correlation id from the response, so Skatteetaten can find the call in its logs' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;

  @ApiPropertyOptional({ description: 'Has this ever worked for you?' })
  @IsOptional()
  @IsBoolean()
  hasWorkedBefore?: boolean;

  @ApiPropertyOptional({ maxLength: 200, description: 'System vendor involved, if any' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  vendorInvolved?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Kari Nordmann' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reporterName?: string;

  @ApiPropertyOptional({
    format: 'email',
    description:
      "Where the confirmation and later news go, when it is one of the consumer's registered contacts; otherwise, and by default, " +
      "the consumer's technical contacts. Kept on the report either way.",
  })
  @IsOptional()
  @IsEmail()
  reporterEmail?: string;
}

export class SubmitReportDto extends ReportFieldsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only: the consumer the report is registered for' })
  @IsOptional()
  @IsUUID()
  consumerId?: string;

  @ApiPropertyOptional({ enum: ['staff', 'phone', 'email'], description: 'Staff only: how the report reached KS' })
  @IsOptional()
  @IsIn(['staff', 'phone', 'email'])
  channel?: ReportChannel;

  /** The report itself, without how staff registered it. */
  input(): ReportInput {
    const { consumerId: _consumerId, channel: _channel, ...input } = this;
    return input;
  }

  /** The body as sent is the fingerprint that tells a retry from another request under the same key. */
  options(idempotencyKey: string | undefined): ReceiveOptions {
    return {
      idempotencyKey,
      fingerprint: this,
      onBehalfOf: this.consumerId ? { consumerId: this.consumerId, channel: this.channel ?? 'staff' } : undefined,
    };
  }
}

export class ImportedReportDto extends ReportFieldsDto {
  @ApiProperty({ example: '974760673' })
  @Matches(/^\d{9}$/, { message: 'must be a 9-digit organisation number' })
  consumerOrgNumber: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @InstantField()
  receivedAt: Date;

  @ApiPropertyOptional({ enum: REPORT_CHANNELS, enumName: 'ReportChannel' })
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
  @ApiProperty({ format: 'uuid', description: 'The incident to move the report to' }) @IsUUID() incidentId: string;
}

export class RevealDto {
  @ApiProperty({ description: 'Why the original text is needed (kept in the audit log)' })
  @IsString()
  @Length(3, 500)
  reason: string;
}

export class SuggestionQueryDto {
  @ApiPropertyOptional({ example: 'Får 403 på alle kall' }) @IsOptional() @IsString() @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) description?: string;
  @ApiPropertyOptional({ example: 'SSG-003' }) @IsOptional() @IsString() @MaxLength(100) errorCode?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 100, maximum: 599, example: 403 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(599)
  httpStatus?: number;

  symptoms(): { title: string; description: string; errorCode?: string; httpStatus?: number } {
    return { title: this.title ?? '', description: this.description ?? '', errorCode: this.errorCode, httpStatus: this.httpStatus };
  }
}

/** A municipality's answer to KS about its report, from its own system. */
export class ReportReplyDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_MESSAGE_LENGTH, example: 'Feilen er der fortsatt hos oss etter rettingen.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(MAX_MESSAGE_LENGTH)
  body: string;
}

/** A page of the caller's reports. */
export class ReportListQueryDto {
  @PageNumber()
  page?: number;

  @PageLimit(200, 50)
  perPage?: number;

  slice(): { page: number; perPage: number; limit: number; offset: number } {
    const page = this.page ?? 1;
    const perPage = this.perPage ?? 50;
    return { page, perPage, limit: perPage, offset: (page - 1) * perPage };
  }
}

/** "Vi er også berørt": everything is optional; without a text of its own the report says it is affected by the known problem. */
export class JoinIncidentDto {
  @ApiPropertyOptional({ example: 'Vi får også 503', description: 'Default: "Vi er også berørt av <reference>"' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional({ maxLength: 20000, description: 'Default: that the municipality is affected by the known problem' })
  @IsOptional()
  @IsString()
  @Length(1, 20000)
  description?: string;

  @ApiPropertyOptional({ example: 'Kari Nordmann' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reporterName?: string;

  @ApiPropertyOptional({
    format: 'email',
    description:
      "Where the confirmation and later news go, when it is one of the consumer's registered contacts; otherwise, and by default, " +
      "the consumer's technical contacts. Kept on the report either way.",
  })
  @IsOptional()
  @IsEmail()
  reporterEmail?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only: the consumer that is affected' })
  @IsOptional()
  @IsUUID()
  consumerId?: string;

  /** The report's own words, if any. */
  input(): Partial<ReportInput> {
    const { consumerId: _consumerId, ...input } = this;
    return input;
  }

  options(): JoinOptions {
    return { onBehalfOf: this.consumerId ? { consumerId: this.consumerId, channel: 'staff' } : undefined };
  }
}

import { ACK_ACTIONS, type AckAction, NOTICE_KINDS, NOTICE_ROLES, type NoticeKind } from '@domain/notices';
import { ENVIRONMENTS } from '@domain/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

import { InstantField } from '../http/date-fields';
import { PageNumber } from '../http/paging-query';

// The DTOs check the shape; content rules (known services, dates in the future, lengths) are
// the domain's, so the API and the admin form report them alike, field by field.

export class NoticeLinkDto {
  @ApiProperty({ example: 'Varsel på Skatteetatens API-dokumentasjon' }) @IsString() @MaxLength(300) title: string;
  @ApiProperty({ example: 'https://skatteetaten.github.io/api-dokumentasjon/' }) @IsString() @MaxLength(2000) url: string;
}

export class NoticeDto {
  @ApiProperty({ example: 'Nytt format for skattepliktig inntekt' }) @IsString() @MaxLength(1000) title: string;
  @ApiPropertyOptional({ enum: NOTICE_KINDS, default: 'interface-change' }) @IsOptional() @IsIn(NOTICE_KINDS) kind?: NoticeKind;
  @ApiProperty({ description: 'The text for every contact whose role has no text of its own' })
  @IsString()
  @MaxLength(40_000)
  body: string;
  @ApiPropertyOptional({ description: 'Text for technical contacts' }) @IsOptional() @IsString() @MaxLength(40_000) technicalBody?: string;
  @ApiPropertyOptional({ description: 'Text for professional contacts' })
  @IsOptional()
  @IsString()
  @MaxLength(40_000)
  professionalBody?: string;
  @ApiProperty({ type: [String], example: ['summert-skattegrunnlag'], description: 'Affected catalogue services' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  services: string[];
  @ApiProperty({ enum: ENVIRONMENTS, isArray: true }) @IsArray() @ArrayMaxSize(2) @IsString({ each: true }) environments: string[];
  @ApiPropertyOptional({ type: [String], description: 'Narrow to consumers with one of these rettighetspakker' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  entitlementPackages?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Narrow to consumers using the service in one of these areas' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  serviceAreas?: string[];
  @ApiPropertyOptional({ enum: NOTICE_ROLES, isArray: true, description: 'Contact roles to write to (default all)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsString({ each: true })
  roles?: string[];
  @ApiProperty({ example: '2027-01-01T00:00:00+01:00', description: 'When the change takes effect (in the future)' })
  @InstantField()
  effectiveAt: Date;
  @ApiPropertyOptional({ type: [NoticeLinkDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => NoticeLinkDto)
  links?: NoticeLinkDto[];
}

export class ScheduleNoticeDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the worker sends it; null or absent: back to draft',
    example: '2026-12-01T08:00:00+01:00',
  })
  @IsOptional()
  @InstantField()
  sendAt?: Date | null;
}

export class AcknowledgeDto {
  @ApiProperty({ enum: ACK_ACTIONS }) @IsIn(ACK_ACTIONS) action: AckAction;
}

export class NoticeListQueryDto {
  @PageNumber()
  page?: number;
}

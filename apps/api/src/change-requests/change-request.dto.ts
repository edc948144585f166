import {
  CHANGE_REQUEST_PRIORITIES,
  CHANGE_REQUEST_STATUSES,
  CHANGE_REQUEST_URGENCIES,
  type ChangeRequestFilter,
  type ChangeRequestPriority,
  type ChangeRequestStatus,
  type ChangeRequestUrgency,
} from '@domain/change-requests';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SubmitChangeRequestDto {
  @ApiProperty({
    example: 'summert-skattegrunnlag',
    description: 'Service code from the catalogue in force (Bilag 2); the consumer must have access to it',
  })
  @IsString()
  @Length(1, 64)
  service: string;

  @ApiProperty({ maxLength: 200, example: 'Inntekt per måned i summert skattegrunnlag' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty({ maxLength: 10000, description: 'The change wanted' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 10000)
  description: string;

  @ApiProperty({ maxLength: 4000, description: 'What the consumer needs it for' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 4000)
  useCase: string;

  @ApiProperty({ enum: CHANGE_REQUEST_URGENCIES, enumName: 'ChangeRequestUrgency' })
  @IsIn(CHANGE_REQUEST_URGENCIES)
  urgency: ChangeRequestUrgency;
}

export class SupportChangeRequestDto {
  @ApiProperty({ maxLength: 4000, description: 'What this consumer needs it for' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 4000)
  useCase: string;
}

export class ChangeRequestQueryDto {
  @ApiPropertyOptional({ description: 'Only requests about this service code' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  service?: string;

  @ApiPropertyOptional({ enum: CHANGE_REQUEST_STATUSES, enumName: 'ChangeRequestStatus' })
  @IsOptional()
  @IsIn(CHANGE_REQUEST_STATUSES)
  status?: ChangeRequestStatus;

  @ApiPropertyOptional({ description: 'Only requests of this service area (tjenesteområde)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  serviceArea?: string;

  filter(): ChangeRequestFilter {
    return { services: this.service ? [this.service] : undefined, status: this.status, serviceArea: this.serviceArea };
  }
}

export class MergeChangeRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The request this one duplicates: it keeps the supporters' })
  @IsUUID('all')
  intoId: string;
}

export class AssessChangeRequestDto {
  @ApiPropertyOptional({
    enum: CHANGE_REQUEST_STATUSES,
    enumName: 'ChangeRequestStatus',
    description: 'Not forwarded or answered: those have their own operations',
  })
  @IsOptional()
  @IsIn(CHANGE_REQUEST_STATUSES)
  status?: ChangeRequestStatus;

  @ApiPropertyOptional({
    enum: CHANGE_REQUEST_PRIORITIES,
    enumName: 'ChangeRequestPriority',
    nullable: true,
    description: 'null clears it',
  })
  @IsOptional()
  @IsIn(CHANGE_REQUEST_PRIORITIES)
  priority?: ChangeRequestPriority | null;

  @ApiPropertyOptional({ description: 'Every consumer with access to the service may read the texts' })
  @IsOptional()
  @IsBoolean()
  isPublic?: boolean;

  @ApiPropertyOptional({ maxLength: 10000, description: 'Required when declining: the reason, e-mailed to every supporter' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  message?: string;
}

export class ForwardChangeRequestDto {
  @ApiPropertyOptional({ maxLength: 10000, description: "KS's own words to Skatteetaten in the e-mail" })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  note?: string;
}

export class ChangeRequestAnswerDto {
  @ApiProperty({ maxLength: 10000, description: "Skatteetaten's answer, e-mailed to every supporter's contacts" })
  @Transform(trimmed)
  @IsString()
  @Length(1, 10000)
  answer: string;
}

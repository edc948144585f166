import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OutboxMessage, OutboxStatus } from '@platform/mail';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const STATUSES: OutboxStatus[] = ['pending', 'sending', 'sent', 'failed'];

export class ListOutboxQueryDto {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: OutboxStatus;
  @ApiPropertyOptional({ example: 'incident' }) @IsOptional() @IsString() @MaxLength(100) relatedType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) relatedId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** A queued or sent e-mail without its content (read one message for that). */
export class OutboxSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '<3f1c…@segmentdesk.ks.no>' }) messageId: string;
  @ApiProperty({ example: 'escalation' }) template: string;
  @ApiProperty({ type: [String] }) to: string[];
  @ApiProperty() subject: string;
  @ApiProperty({ enum: STATUSES }) status: OutboxStatus;
  @ApiProperty() attempts: number;
  @ApiPropertyOptional({ nullable: true }) lastError: string | null;
  @ApiPropertyOptional({ nullable: true }) inReplyTo: string | null;
  @ApiPropertyOptional({ nullable: true }) relatedType: string | null;
  @ApiPropertyOptional({ nullable: true }) relatedId: string | null;
  @ApiPropertyOptional({ nullable: true, enum: ['smtp', 'local'] }) transport: string | null;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ nullable: true }) nextAttemptAt: Date;
  @ApiPropertyOptional({ nullable: true }) sentAt: Date | null;
}

export class OutboxMessageDto extends OutboxSummaryDto {
  @ApiProperty({ type: [String] }) references: string[];
  @ApiProperty() text: string;
  @ApiProperty() html: string;
}

export function toSummary(m: OutboxMessage): OutboxSummaryDto {
  const {
    id,
    messageId,
    template,
    to,
    subject,
    status,
    attempts,
    lastError,
    inReplyTo,
    relatedType,
    relatedId,
    transport,
    createdAt,
    nextAttemptAt,
    sentAt,
  } = m;
  return {
    id,
    messageId,
    template,
    to,
    subject,
    status,
    attempts,
    lastError,
    inReplyTo,
    relatedType,
    relatedId,
    transport,
    createdAt,
    nextAttemptAt,
    sentAt,
  };
}

export function toMessage(m: OutboxMessage): OutboxMessageDto {
  return { ...toSummary(m), references: m.references, text: m.text, html: m.html };
}

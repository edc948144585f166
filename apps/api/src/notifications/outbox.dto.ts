import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OutboxMessage, OutboxStatus } from '@platform/mail';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const STATUSES: OutboxStatus[] = ['pending', 'sending', 'sent', 'failed'];

export class ListOutboxQueryDto {
  @ApiPropertyOptional({ enum: STATUSES, enumName: 'OutboxStatus' }) @IsOptional() @IsIn(STATUSES) status?: OutboxStatus;
  @ApiPropertyOptional({ example: 'incident' }) @IsOptional() @IsString() @MaxLength(100) relatedType?: string;
  @ApiPropertyOptional({ description: 'The id of the object the e-mail is about' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  relatedId?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** A queued or sent e-mail without its content (read one message for that). */
export class OutboxSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '<3f1c…@segmentdesk.ks.no>' }) messageId: string;
  @ApiProperty({ example: 'escalation' }) template: string;
  @ApiProperty({ type: [String], example: ['drift@skatteetaten.example'] }) to: string[];
  @ApiProperty({ example: 'KS-2026-0042: Alle oppslag gir 503', description: 'Empty when `restricted`' }) subject: string;
  @ApiProperty({ description: 'About a security case the caller may not read: only that it was sent, when and to whom' })
  restricted: boolean;
  @ApiProperty({ enum: STATUSES, enumName: 'OutboxStatus' }) status: OutboxStatus;
  @ApiProperty({ type: 'integer', description: 'Delivery attempts so far' }) attempts: number;
  @ApiProperty({ type: String, example: '421 Try again later', nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, example: '<3f1c…@segmentdesk.ks.no>', nullable: true, description: 'The message this one replies to' })
  inReplyTo: string | null;
  @ApiProperty({ type: String, example: 'incident', nullable: true }) relatedType: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) relatedId: string | null;
  @ApiProperty({ type: String, enum: ['smtp', 'local'], nullable: true, description: 'How it was delivered' }) transport: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'When the next delivery attempt is due' }) nextAttemptAt: Date;
  @ApiProperty({ type: Date, nullable: true }) sentAt: Date | null;

  static from(m: OutboxMessage & { restricted?: boolean }): OutboxSummaryResponse {
    return {
      id: m.id,
      messageId: m.messageId,
      template: m.template,
      to: m.to,
      subject: m.subject,
      restricted: !!m.restricted,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      inReplyTo: m.inReplyTo,
      relatedType: m.relatedType,
      relatedId: m.relatedId,
      transport: m.transport,
      createdAt: m.createdAt,
      nextAttemptAt: m.nextAttemptAt,
      sentAt: m.sentAt,
    };
  }
}

export class OutboxMessageResponse extends OutboxSummaryResponse {
  @ApiProperty({ type: [String], description: 'The thread: Message-IDs this one follows' }) references: string[];
  @ApiProperty() text: string;
  @ApiProperty() html: string;

  static override from(m: OutboxMessage): OutboxMessageResponse {
    return { ...OutboxSummaryResponse.from(m), references: m.references, text: m.text, html: m.html };
  }
}

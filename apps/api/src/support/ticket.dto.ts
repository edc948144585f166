import {
  TICKET_CATEGORIES,
  TICKET_LINK_KINDS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketCategory,
  type TicketChanges,
  type TicketFilter,
  type TicketLinkKind,
  type TicketPriority,
  type TicketReply,
  type TicketSort,
  type TicketStatus,
} from '@domain/support';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
} from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

import { IfPresent } from '../http/if-present';
import { PageNumber } from '../http/paging-query';

export const TICKET_SORTS: readonly TicketSort[] = ['reference', 'subject', 'status', 'priority', 'created', 'updated'];

export class OpenTicketDto {
  @ApiProperty({ maxLength: 200, example: 'Tilgang til summert skattegrunnlag i test' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  subject: string;

  @ApiProperty({ maxLength: 20000, description: 'The question; identity numbers are masked before it is stored' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 20000)
  body: string;

  @ApiPropertyOptional({ enum: TICKET_CATEGORIES, enumName: 'TicketCategory', default: 'other' })
  @IsOptional()
  @IsIn(TICKET_CATEGORIES)
  category?: TicketCategory;

  @ApiPropertyOptional({ description: 'Service code from the catalogue in force (Bilag 2)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  service?: string;

  @ApiPropertyOptional({
    maxLength: 254,
    description: "Who to answer. A consumer's address counts only when it is one of its registered contacts; else they all hear",
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  requesterEmail?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(200)
  requesterName?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff on behalf of a caller: its consumer (ignored for a consumer key)' })
  @IsOptional()
  @IsUUID('all')
  consumerId?: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, enumName: 'TicketPriority', description: 'Staff only (ignored for a consumer key)' })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;
}

export class TicketMessageDto {
  @ApiProperty({ maxLength: 20000 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 20000)
  body: string;

  @ApiPropertyOptional({
    default: false,
    description: 'An internal note among KS staff: e-mailed to no one and never shown to the consumer. Staff only',
  })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}

export class TicketChangesDto implements TicketChanges {
  @ApiPropertyOptional({ enum: TICKET_STATUSES, enumName: 'TicketStatus', description: 'Never back to new' })
  @IfPresent()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'An active staff member; null takes it from everyone' })
  @IsOptional()
  @IsUUID('all')
  assigneeId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'An active assignment group; null takes the ticket out of its group. With a group the assignee must be a member (400 assignee_not_in_group); a new group drops an assignee who is not',
  })
  @IsOptional()
  @IsUUID('all')
  groupId?: string | null;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, enumName: 'TicketPriority' })
  @IfPresent()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ type: [String], maxItems: 20, description: 'Replaces the tags' })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  tags?: string[];
}

export class BulkTicketChangesDto extends TicketChangesDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 200 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ids: string[];
}

export class BulkReplyDto implements TicketReply {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 200 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ids: string[];

  @ApiPropertyOptional({ maxLength: 20000, description: 'The answer, with placeholders such as {{navn}}; or name a canned response' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(20000)
  body?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "A canned response: its text, and a macro's status" })
  @IsOptional()
  @IsUUID('all')
  cannedResponseId?: string;

  @ApiPropertyOptional({ enum: TICKET_STATUSES, enumName: 'TicketStatus', description: 'The status after answering' })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;
}

export class TicketLinkDto {
  @ApiProperty({ enum: TICKET_LINK_KINDS, enumName: 'TicketLinkKind' })
  @IsIn(TICKET_LINK_KINDS)
  kind: TicketLinkKind;

  @ApiProperty({ maxLength: 64, example: 'KS-2026-0042', description: "The reference; for onboarding the consumer's organisation number" })
  @IsString()
  @Length(1, 64)
  reference: string;
}

export class MergeTicketDto {
  @ApiProperty({ format: 'uuid', description: 'The ticket this one duplicates: it takes the messages' })
  @IsUUID('all')
  intoId: string;
}

export class TicketListQueryDto {
  @ApiPropertyOptional({ enum: TICKET_STATUSES, enumName: 'TicketStatus' })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ description: "A staff member's id, `me`, or `none` for unassigned" })
  @IsOptional()
  @ValidateIf((_, v) => v !== 'me' && v !== 'none')
  @IsUUID('all')
  assignee?: string;

  @ApiPropertyOptional({ description: "An assignment group's id, `mine` for the caller's groups, or `none` for tickets in no group" })
  @IsOptional()
  @ValidateIf((_, v) => v !== 'mine' && v !== 'none')
  @IsUUID('all')
  group?: string;

  @ApiPropertyOptional({ description: 'Service code' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  service?: string;

  @ApiPropertyOptional({ enum: TICKET_CATEGORIES, enumName: 'TicketCategory' })
  @IsOptional()
  @IsIn(TICKET_CATEGORIES)
  category?: TicketCategory;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, enumName: 'TicketPriority' })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  consumerId?: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  tag?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description:
      "Text in the subject, the reference or the requester's name or e-mail; for staff also the start of a word of the consumer's name",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: TICKET_SORTS, default: 'updated' })
  @IsOptional()
  @IsIn(TICKET_SORTS)
  sort?: TicketSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  dir?: 'asc' | 'desc';

  @PageNumber()
  page?: number;

  filter(staffId: string | null): TicketFilter {
    return {
      statuses: this.status ? [this.status] : undefined,
      assignee: this.assignee === 'me' ? (staffId ?? 'none') : this.assignee,
      ...(this.group === 'mine' ? { groupsOf: staffId ?? undefined, group: staffId ? undefined : 'none' } : { group: this.group }),
      serviceCode: this.service,
      category: this.category,
      priority: this.priority,
      consumerId: this.consumerId,
      tag: this.tag,
      search: this.q,
    };
  }
}

export class CannedResponseDto {
  @ApiProperty({ maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty({ maxLength: 10000, description: 'Placeholders: {{navn}}, {{referanse}}, {{kommune}}, {{emne}}' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 10000)
  body: string;

  @ApiPropertyOptional({ enum: TICKET_STATUSES, enumName: 'TicketStatus', nullable: true, description: 'A macro sets this status' })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  setStatus?: TicketStatus | null;
}

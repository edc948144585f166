import type { StaffGroupView } from '@domain/identity';
import { TICKET_CATEGORIES, type TicketCategory } from '@domain/support';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

import { IfPresent } from '../http/if-present';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateStaffGroupDto {
  @ApiProperty({ maxLength: 100, example: 'Tilgang og fullmakter' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({ maxLength: 1000, example: 'Altinn-delegeringer, Maskinporten-scopes og tilgang til API-ene' })
  @IfPresent()
  @Transform(trimmed)
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiPropertyOptional({
    enum: TICKET_CATEGORIES,
    enumName: 'TicketCategory',
    isArray: true,
    description: 'Ticket categories routed to the group: a new ticket of one goes to it. Each is handled by at most one active group (409)',
  })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(TICKET_CATEGORIES.length)
  @IsIn(TICKET_CATEGORIES, { each: true })
  categories?: TicketCategory[];
}

export class UpdateStaffGroupDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Renames the group' })
  @IfPresent()
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IfPresent()
  @Transform(trimmed)
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiPropertyOptional({ enum: TICKET_CATEGORIES, enumName: 'TicketCategory', isArray: true, description: 'Replaces the categories' })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(TICKET_CATEGORIES.length)
  @IsIn(TICKET_CATEGORIES, { each: true })
  categories?: TicketCategory[];

  @ApiPropertyOptional({ description: 'true archives the group (it routes nothing and takes no new cases); false restores it' })
  @IfPresent()
  @IsBoolean()
  archived?: boolean;
}

export class StaffGroupMemberDto {
  @ApiProperty({ format: 'uuid', description: 'An active staff user' })
  @IsUUID('all')
  staffId: string;
}

export class StaffGroupListQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'Include archived groups' })
  @IsOptional()
  @IsIn(['true', 'false'])
  archived?: 'true' | 'false';
}

export class StaffGroupMemberResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Kari Nordmann' }) name: string;
  @ApiProperty({ example: 'kari.nordmann@ks.no' }) email: string;
  @ApiProperty({ description: 'Inactive members stay listed but are neither assigned nor notified' }) active: boolean;
}

export class StaffGroupResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Tilgang og fullmakter' }) name: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: TICKET_CATEGORIES, enumName: 'TicketCategory', isArray: true }) categories: string[];
  @ApiProperty() archived: boolean;
  @ApiProperty({ type: Date, nullable: true }) archivedAt: Date | null;
  @ApiProperty({ type: [StaffGroupMemberResponse] }) members: StaffGroupMemberResponse[];
  @ApiProperty() createdAt: Date;
  @ApiProperty({
    description: 'Changes with its details (not its members); send it back in If-Match so that a change made meanwhile is not overwritten',
  })
  version: string;

  static from(g: StaffGroupView): StaffGroupResponse {
    return {
      id: g.id,
      name: g.name,
      description: g.description,
      categories: g.categories,
      archived: g.archived,
      archivedAt: g.archivedAt,
      members: g.members.map((m) => ({ id: m.id, name: m.name, email: m.email, active: m.active })),
      createdAt: g.createdAt,
      version: g.version,
    };
  }
}

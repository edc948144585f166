import type { CreateApiToken, CreateStaffUser, ListApiTokens, ListStaffUsers } from '@domain/identity';
import { type Principal, STAFF_ROLES, type StaffRole } from '@domain/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';

import { IsNotBlank } from '../http/text-fields';

type StaffUser = Awaited<ReturnType<CreateStaffUser['execute']>>['user'];
type StaffUserView = Awaited<ReturnType<ListStaffUsers['execute']>>[number];
type ApiTokenView = Awaited<ReturnType<ListApiTokens['execute']>>[number];
type CreatedApiToken = Awaited<ReturnType<CreateApiToken['execute']>>;

export class CreateApiTokenDto {
  @ApiProperty({ example: 'Integrasjon mot saksbehandling' })
  @IsString()
  @Length(1, 100)
  name: string;
}

export class CreateStaffUserDto {
  @ApiProperty({ example: 'kari.nordmann@ks.no' }) @IsEmail() email: string;
  @ApiPropertyOptional({ example: 'Kari Nordmann' }) @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiProperty({ enum: STAFF_ROLES, enumName: 'StaffRole' }) @IsIn(STAFF_ROLES) role: StaffRole;
}

export class UpdateStaffUserDto {
  @ApiPropertyOptional({ example: 'Kari Nordmann' }) @IsOptional() @IsString() @IsNotBlank() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: STAFF_ROLES, enumName: 'StaffRole' }) @IsOptional() @IsIn(STAFF_ROLES) role?: StaffRole;
  @ApiPropertyOptional({ description: 'false: the user can no longer sign in or use tokens' }) @IsOptional() @IsBoolean() active?: boolean;
}

/** Who the caller is: a staff member, or a consumer (API key or portal session). */
export class MeResponse {
  @ApiProperty({ enum: ['staff', 'consumer'], enumName: 'PrincipalKind' }) kind: 'staff' | 'consumer';
  @ApiProperty({ example: 'Kari Nordmann' }) name: string;
  @ApiPropertyOptional({ enum: STAFF_ROLES, enumName: 'StaffRole', description: 'Staff only' }) role?: StaffRole;
  @ApiPropertyOptional({ example: 'kari.nordmann@ks.no', description: "Staff; a consumer's when it signed in to the portal" })
  email?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only: the staff user' }) id?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Consumer only' }) consumerId?: string;
  @ApiPropertyOptional({ example: '974760673', description: 'Consumer only' }) orgNumber?: string;

  static from(p: Principal): MeResponse {
    return p.kind === 'staff'
      ? { kind: 'staff', id: p.id, name: p.name, email: p.email, role: p.role }
      : { kind: 'consumer', consumerId: p.consumerId, name: p.name, orgNumber: p.orgNumber, ...(p.email ? { email: p.email } : {}) };
  }
}

export class StaffUserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'kari.nordmann@ks.no' }) email: string;
  @ApiProperty({ example: 'Kari Nordmann' }) name: string;
  @ApiProperty({ enum: STAFF_ROLES, enumName: 'StaffRole' }) role: StaffRole;
  @ApiProperty() active: boolean;

  static from(u: Pick<StaffUser, 'id' | 'email' | 'name' | 'role' | 'active'>): StaffUserResponse {
    return { id: u.id, email: u.email, name: u.name, role: u.role, active: u.active };
  }
}

export class StaffUserListItemResponse extends StaffUserResponse {
  @ApiProperty({ type: Date, nullable: true }) lastLoginAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'Locked for a while after repeated failed sign-ins' }) locked: boolean;

  static override from(u: StaffUserView): StaffUserListItemResponse {
    return { ...StaffUserResponse.from(u), lastLoginAt: u.lastLoginAt, createdAt: u.createdAt, locked: u.locked };
  }
}

export class ApiTokenResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Integrasjon mot saksbehandling' }) name: string;
  @ApiProperty({ example: 'sdt_AbCdEf', description: 'The start of the token, to recognise it by' }) prefix: string;
  @ApiProperty({ format: 'uuid', description: 'The staff user the token belongs to' }) staffId: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) lastUsedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) revokedAt: Date | null;

  static from(t: ApiTokenView): ApiTokenResponse {
    return {
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      staffId: t.staffId,
      createdAt: t.createdAt,
      lastUsedAt: t.lastUsedAt,
      revokedAt: t.revokedAt,
    };
  }
}

export class CreatedApiTokenResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Shown once; only its SHA-256 is kept' }) token: string;
  @ApiProperty({ example: 'sdt_AbCdEf' }) prefix: string;

  static from(t: CreatedApiToken): CreatedApiTokenResponse {
    return { id: t.id, token: t.token, prefix: t.prefix };
  }
}

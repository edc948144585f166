import type { Principal } from '@domain/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class MeDto {
  @ApiProperty({ enum: ['staff', 'consumer'] }) kind: 'staff' | 'consumer';
  @ApiProperty() name: string;
  @ApiPropertyOptional({ enum: ['admin', 'agent', 'security', 'viewer'] }) role?: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional() consumerId?: string;
  @ApiPropertyOptional() orgNumber?: string;
}

export function toMe(p: Principal): MeDto {
  return p.kind === 'staff'
    ? { kind: 'staff', id: p.id, name: p.name, email: p.email, role: p.role }
    : { kind: 'consumer', consumerId: p.consumerId, name: p.name, orgNumber: p.orgNumber, ...(p.email ? { email: p.email } : {}) };
}

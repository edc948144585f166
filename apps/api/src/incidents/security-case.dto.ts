import { SECURITY_CHECKLIST_ITEMS, type SecurityChecklistItem } from '@domain/incidents';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class SecurityStepDto {
  @ApiProperty({ enum: SECURITY_CHECKLIST_ITEMS, enumName: 'SecurityChecklistItem' })
  @IsIn(SECURITY_CHECKLIST_ITEMS)
  item: SecurityChecklistItem;
  @ApiPropertyOptional({ example: 'Vakthavende i Skatteetaten, Kari Nordmann', description: 'skeCalled: whom the call reached' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  calledName?: string;
  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-04T18:45:00+01:00', description: 'skeCalled: when the call was made' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  calledAt?: string;
  @ApiPropertyOptional({ example: 'API-nøkkelen er trukket tilbake', description: 'containment: what was done' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  text?: string;
}

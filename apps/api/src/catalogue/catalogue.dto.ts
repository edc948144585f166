import { SERVICE_LIFECYCLES, type ServiceLifecycle } from '@domain/catalogue';
import { KS_SERVICE_AREAS } from '@domain/catalogue';
import { type Environment, ENVIRONMENTS } from '@domain/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

// The DTOs check the shape; content rules (code format, e-mails, environments, duplicates,
// dates) are the domain's, so the API and the admin forms report them alike, field by field.

export class EntitlementPackageDto {
  @ApiProperty({ example: 'kommuneforeldrebetaling' }) @IsString() code: string;
  @ApiProperty({ example: 'Beregne redusert foreldrebetaling i barnehage og SFO.' }) @IsString() purpose: string;
}

export class CatalogueServiceDto {
  @ApiProperty({ example: 'summert-skattegrunnlag', pattern: '^[a-z0-9][a-z0-9-]{1,63}$' }) @IsString() code: string;
  @ApiProperty({ example: 'Summert skattegrunnlag API' }) @IsString() name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() description?: string;
  @ApiPropertyOptional({ type: [String], example: ['Skattepliktig inntekt', 'Nettoformue'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  informationTypes?: string[];
  @ApiProperty({ type: [String], example: ['skatteetaten:summertskattegrunnlag'] })
  @IsArray()
  @IsString({ each: true })
  maskinportenScopes: string[];
  @ApiPropertyOptional({ type: [EntitlementPackageDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => EntitlementPackageDto)
  entitlementPackages?: EntitlementPackageDto[];
  @ApiPropertyOptional({ type: [String], example: [KS_SERVICE_AREAS[0]] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  serviceAreas?: string[];
  @ApiProperty({ enum: ENVIRONMENTS, isArray: true }) @IsArray() @IsString({ each: true }) environments: Environment[];
  @ApiPropertyOptional({ example: 'Summert Skattegrunnlag API – På vegne av', nullable: true }) @IsOptional() @IsString() altinnResource?:
    string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() documentationUrl?: string | null;
  @ApiPropertyOptional({ enum: SERVICE_LIFECYCLES, default: 'active' })
  @IsOptional()
  @IsIn(SERVICE_LIFECYCLES)
  lifecycle?: ServiceLifecycle;
  @ApiPropertyOptional({ format: 'date', nullable: true }) @IsOptional() @IsString() sunsetDate?: string | null;
  @ApiProperty({ type: [String], example: ['drift@skatteetaten.example'] }) @IsArray() @IsString({ each: true }) escalationEmails: string[];
  @ApiProperty({ type: [String], example: ['sikkerhet@skatteetaten.example'] })
  @IsArray()
  @IsString({ each: true })
  securityEmails: string[];
}

export class CatalogueVersionDto {
  @ApiProperty({ example: 'Bilag 2 – 2026.2' }) @IsOptional() @IsString() @MaxLength(200) label: string;
  @ApiProperty({ example: '2026-07-01', description: 'YYYY-MM-DD or an ISO date-time (taken as its day in Norway)' })
  @IsOptional()
  @IsString()
  effectiveFrom: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() notes?: string | null;
  @ApiProperty({ type: [CatalogueServiceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CatalogueServiceDto)
  services: CatalogueServiceDto[];
}

export class CreateCatalogueVersionDto extends CatalogueVersionDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Copy the services of this version into the new draft; label and effectiveFrom may then be left out.',
  })
  @IsOptional()
  @IsUUID()
  copyFrom?: string;
}

export class CopyCatalogueVersionDto {
  @ApiPropertyOptional({ description: 'Default: the source label with "(utkast)"' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  label?: string;
  @ApiPropertyOptional({ description: "Default: the later of the source's date and today" })
  @IsOptional()
  @IsString()
  effectiveFrom?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() notes?: string | null;
}

export class CatalogueServiceResponse extends CatalogueServiceDto {
  @ApiProperty() declare description: string;
}

export class CatalogueVersionSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() label: string;
  @ApiProperty({
    enum: ['draft', 'published', 'superseded'],
    description: 'As of today: published = in force or scheduled; superseded = replaced by a later version',
  })
  status: string;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @ApiProperty({ nullable: true }) notes: string | null;
  @ApiProperty({ description: 'In force today' }) inForce: boolean;
  @ApiProperty({ description: 'Published with an effective date still to come' }) scheduled: boolean;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ nullable: true }) publishedBy: string | null;
  @ApiProperty({ nullable: true }) publishedAt: Date | null;
  @ApiProperty() serviceCount: number;
  @ApiProperty({ type: [String] }) serviceCodes: string[];
}

export class CatalogueVersionResponse extends CatalogueVersionSummaryResponse {
  @ApiProperty({ type: [CatalogueServiceResponse] }) services: CatalogueServiceResponse[];
}

class VersionRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() label: string;
}

class FieldChangeResponse {
  @ApiProperty() field: string;
  @ApiProperty({ nullable: true }) before: unknown;
  @ApiProperty({ nullable: true }) after: unknown;
  @ApiPropertyOptional({ type: 'array', description: 'List fields: entries only after' }) added?: unknown[];
  @ApiPropertyOptional({ type: 'array', description: 'List fields: entries only before' }) removed?: unknown[];
}

class ServiceChangeResponse {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [FieldChangeResponse] }) changes: FieldChangeResponse[];
}

export class CatalogueDiffResponse {
  @ApiProperty({ type: VersionRef, description: 'The version compared against (`against`)' }) from: VersionRef;
  @ApiProperty({ type: VersionRef, description: 'The version asked about (`:id`)' }) to: VersionRef;
  @ApiProperty({ type: [CatalogueServiceResponse] }) added: CatalogueServiceResponse[];
  @ApiProperty({ type: [CatalogueServiceResponse] }) removed: CatalogueServiceResponse[];
  @ApiProperty({ type: [ServiceChangeResponse] }) changed: ServiceChangeResponse[];
  @ApiProperty({ type: [String] }) unchanged: string[];
  @ApiProperty() againstDefaulted: boolean;
}

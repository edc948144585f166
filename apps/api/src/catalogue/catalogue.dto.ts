import {
  type CatalogueComparison,
  type CatalogueServiceView,
  type CatalogueVersionSummary,
  type CatalogueVersionView,
  KS_SERVICE_AREAS,
  SERVICE_LIFECYCLES,
  type ServiceField,
  type ServiceLifecycle,
} from '@domain/catalogue';
import { type Environment, ENVIRONMENTS } from '@domain/shared';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
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
  @ApiProperty({ enum: ENVIRONMENTS, enumName: 'Environment', isArray: true })
  @IsArray()
  @IsString({ each: true })
  environments: Environment[];
  @ApiPropertyOptional({ type: String, example: 'Summert Skattegrunnlag API – På vegne av', nullable: true })
  @IsOptional()
  @IsString()
  altinnResource?: string | null;
  @ApiPropertyOptional({ type: String, example: 'https://skatteetaten.github.io/api-dokumentasjon/', nullable: true })
  @IsOptional()
  @IsString()
  documentationUrl?: string | null;
  @ApiPropertyOptional({ enum: SERVICE_LIFECYCLES, enumName: 'ServiceLifecycle', default: 'active' })
  @IsOptional()
  @IsIn(SERVICE_LIFECYCLES)
  lifecycle?: ServiceLifecycle;
  @ApiPropertyOptional({ type: String, format: 'date', example: '2027-12-31', nullable: true })
  @IsOptional()
  @IsString()
  sunsetDate?: string | null;
  @ApiProperty({ type: [String], example: ['drift@skatteetaten.example'] }) @IsArray() @IsString({ each: true }) escalationEmails: string[];
  @ApiProperty({ type: [String], example: ['sikkerhet@skatteetaten.example'] })
  @IsArray()
  @IsString({ each: true })
  securityEmails: string[];
}

export class CatalogueVersionDto {
  @ApiPropertyOptional({ example: 'Bilag 2 – 2026.2', description: 'Required unless copied from a version' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  label: string;
  @ApiPropertyOptional({
    example: '2026-07-01',
    description: 'YYYY-MM-DD or an ISO date-time (taken as its day in Norway); required unless copied from a version',
  })
  @IsOptional()
  @IsString()
  effectiveFrom: string;
  @ApiPropertyOptional({ type: String, example: 'Nytt scope for inntekt', nullable: true }) @IsOptional() @IsString() notes?: string | null;
  @ApiPropertyOptional({ type: [CatalogueServiceDto], description: "Default: none, or the copied version's" })
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
  @ApiPropertyOptional({ type: String, example: 'Nytt scope for inntekt', nullable: true }) @IsOptional() @IsString() notes?: string | null;
}

const VERSION_STATUSES = ['draft', 'published', 'superseded'] as const satisfies ReadonlyArray<CatalogueVersionSummary['status']>;
const SERVICE_FIELDS = [
  'name',
  'description',
  'maskinportenScopes',
  'entitlementPackages',
  'serviceAreas',
  'environments',
  'escalationEmails',
  'securityEmails',
  'lifecycle',
  'sunsetDate',
  'altinnResource',
  'documentationUrl',
  'informationTypes',
] as const satisfies readonly ServiceField[];

export class CatalogueServiceResponse {
  @ApiProperty({ example: 'summert-skattegrunnlag' }) code: string;
  @ApiProperty({ example: 'Summert skattegrunnlag API' }) name: string;
  @ApiProperty({ example: 'Summerte skattegrunnlag per inntektsår.' }) description: string;
  @ApiProperty({ type: [String], example: ['Skattepliktig inntekt', 'Nettoformue'] }) informationTypes: string[];
  @ApiProperty({ type: [String], example: ['skatteetaten:summertskattegrunnlag'] }) maskinportenScopes: string[];
  @ApiProperty({ type: [EntitlementPackageDto] }) entitlementPackages: EntitlementPackageDto[];
  @ApiProperty({ type: [String], example: [KS_SERVICE_AREAS[0]] }) serviceAreas: string[];
  @ApiProperty({ enum: ENVIRONMENTS, enumName: 'Environment', isArray: true }) environments: Environment[];
  @ApiProperty({ type: String, example: 'Summert Skattegrunnlag API – På vegne av', nullable: true }) altinnResource: string | null;
  @ApiProperty({ type: String, example: 'https://skatteetaten.github.io/api-dokumentasjon/', nullable: true })
  documentationUrl: string | null;
  @ApiProperty({ enum: SERVICE_LIFECYCLES, enumName: 'ServiceLifecycle' }) lifecycle: ServiceLifecycle;
  @ApiProperty({ type: String, format: 'date', example: '2027-12-31', nullable: true }) sunsetDate: string | null;
  @ApiProperty({ type: [String], example: ['drift@skatteetaten.example'] }) escalationEmails: string[];
  @ApiProperty({ type: [String], example: ['sikkerhet@skatteetaten.example'] }) securityEmails: string[];

  static from(s: CatalogueServiceView): CatalogueServiceResponse {
    return {
      code: s.code,
      name: s.name,
      description: s.description,
      informationTypes: s.informationTypes,
      maskinportenScopes: s.maskinportenScopes,
      entitlementPackages: s.entitlementPackages.map(({ code, purpose }) => ({ code, purpose })),
      serviceAreas: s.serviceAreas,
      environments: s.environments,
      altinnResource: s.altinnResource,
      documentationUrl: s.documentationUrl,
      lifecycle: s.lifecycle,
      sunsetDate: s.sunsetDate,
      escalationEmails: s.escalationEmails,
      securityEmails: s.securityEmails,
    };
  }
}

export class CatalogueVersionSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Bilag 2 – 2026.2' }) label: string;
  @ApiProperty({
    enum: VERSION_STATUSES,
    enumName: 'CatalogueVersionStatus',
    description: 'As of today: published = in force or scheduled; superseded = replaced by a later version',
  })
  status: CatalogueVersionSummary['status'];
  @ApiProperty({ format: 'date', example: '2026-07-01' }) effectiveFrom: string;
  @ApiProperty({ type: String, example: 'Nytt scope for inntekt', nullable: true }) notes: string | null;
  @ApiProperty({ description: 'In force today' }) inForce: boolean;
  @ApiProperty({ description: 'Published with an effective date still to come' }) scheduled: boolean;
  @ApiProperty({ example: 'kari.nordmann@ks.no' }) createdBy: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ type: String, example: 'kari.nordmann@ks.no', nullable: true }) publishedBy: string | null;
  @ApiProperty({ type: Date, nullable: true }) publishedAt: Date | null;
  @ApiProperty({ type: 'integer', example: 3 }) serviceCount: number;
  @ApiProperty({ type: [String], example: ['summert-skattegrunnlag', 'inntekt'] }) serviceCodes: string[];

  static from(v: CatalogueVersionSummary): CatalogueVersionSummaryResponse {
    return {
      id: v.id,
      label: v.label,
      status: v.status,
      effectiveFrom: v.effectiveFrom,
      notes: v.notes,
      inForce: v.inForce,
      scheduled: v.scheduled,
      createdBy: v.createdBy,
      createdAt: v.createdAt,
      updatedAt: v.updatedAt,
      publishedBy: v.publishedBy,
      publishedAt: v.publishedAt,
      serviceCount: v.serviceCount,
      serviceCodes: v.serviceCodes,
    };
  }
}

export class CatalogueVersionResponse extends CatalogueVersionSummaryResponse {
  @ApiProperty({ type: [CatalogueServiceResponse] }) services: CatalogueServiceResponse[];
  @ApiProperty({
    example: 'q3VhZ0l0b1Jt4pS2eD1kXw',
    description:
      'Changes with every change to the version or its services; also the ETag. Send it as If-Match when replacing a draft, so that a change made by someone else in between is refused instead of overwritten.',
  })
  version: string;

  static override from(v: CatalogueVersionView): CatalogueVersionResponse {
    return {
      ...CatalogueVersionSummaryResponse.from(v),
      services: v.services.map((s) => CatalogueServiceResponse.from(s)),
      version: v.version,
    };
  }
}

export class CatalogueVersionRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Bilag 2 – 2026.1' }) label: string;
}

/** A changed field's value: text, a list of texts, or a list of entitlement packages. */
const FIELD_VALUE = {
  oneOf: [
    { type: 'string' },
    { type: 'array', items: { type: 'string' } },
    { type: 'array', items: { $ref: getSchemaPath(EntitlementPackageDto) } },
  ],
};
const LIST_ENTRY = { oneOf: [{ type: 'string' }, { $ref: getSchemaPath(EntitlementPackageDto) }] };

export class FieldChangeResponse {
  @ApiProperty({ enum: SERVICE_FIELDS, enumName: 'CatalogueServiceField' }) field: ServiceField;
  @ApiProperty({ ...FIELD_VALUE, nullable: true, description: 'The value in the version compared against' }) before: unknown;
  @ApiProperty({ ...FIELD_VALUE, nullable: true, description: 'The value in the version asked about' }) after: unknown;
  @ApiPropertyOptional({ type: 'array', items: LIST_ENTRY, description: 'List fields: entries only after' }) added?: unknown[];
  @ApiPropertyOptional({ type: 'array', items: LIST_ENTRY, description: 'List fields: entries only before' }) removed?: unknown[];
}

export class ServiceChangeResponse {
  @ApiProperty({ example: 'inntekt' }) code: string;
  @ApiProperty({ example: 'Inntekt API' }) name: string;
  @ApiProperty({ type: [FieldChangeResponse] }) changes: FieldChangeResponse[];
}

export class CatalogueDiffResponse {
  @ApiProperty({ type: CatalogueVersionRef, description: 'The version compared against (`against`)' }) from: CatalogueVersionRef;
  @ApiProperty({ type: CatalogueVersionRef, description: 'The version asked about (`:id`)' }) to: CatalogueVersionRef;
  @ApiProperty({ type: [CatalogueServiceResponse] }) added: CatalogueServiceResponse[];
  @ApiProperty({ type: [CatalogueServiceResponse] }) removed: CatalogueServiceResponse[];
  @ApiProperty({ type: [ServiceChangeResponse] }) changed: ServiceChangeResponse[];
  @ApiProperty({ type: [String], description: 'Codes of services with identical content', example: ['summert-skattegrunnlag'] })
  unchanged: string[];
  @ApiProperty({ description: 'The version compared against was chosen by default, not by `against`' }) againstDefaulted: boolean;

  static from(d: CatalogueComparison): CatalogueDiffResponse {
    return {
      from: { id: d.from.id, label: d.from.label },
      to: { id: d.to.id, label: d.to.label },
      added: d.added.map((s) => CatalogueServiceResponse.from(s)),
      removed: d.removed.map((s) => CatalogueServiceResponse.from(s)),
      changed: d.changed.map((c) => ({
        code: c.code,
        name: c.name,
        changes: c.changes.map((f) => ({
          field: f.field,
          before: f.before,
          after: f.after,
          ...(f.added ? { added: f.added } : {}),
          ...(f.removed ? { removed: f.removed } : {}),
        })),
      })),
      unchanged: d.unchanged,
      againstDefaulted: d.againstDefaulted,
    };
  }
}

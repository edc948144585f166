import {
  CONNECTION_METHODS,
  type ConnectionMethod,
  CONSUMER_KINDS,
  CONSUMER_STATUSES,
  type ConsumerKind,
  type ConsumerStatus,
  CONTACT_ROLES,
  type ContactRole,
  ONBOARDING_STEPS,
  type OnboardingStep,
} from '@domain/consumers';
import { type Environment, ENVIRONMENTS, isValidOrganisationNumber } from '@domain/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';

import { InstantField, IsCalendarDate } from '../http/date-fields';
import { PageLimit, PageOffset } from '../http/paging-query';

function IsOrganisationNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isOrganisationNumber',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidOrganisationNumber(value),
        defaultMessage: () => '$property must be a valid 9-digit organisation number (mod-11 check digit)',
      },
    },
    options,
  );
}

/** "974 760 673" is accepted as 974760673. */
const withoutSpaces = () => Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s+/g, '') : value));

const ADVANCE_STEPS = ONBOARDING_STEPS.filter((s) => s !== 'requested');

export class ContactDto {
  @ApiProperty({ example: 'Kari Nordmann' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ example: 'kari.nordmann@kommune.no' }) @IsEmail() @MaxLength(254) email: string;
  @ApiPropertyOptional({ type: String, example: '+47 900 00 000', nullable: true }) @IsOptional() @IsString() @MaxLength(40) phone?:
    string | null;
  @ApiProperty({ enum: CONTACT_ROLES, enumName: 'ContactRole' }) @IsIn(CONTACT_ROLES) role: ContactRole;
}

export class UpdateContactDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ type: String, example: '+47 900 00 000', nullable: true }) @IsOptional() @IsString() @MaxLength(40) phone?:
    string | null;
  @ApiPropertyOptional({ enum: CONTACT_ROLES, enumName: 'ContactRole' }) @IsOptional() @IsIn(CONTACT_ROLES) role?: ContactRole;
}

export class VendorDto {
  @ApiProperty({ example: '974760673' }) @withoutSpaces() @IsOrganisationNumber() orgNumber: string;
  @ApiProperty({ example: 'Fagsystem AS' }) @IsString() @Length(1, 200) name: string;
}

/** Fields of a service access that can be set on creation and changed later. */
export class ServiceAccessFieldsDto {
  @ApiPropertyOptional({ type: String, example: 'Barnehageloven § 21, forskrift om foreldrebetaling', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  legalBasis?: string | null;
  @ApiPropertyOptional({ type: String, example: 'Skatteforvaltningsloven § 3-3', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  lawReference?: string | null;
  @ApiPropertyOptional({ type: String, example: 'Redusert foreldrebetaling i barnehage', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  purpose?: string | null;
  @ApiPropertyOptional({ type: String, example: 'redusert foreldrebetaling barnehage/SFO', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  serviceArea?: string | null;
  @ApiPropertyOptional({ type: String, example: 'kommuneforeldrebetaling', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  entitlementPackage?: string | null;
  @ApiPropertyOptional({ enum: CONNECTION_METHODS, enumName: 'ConnectionMethod', nullable: true })
  @IsOptional()
  @IsIn(CONNECTION_METHODS)
  connectionMethod?: ConnectionMethod | null;
  @ApiPropertyOptional({ type: VendorDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => VendorDto)
  vendor?: VendorDto | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() dataProcessingAgreementConfirmed?: boolean;
  @ApiPropertyOptional({ type: String, format: 'date-time', example: '2026-03-01T00:00:00Z', nullable: true })
  @IsOptional()
  @InstantField()
  altinnDelegationConfirmedAt?: Date | null;
  @ApiPropertyOptional({ type: String, example: 'skatteetaten:summertskattegrunnlag', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  maskinportenScope?: string | null;
}

export class ServiceAccessDto extends ServiceAccessFieldsDto {
  @ApiProperty({ example: 'summert-skattegrunnlag', description: 'Service code in the Bilag 2 version in force' })
  @IsString()
  @Length(1, 100)
  code: string;
  @ApiProperty({ enum: ENVIRONMENTS, enumName: 'Environment', isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(ENVIRONMENTS, { each: true })
  environments: Environment[];
}

export class SetServiceAccessDto extends ServiceAccessFieldsDto {
  @ApiPropertyOptional({ enum: ENVIRONMENTS, enumName: 'Environment', isArray: true, description: 'Required when the access is new' })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(ENVIRONMENTS, { each: true })
  environments?: Environment[];
}

export class AcceptedTermsDto {
  @ApiProperty({ example: 'summert-skattegrunnlag' }) @IsString() @Length(1, 100) serviceCode: string;
  @ApiPropertyOptional({ type: String, example: '2.1', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  sharingTermsVersion?: string | null;
  @ApiPropertyOptional({ type: String, example: '1.4', nullable: true }) @IsOptional() @IsString() @MaxLength(50) usageTermsVersion?:
    string | null;
}

export class AgreementDto {
  @ApiProperty({ format: 'date', example: '2026-02-15' })
  @IsCalendarDate()
  signedOn: string;
  @ApiProperty({ example: 'Ola Nordmann' }) @IsString() @Length(1, 200) signatoryName: string;
  @ApiPropertyOptional({ type: String, example: 'Rådmann', nullable: true }) @IsOptional() @IsString() @MaxLength(200) signatoryTitle?:
    string | null;
  @ApiProperty({ format: 'date', example: '2026-03-01' })
  @IsCalendarDate()
  validFrom: string;
  @ApiPropertyOptional({ type: String, format: 'date', example: '2028-02-29', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  validTo?: string | null;
  @ApiPropertyOptional({ type: [AcceptedTermsDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AcceptedTermsDto)
  acceptedTerms?: AcceptedTermsDto[];
  @ApiPropertyOptional({ type: String, example: 'P360 2026/1234', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  documentReference?: string | null;
}

export class CreateConsumerDto {
  @ApiProperty({ example: '974760673' }) @withoutSpaces() @IsOrganisationNumber() orgNumber: string;
  @ApiProperty({ example: 'Eksempel kommune' }) @IsString() @Length(1, 200) name: string;
  @ApiPropertyOptional({
    enum: CONSUMER_KINDS,
    enumName: 'ConsumerKind',
    description: 'Default: fylkeskommune when the name says so, else kommune',
  })
  @IsOptional()
  @IsIn(CONSUMER_KINDS)
  kind?: ConsumerKind;
  @ApiPropertyOptional({ type: String, example: '0301', nullable: true })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: '$property must be 4 digits' })
  municipalityNumber?: string | null;
  @ApiPropertyOptional({
    enum: CONSUMER_STATUSES,
    enumName: 'ConsumerStatus',
    description: 'Default: active with at least one contact and one service, else applicant',
  })
  @IsOptional()
  @IsIn(CONSUMER_STATUSES)
  status?: ConsumerStatus;
  @ApiPropertyOptional({ type: [ContactDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ContactDto)
  contacts?: ContactDto[];
  @ApiPropertyOptional({ type: [ServiceAccessDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ServiceAccessDto)
  services?: ServiceAccessDto[];
  @ApiPropertyOptional({ type: AgreementDto }) @IsOptional() @ValidateNested() @Type(() => AgreementDto) agreement?: AgreementDto;
}

export class UpdateConsumerDto {
  @ApiPropertyOptional({ example: '974760673' }) @IsOptional() @withoutSpaces() @IsOrganisationNumber() orgNumber?: string;
  @ApiPropertyOptional({ example: 'Eksempel kommune' }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ enum: CONSUMER_KINDS, enumName: 'ConsumerKind' }) @IsOptional() @IsIn(CONSUMER_KINDS) kind?: ConsumerKind;
  @ApiPropertyOptional({ type: String, example: '0301', nullable: true })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: '$property must be 4 digits' })
  municipalityNumber?: string | null;
  @ApiPropertyOptional({ enum: CONSUMER_STATUSES, enumName: 'ConsumerStatus' })
  @IsOptional()
  @IsIn(CONSUMER_STATUSES)
  status?: ConsumerStatus;
}

export class SearchConsumersQuery {
  @ApiPropertyOptional({ description: 'Name, organisation number or municipality number' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ enum: CONSUMER_STATUSES, enumName: 'ConsumerStatus' })
  @IsOptional()
  @IsIn(CONSUMER_STATUSES)
  status?: ConsumerStatus;
  @ApiPropertyOptional({ description: 'Service code' }) @IsOptional() @IsString() @MaxLength(100) service?: string;
  @ApiPropertyOptional({ enum: ONBOARDING_STEPS, enumName: 'OnboardingStep' }) @IsOptional() @IsIn(ONBOARDING_STEPS) step?: OnboardingStep;
  @ApiPropertyOptional({ description: 'Vendor organisation number or name' }) @IsOptional() @IsString() @MaxLength(200) vendor?: string;
  @PageLimit(500, 100)
  limit?: number;
  @PageOffset()
  offset?: number;
}

export class ExpiringAgreementsQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 3660, default: 60 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3660)
  days?: number;
}

export class ImportConsumersQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'true', description: 'true: only report what would change' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

export class ImportConsumersDto {
  @ApiProperty({
    description:
      'CSV with the header orgNumber,name,kind,municipalityNumber,contactName,contactEmail,contactPhone,contactRole,services, or the ' +
      'Norwegian organisasjonsnummer;navn;type;kommunenummer;kontaktnavn;e-post;telefon;rolle;tjenester (roles teknisk, faglig, ' +
      'sikkerhet); the separator (`,` or `;`) is read from the header line, a UTF-8 BOM is allowed; services separated by ";" or ","',
  })
  @IsString()
  csv: string;
}

export class AdvanceOnboardingDto {
  @ApiProperty({ enum: ADVANCE_STEPS }) @IsIn(ADVANCE_STEPS) to: OnboardingStep;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class OnboardingChecklistDto {
  @ApiPropertyOptional({ description: 'Delegation of «Summert Skattegrunnlag API – På vegne av» in Altinn' })
  @IsOptional()
  @IsBoolean()
  altinnDelegation?: boolean;
  @ApiPropertyOptional({ description: 'The production API is delegated (not only test)' })
  @IsOptional()
  @IsBoolean()
  productionApiDelegated?: boolean;
  @ApiPropertyOptional({ description: 'The main organisation number is used, not a sub-unit' })
  @IsOptional()
  @IsBoolean()
  mainOrganisationNumber?: boolean;
  @ApiPropertyOptional({ description: 'The vendor has a Maskinporten delegation and its own enterprise certificate' })
  @IsOptional()
  @IsBoolean()
  vendorMaskinporten?: boolean;
  @ApiPropertyOptional({ description: 'The correct scope name is used' }) @IsOptional() @IsBoolean() scopeName?: boolean;
}

export class ReorderQueueDto {
  @ApiProperty({ type: [String], description: 'Queue item ids in their new order; they take the places they hold between them now' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  ids: string[];
}

export class MoveQueueItemDto {
  @ApiProperty({ enum: ['up', 'down'] }) @IsIn(['up', 'down']) direction: 'up' | 'down';
}

export class CreateConsumerApiKeyDto {
  @ApiPropertyOptional({ example: 'Fagsystem produksjon' }) @IsOptional() @IsString() @MaxLength(100) name?: string;
}

/** The CSV from a text/csv body or from JSON {"csv": "..."}. */
export function csvFrom(body: unknown): string {
  if (typeof body === 'string') return body;
  const csv = (body as { csv?: unknown } | undefined)?.csv;
  return typeof csv === 'string' ? csv : '';
}

import {
  CHECKLIST_KEYS,
  type ChecklistItemView,
  type ChecklistKey,
  CONNECTION_METHODS,
  type ConnectionMethod,
  CONSUMER_KINDS,
  CONSUMER_STATUSES,
  type ConsumerKind,
  type ConsumerListItem,
  type ConsumerStatus,
  CONTACT_ROLES,
  type ContactRole,
  type CreatedApiKey,
  type ExpiringAgreement,
  type GetConsumer,
  type ImportResult,
  type ListConsumerApiKeys,
  ONBOARDING_STEPS,
  type OnboardingStep,
  type QueueItem,
} from '@domain/consumers';
import { type Environment, ENVIRONMENTS, versionOf } from '@domain/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { FieldErrorDto } from '../http/problem.dto';

// The use cases' read views, named here by what the use cases return.
type ConsumerDetail = Awaited<ReturnType<GetConsumer['execute']>>;
type ContactView = ConsumerDetail['contacts'][number];
type ServiceAccessView = ConsumerDetail['services'][number];
type AgreementView = NonNullable<ConsumerDetail['agreement']>;
type ApiKeyView = Awaited<ReturnType<ListConsumerApiKeys['execute']>>[number];

const IMPORT_ACTIONS = ['create', 'update', 'unchanged', 'error'] as const satisfies ReadonlyArray<ImportResult['rows'][number]['action']>;

export class ContactResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Kari Nordmann' }) name: string;
  @ApiProperty({ example: 'kari.nordmann@kommune.no' }) email: string;
  @ApiProperty({ type: String, example: '+47 900 00 000', nullable: true }) phone: string | null;
  @ApiProperty({ enum: CONTACT_ROLES, enumName: 'ContactRole' }) role: ContactRole;

  static from(c: ContactView): ContactResponse {
    return { id: c.id, name: c.name, email: c.email, phone: c.phone, role: c.role };
  }
}

export class VendorResponse {
  @ApiProperty({ type: String, example: '974760673', nullable: true }) orgNumber: string | null;
  @ApiProperty({ type: String, example: 'Fagsystem AS', nullable: true }) name: string | null;
  @ApiProperty({ type: Date, nullable: true, description: 'Since when the vendor acts for the consumer' }) since: Date | null;
}

export class VendorHistoryEntryResponse {
  @ApiProperty({ type: String, example: '974760673', nullable: true }) orgNumber: string | null;
  @ApiProperty({ type: String, example: 'Fagsystem AS', nullable: true }) name: string | null;
  @ApiProperty({ enum: CONNECTION_METHODS, enumName: 'ConnectionMethod', nullable: true }) connectionMethod: ConnectionMethod | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) from: string | null;
  @ApiProperty({ format: 'date-time' }) until: string;
  @ApiProperty({ example: 'kari.nordmann@ks.no' }) changedBy: string;
}

export class OnboardingEventResponse {
  @ApiProperty({ enum: ONBOARDING_STEPS, enumName: 'OnboardingStep' }) step: OnboardingStep;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: 'kari.nordmann@ks.no' }) by: string;
  @ApiPropertyOptional({ type: String, example: 'Testet mot test-API-et', nullable: true }) note?: string | null;
}

export class ChecklistItemResponse {
  @ApiProperty({ enum: CHECKLIST_KEYS, enumName: 'ChecklistKey' }) key: ChecklistKey;
  @ApiProperty({ example: 'Riktig scope-navn er brukt' }) label: string;
  @ApiProperty({ description: 'Whether the item applies to this connection method and these environments' }) applicable: boolean;
  @ApiProperty() checked: boolean;
  @ApiProperty({ type: String, example: 'kari.nordmann@ks.no', nullable: true }) checkedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedAt: string | null;

  static from(i: ChecklistItemView): ChecklistItemResponse {
    return { key: i.key, label: i.label, applicable: i.applicable, checked: i.checked, checkedBy: i.checkedBy, checkedAt: i.checkedAt };
  }
}

export class OnboardingResponse {
  @ApiProperty({ enum: ONBOARDING_STEPS, enumName: 'OnboardingStep' }) step: OnboardingStep;
  @ApiProperty({ enum: ONBOARDING_STEPS, enumName: 'OnboardingStep', nullable: true, description: 'None once connected' })
  nextStep: OnboardingStep | null;
  @ApiProperty({ type: [OnboardingEventResponse] }) history: OnboardingEventResponse[];
  @ApiProperty({ type: [ChecklistItemResponse] }) checklist: ChecklistItemResponse[];
  @ApiProperty({ type: 'integer', description: 'Place in the onboarding queue (lower first)' }) queuePosition: number;
}

/** A consumer's access to one catalogue service, with its onboarding. */
export class ServiceAccessResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'summert-skattegrunnlag' }) code: string;
  @ApiProperty({ enum: ENVIRONMENTS, enumName: 'Environment', isArray: true }) environments: Environment[];
  @ApiProperty({ type: String, example: 'Barnehageloven § 21, forskrift om foreldrebetaling', nullable: true }) legalBasis: string | null;
  @ApiProperty({ type: String, example: 'Skatteforvaltningsloven § 3-3', nullable: true }) lawReference: string | null;
  @ApiProperty({ type: String, example: 'Redusert foreldrebetaling i barnehage', nullable: true }) purpose: string | null;
  @ApiProperty({ type: String, example: 'redusert foreldrebetaling barnehage/SFO', nullable: true }) serviceArea: string | null;
  @ApiProperty({ type: String, example: 'kommuneforeldrebetaling', nullable: true }) entitlementPackage: string | null;
  @ApiProperty({ enum: CONNECTION_METHODS, enumName: 'ConnectionMethod', nullable: true }) connectionMethod: ConnectionMethod | null;
  @ApiProperty({ type: VendorResponse, nullable: true }) vendor: VendorResponse | null;
  @ApiProperty({ type: [VendorHistoryEntryResponse], description: 'Vendors that acted for the consumer before' })
  vendorHistory: VendorHistoryEntryResponse[];
  @ApiProperty() dataProcessingAgreementConfirmed: boolean;
  @ApiProperty({ type: Date, nullable: true }) altinnDelegationConfirmedAt: Date | null;
  @ApiProperty({ type: String, example: 'skatteetaten:summertskattegrunnlag', nullable: true }) maskinportenScope: string | null;
  @ApiProperty({ type: OnboardingResponse }) onboarding: OnboardingResponse;

  static from(s: ServiceAccessView): ServiceAccessResponse {
    return {
      id: s.id,
      code: s.code,
      environments: s.environments,
      legalBasis: s.legalBasis,
      lawReference: s.lawReference,
      purpose: s.purpose,
      serviceArea: s.serviceArea,
      entitlementPackage: s.entitlementPackage,
      connectionMethod: s.connectionMethod,
      vendor: s.vendor ? { orgNumber: s.vendor.orgNumber, name: s.vendor.name, since: s.vendor.since } : null,
      vendorHistory: s.vendorHistory.map((v) => ({
        orgNumber: v.orgNumber,
        name: v.name,
        connectionMethod: v.connectionMethod,
        from: v.from,
        until: v.until,
        changedBy: v.changedBy,
      })),
      dataProcessingAgreementConfirmed: s.dataProcessingAgreementConfirmed,
      altinnDelegationConfirmedAt: s.altinnDelegationConfirmedAt,
      maskinportenScope: s.maskinportenScope,
      onboarding: {
        step: s.onboarding.step,
        nextStep: s.onboarding.nextStep,
        history: s.onboarding.history.map((h) => ({ step: h.step, at: h.at, by: h.by, ...(h.note !== undefined ? { note: h.note } : {}) })),
        checklist: s.onboarding.checklist.map((i) => ChecklistItemResponse.from(i)),
        queuePosition: s.onboarding.queuePosition,
      },
    };
  }
}

export class AcceptedTermsResponse {
  @ApiProperty({ example: 'summert-skattegrunnlag' }) serviceCode: string;
  @ApiProperty({ type: String, example: '2.1', nullable: true }) sharingTermsVersion: string | null;
  @ApiProperty({ type: String, example: '1.4', nullable: true }) usageTermsVersion: string | null;
}

/** The consumer agreement (konsumentavtale) in force. */
export class AgreementResponse {
  @ApiProperty({ format: 'date', example: '2026-02-15' }) signedOn: string;
  @ApiProperty({ example: 'Ola Nordmann' }) signatoryName: string;
  @ApiProperty({ type: String, example: 'Rådmann', nullable: true }) signatoryTitle: string | null;
  @ApiProperty({ format: 'date', example: '2026-03-01' }) validFrom: string;
  @ApiProperty({ type: String, format: 'date', example: '2028-02-29', nullable: true }) validTo: string | null;
  @ApiProperty({ type: [AcceptedTermsResponse] }) acceptedTerms: AcceptedTermsResponse[];
  @ApiProperty({ type: String, example: 'P360 2026/1234', nullable: true }) documentReference: string | null;
  @ApiProperty() updatedAt: Date;

  static from(a: AgreementView): AgreementResponse {
    return {
      signedOn: a.signedOn,
      signatoryName: a.signatoryName,
      signatoryTitle: a.signatoryTitle,
      validFrom: a.validFrom,
      validTo: a.validTo,
      acceptedTerms: a.acceptedTerms.map((t) => ({
        serviceCode: t.serviceCode,
        sharingTermsVersion: t.sharingTermsVersion,
        usageTermsVersion: t.usageTermsVersion,
      })),
      documentReference: a.documentReference,
      updatedAt: a.updatedAt,
    };
  }
}

class ConsumerFieldsResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '974760673' }) orgNumber: string;
  @ApiProperty({ example: 'Eksempel kommune' }) name: string;
  @ApiProperty({ enum: CONSUMER_KINDS, enumName: 'ConsumerKind' }) kind: ConsumerKind;
  @ApiProperty({ type: String, example: '0301', nullable: true }) municipalityNumber: string | null;
  @ApiProperty({ enum: CONSUMER_STATUSES, enumName: 'ConsumerStatus' }) status: ConsumerStatus;
}

/** A consumer with its contacts, service access and agreement. */
export class ConsumerResponse extends ConsumerFieldsResponse {
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ type: [ContactResponse] }) contacts: ContactResponse[];
  @ApiProperty({ type: [ServiceAccessResponse] }) services: ServiceAccessResponse[];
  @ApiProperty({ type: AgreementResponse, nullable: true }) agreement: AgreementResponse | null;
  @ApiProperty({
    example: 'q3VhZ0l0b1Jt4pS2eD1kXw',
    description:
      'Changes with every change to the consumer, its contacts, services or agreement; also the ETag. Send it as If-Match when updating, so that a change made by someone else in between is refused instead of overwritten.',
  })
  version: string;

  static from(c: ConsumerDetail): ConsumerResponse {
    return {
      version: versionOf(c),
      id: c.id,
      orgNumber: c.orgNumber,
      name: c.name,
      kind: c.kind,
      municipalityNumber: c.municipalityNumber,
      status: c.status,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      contacts: c.contacts.map((x) => ContactResponse.from(x)),
      services: c.services.map((s) => ServiceAccessResponse.from(s)),
      agreement: c.agreement ? AgreementResponse.from(c.agreement) : null,
    };
  }
}

export class ConsumerServiceSummaryResponse {
  @ApiProperty({ example: 'summert-skattegrunnlag' }) code: string;
  @ApiProperty({ enum: ENVIRONMENTS, enumName: 'Environment', isArray: true }) environments: Environment[];
  @ApiProperty({ enum: ONBOARDING_STEPS, enumName: 'OnboardingStep' }) step: OnboardingStep;
  @ApiProperty({ type: String, example: 'Fagsystem AS', nullable: true }) vendorName: string | null;
}

export class ConsumerListItemResponse extends ConsumerFieldsResponse {
  @ApiProperty({ type: [ConsumerServiceSummaryResponse] }) services: ConsumerServiceSummaryResponse[];
  @ApiProperty({ type: 'integer', description: 'Number of technical contacts' }) technicalContacts: number;
  @ApiProperty({ type: String, format: 'date', example: '2028-02-29', nullable: true }) agreementValidTo: string | null;

  static from(c: ConsumerListItem): ConsumerListItemResponse {
    return {
      id: c.id,
      orgNumber: c.orgNumber,
      name: c.name,
      kind: c.kind,
      municipalityNumber: c.municipalityNumber,
      status: c.status,
      services: c.services.map((s) => ({ code: s.code, environments: s.environments, step: s.step, vendorName: s.vendorName })),
      technicalContacts: c.technicalContacts,
      agreementValidTo: c.agreementValidTo,
    };
  }
}

export class ConsumerPageResponse {
  @ApiProperty({ type: [ConsumerListItemResponse] }) items: ConsumerListItemResponse[];
  @ApiProperty({ type: 'integer', description: 'Matches in all, beyond this page too' }) total: number;

  static from(page: { items: ConsumerListItem[]; total: number }): ConsumerPageResponse {
    return { items: page.items.map((c) => ConsumerListItemResponse.from(c)), total: page.total };
  }
}

export class ExpiringAgreementResponse {
  @ApiProperty({ format: 'uuid' }) consumerId: string;
  @ApiProperty({ example: '974760673' }) orgNumber: string;
  @ApiProperty({ example: 'Eksempel kommune' }) name: string;
  @ApiProperty({ format: 'date', example: '2026-08-31' }) validTo: string;
  @ApiProperty({ type: 'integer', example: 42 }) daysLeft: number;

  static from(a: ExpiringAgreement): ExpiringAgreementResponse {
    return { consumerId: a.consumerId, orgNumber: a.orgNumber, name: a.name, validTo: a.validTo, daysLeft: a.daysLeft };
  }
}

export class ConsumerImportRowResponse {
  @ApiProperty({ type: 'integer', description: 'Line in the CSV (the header is line 1)', example: 2 }) line: number;
  @ApiProperty({ example: '974760673' }) orgNumber: string;
  @ApiProperty({ example: 'Eksempel kommune' }) name: string;
  @ApiProperty({ enum: IMPORT_ACTIONS, enumName: 'ConsumerImportAction' }) action: (typeof IMPORT_ACTIONS)[number];
  @ApiPropertyOptional({ format: 'uuid', description: 'The consumer already registered with this organisation number' })
  existingId?: string;
  @ApiProperty({ type: [String], example: ['name'] }) changes: string[];
  @ApiProperty({ type: [FieldErrorDto] }) errors: FieldErrorDto[];
}

export class ConsumerImportResponse {
  @ApiProperty({ description: 'Nothing was changed; the rows tell what would be' }) dryRun: boolean;
  @ApiProperty({ type: 'integer' }) created: number;
  @ApiProperty({ type: 'integer' }) updated: number;
  @ApiProperty({ type: 'integer' }) unchanged: number;
  @ApiProperty({ type: 'integer', description: 'Rows with errors (skipped)' }) errors: number;
  @ApiProperty({ type: [ConsumerImportRowResponse] }) rows: ConsumerImportRowResponse[];

  static from(r: ImportResult): ConsumerImportResponse {
    return {
      dryRun: r.dryRun,
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      errors: r.errors,
      rows: r.rows.map((row) => ({
        line: row.line,
        orgNumber: row.orgNumber,
        name: row.name,
        action: row.action,
        ...(row.existingId ? { existingId: row.existingId } : {}),
        changes: row.changes,
        errors: row.errors.map(({ field, message }) => ({ field, message })),
      })),
    };
  }
}

export class ConsumerApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: 'Fagsystem produksjon', nullable: true }) name: string | null;
  @ApiProperty({ example: 'sdc_AbCdEf', description: 'The start of the key, to recognise it by' }) prefix: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ example: 'kari.nordmann@ks.no' }) createdBy: string;
  @ApiProperty({ type: Date, nullable: true }) lastUsedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) revokedAt: Date | null;

  static from(k: ApiKeyView): ConsumerApiKeyResponse {
    return {
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      createdAt: k.createdAt,
      createdBy: k.createdBy,
      lastUsedAt: k.lastUsedAt,
      revokedAt: k.revokedAt,
    };
  }
}

export class CreatedConsumerApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Shown once; only its SHA-256 is kept' }) key: string;
  @ApiProperty({ example: 'sdc_AbCdEf' }) prefix: string;
  @ApiProperty({ type: String, example: 'Fagsystem produksjon', nullable: true }) name: string | null;
  @ApiProperty() createdAt: Date;

  static from(k: CreatedApiKey): CreatedConsumerApiKeyResponse {
    return { id: k.id, key: k.key, prefix: k.prefix, name: k.name, createdAt: k.createdAt };
  }
}

/** A consumer × service access waiting in the onboarding queue. */
export class QueueItemResponse {
  @ApiProperty({ format: 'uuid', description: 'The service access being onboarded' }) id: string;
  @ApiProperty({ format: 'uuid' }) consumerId: string;
  @ApiProperty({ example: '974760673' }) orgNumber: string;
  @ApiProperty({ example: 'Eksempel kommune' }) consumerName: string;
  @ApiProperty({ example: 'summert-skattegrunnlag' }) serviceCode: string;
  @ApiProperty({ enum: ONBOARDING_STEPS, enumName: 'OnboardingStep' }) step: OnboardingStep;
  @ApiProperty({ type: 'integer', description: '1 = next in line' }) position: number;
  @ApiProperty() requestedAt: Date;
  @ApiProperty({ type: 'integer' }) checklistDone: number;
  @ApiProperty({ type: 'integer' }) checklistTotal: number;

  static from(q: QueueItem): QueueItemResponse {
    return {
      id: q.id,
      consumerId: q.consumerId,
      orgNumber: q.orgNumber,
      consumerName: q.consumerName,
      serviceCode: q.serviceCode,
      step: q.step,
      position: q.position,
      requestedAt: q.requestedAt,
      checklistDone: q.checklistDone,
      checklistTotal: q.checklistTotal,
    };
  }
}

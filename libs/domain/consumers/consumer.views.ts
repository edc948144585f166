import type { Environment } from '@domain/shared';

import type { Consumer, ConsumerKind, ConsumerStatus } from './consumer.entity';
import type { AcceptedTerms, ConsumerAgreement } from './consumer-agreement.entity';
import type { ConsumerApiKey } from './consumer-api-key.entity';
import type { ConsumerContact, ContactRole } from './consumer-contact.entity';
import { checklistFor, type ChecklistItemView, nextStep } from './consumer-rules';
import type { ConnectionMethod, ConsumerService, OnboardingEvent, OnboardingStep, VendorHistoryEntry } from './consumer-service.entity';

/** A consumer as other contexts see it. */
export interface ConsumerView {
  id: string;
  orgNumber: string;
  name: string;
  kind: ConsumerKind;
  municipalityNumber: string | null;
  status: ConsumerStatus;
}

export interface ContactView {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  role: ContactRole;
}

export interface OnboardingView {
  step: OnboardingStep;
  nextStep: OnboardingStep | null;
  history: OnboardingEvent[];
  checklist: ChecklistItemView[];
  queuePosition: number;
}

export interface ServiceAccessView {
  id: string;
  code: string;
  environments: Environment[];
  legalBasis: string | null;
  lawReference: string | null;
  purpose: string | null;
  serviceArea: string | null;
  entitlementPackage: string | null;
  connectionMethod: ConnectionMethod | null;
  vendor: { orgNumber: string | null; name: string | null; since: Date | null } | null;
  vendorHistory: VendorHistoryEntry[];
  dataProcessingAgreementConfirmed: boolean;
  altinnDelegationConfirmedAt: Date | null;
  maskinportenScope: string | null;
  onboarding: OnboardingView;
}

export interface AgreementView {
  signedOn: string;
  signatoryName: string;
  signatoryTitle: string | null;
  validFrom: string;
  validTo: string | null;
  acceptedTerms: AcceptedTerms[];
  documentReference: string | null;
  updatedAt: Date;
}

export interface ConsumerDetail extends ConsumerView {
  createdAt: Date;
  updatedAt: Date;
  contacts: ContactView[];
  services: ServiceAccessView[];
  agreement: AgreementView | null;
}

export interface ApiKeyView {
  id: string;
  name: string | null;
  prefix: string;
  createdAt: Date;
  createdBy: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function toConsumerView(c: Consumer): ConsumerView {
  return { id: c.id, orgNumber: c.orgNumber, name: c.name, kind: c.kind, municipalityNumber: c.municipalityNumber, status: c.status };
}

export function toContactView(c: ConsumerContact): ContactView {
  return { id: c.id, name: c.name, email: c.email, phone: c.phone, role: c.role };
}

/** `altinnResource`: the service's Altinn resource in the catalogue in force, which its checklist names. */
export function toServiceAccessView(s: ConsumerService, altinnResource: string | null): ServiceAccessView {
  return {
    id: s.id,
    code: s.serviceCode,
    environments: s.environments,
    legalBasis: s.legalBasis,
    lawReference: s.lawReference,
    purpose: s.purpose,
    serviceArea: s.serviceArea,
    entitlementPackage: s.entitlementPackage,
    connectionMethod: s.connectionMethod,
    vendor: s.vendorOrgNumber || s.vendorName ? { orgNumber: s.vendorOrgNumber, name: s.vendorName, since: s.vendorSince } : null,
    vendorHistory: s.vendorHistory,
    dataProcessingAgreementConfirmed: s.dataProcessingAgreementConfirmed,
    altinnDelegationConfirmedAt: s.altinnDelegationConfirmedAt,
    maskinportenScope: s.maskinportenScope,
    onboarding: {
      step: s.onboardingStep,
      nextStep: nextStep(s.onboardingStep),
      history: s.onboardingHistory,
      checklist: checklistFor(s.connectionMethod, s.environments, s.checklist, altinnResource),
      queuePosition: s.queuePosition,
    },
  };
}

export function toAgreementView(a: ConsumerAgreement): AgreementView {
  return {
    signedOn: a.signedOn,
    signatoryName: a.signatoryName,
    signatoryTitle: a.signatoryTitle,
    validFrom: a.validFrom,
    validTo: a.validTo,
    acceptedTerms: a.acceptedTerms,
    documentReference: a.documentReference,
    updatedAt: a.updatedAt,
  };
}

export function toDetail(
  c: Consumer,
  contacts: ConsumerContact[],
  services: ConsumerService[],
  agreement: ConsumerAgreement | null,
  altinnResources: ReadonlyMap<string, string | null>,
): ConsumerDetail {
  return {
    ...toConsumerView(c),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    contacts: contacts.map(toContactView),
    services: services.map((s) => toServiceAccessView(s, altinnResources.get(s.serviceCode) ?? null)),
    agreement: agreement ? toAgreementView(agreement) : null,
  };
}

export function toApiKeyView(k: ConsumerApiKey): ApiKeyView {
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

import {
  type AgreementInput,
  CHECKLIST_KEYS,
  type ChecklistKey,
  type ConnectionMethod,
  CONSUMER_STATUSES,
  type ConsumerKind,
  type ConsumerSort,
  type ConsumerStatus,
  type ContactRole,
  ONBOARDING_STEPS,
  type OnboardingStep,
  type RegisterConsumerInput,
  type ServiceAccessInput,
} from '@domain/consumers';
import type { Environment } from '@domain/shared';

import { FormBody, leftAsShown, list, nullable, oneOf, text } from '../shared/form-body';
import type { ListSpec } from '../shared/list-query';
import { osloDayStart } from '../shared/oslo-time';

/** The new-consumer form: the organisation, one contact and the services it asks for. */
export function registrationFromForm(b: FormBody): RegisterConsumerInput {
  const environments = list(b.environments) as Environment[];
  const contactEmail = text(b.contactEmail);
  return {
    orgNumber: text(b.orgNumber),
    name: text(b.name),
    kind: (text(b.kind) || undefined) as ConsumerKind | undefined,
    municipalityNumber: nullable(b.municipalityNumber),
    status: (text(b.status) || undefined) as ConsumerStatus | undefined,
    contacts: contactEmail
      ? [
          {
            name: text(b.contactName) || contactEmail,
            email: contactEmail,
            phone: nullable(b.contactPhone),
            role: (text(b.contactRole) || 'technical') as ContactRole,
          },
        ]
      : [],
    services: list(b.services).map((code) => ({ code, environments, legalBasis: nullable(b.legalBasis), purpose: nullable(b.purpose) })),
  };
}

export function consumerChangesFromForm(b: FormBody) {
  return {
    name: text(b.name),
    kind: text(b.kind) as ConsumerKind,
    municipalityNumber: nullable(b.municipalityNumber),
    status: text(b.status) as ConsumerStatus,
  };
}

export function contactFromForm(b: FormBody) {
  return { name: text(b.name), email: text(b.email), phone: nullable(b.phone), role: text(b.role) as ContactRole };
}

export function serviceAccessFromForm(b: FormBody): Omit<ServiceAccessInput, 'code'> {
  const vendorOrg = text(b.vendorOrgNumber);
  const vendorName = text(b.vendorName);
  return {
    environments: list(b.environments) as Environment[],
    legalBasis: nullable(b.legalBasis),
    lawReference: nullable(b.lawReference),
    purpose: nullable(b.purpose),
    serviceArea: nullable(b.serviceArea),
    entitlementPackage: nullable(b.entitlementPackage),
    connectionMethod: (text(b.connectionMethod) || null) as ConnectionMethod | null,
    vendor: vendorOrg || vendorName ? { orgNumber: vendorOrg, name: vendorName } : null,
    dataProcessingAgreementConfirmed: text(b.dataProcessingAgreementConfirmed) === 'true',
    // The form has a date field; the rule takes an instant: the start of that day in Norway. A day
    // left as the page showed it keeps the time stored (set to the minute through the API).
    altinnDelegationConfirmedAt: leftAsShown(b, 'currentAltinnDelegationConfirmedAt', text(b.altinnDelegationConfirmedAt))
      ? undefined
      : nullable(b.altinnDelegationConfirmedAt) &&
        (osloDayStart(text(b.altinnDelegationConfirmedAt)) ?? text(b.altinnDelegationConfirmedAt)),
    maskinportenScope: nullable(b.maskinportenScope),
  };
}

/** Terms are given per service in parallel lists; a service with neither version accepted is left out. */
export function agreementFromForm(b: FormBody): AgreementInput {
  const sharing = [b.termsSharing ?? []].flat();
  const usage = [b.termsUsage ?? []].flat();
  return {
    signedOn: text(b.signedOn),
    signatoryName: text(b.signatoryName),
    signatoryTitle: nullable(b.signatoryTitle),
    validFrom: text(b.validFrom),
    validTo: nullable(b.validTo),
    documentReference: nullable(b.documentReference),
    acceptedTerms: list(b.termsService)
      .map((serviceCode, i) => ({
        serviceCode,
        sharingTermsVersion: sharing[i]?.trim() || null,
        usageTermsVersion: usage[i]?.trim() || null,
      }))
      .filter((t) => t.sharingTermsVersion || t.usageTermsVersion),
  };
}

/** The checklist items shown on the form, each ticked or not (an unticked box is not posted). */
export function checklistFromForm(b: FormBody): Partial<Record<ChecklistKey, boolean>> {
  const shown = list(b.items).filter((k): k is ChecklistKey => CHECKLIST_KEYS.includes(k as ChecklistKey));
  return Object.fromEntries(shown.map((k) => [k, text(b[k]) === 'true']));
}

export const nextStepFromForm = (b: FormBody) => ({ to: text(b.to) as OnboardingStep, note: nullable(b.note) });

export interface ConsumerListQuery {
  q?: string;
  status?: string;
  service?: string;
  step?: string;
  vendor?: string;
}

/** The list by name unless another column is chosen, 100 a page. */
export const CONSUMER_LIST: ListSpec<ConsumerSort> = {
  sorts: { name: 'asc', org: 'asc', municipality: 'asc', status: 'asc' },
  defaultSort: 'name',
  pageSize: 100,
};

export function consumerFilter(q: ConsumerListQuery) {
  return {
    q: text(q.q) || undefined,
    status: oneOf(q.status, CONSUMER_STATUSES),
    service: text(q.service) || undefined,
    step: oneOf(q.step, ONBOARDING_STEPS),
    vendor: text(q.vendor) || undefined,
  };
}

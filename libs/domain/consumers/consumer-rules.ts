import { type Environment, ENVIRONMENTS, isValidOrganisationNumber, parseCalendarDate, parseInstant } from '@domain/shared';
import type { FieldError } from '@platform/errors';

import { CONSUMER_KINDS, CONSUMER_STATUSES, type ConsumerKind, type ConsumerStatus } from './consumer.entity';
import { CONTACT_ROLES, type ContactRole } from './consumer-contact.entity';
import {
  type ChecklistMark,
  CONNECTION_METHODS,
  type ConnectionMethod,
  ONBOARDING_STEPS,
  type OnboardingStep,
} from './consumer-service.entity';

export interface ContactInput {
  name: string;
  email: string;
  phone?: string | null;
  role: ContactRole;
}

export interface VendorInput {
  orgNumber: string;
  name: string;
}

export interface ServiceAccessInput {
  code: string;
  environments: Environment[];
  legalBasis?: string | null;
  lawReference?: string | null;
  purpose?: string | null;
  serviceArea?: string | null;
  entitlementPackage?: string | null;
  connectionMethod?: ConnectionMethod | null;
  vendor?: VendorInput | null;
  dataProcessingAgreementConfirmed?: boolean;
  altinnDelegationConfirmedAt?: string | Date | null;
  maskinportenScope?: string | null;
}

export interface AcceptedTermsInput {
  serviceCode: string;
  sharingTermsVersion?: string | null;
  usageTermsVersion?: string | null;
}

export interface AgreementInput {
  signedOn: string;
  signatoryName: string;
  signatoryTitle?: string | null;
  validFrom: string;
  validTo?: string | null;
  acceptedTerms?: AcceptedTermsInput[];
  documentReference?: string | null;
}

export interface ConsumerFieldsInput {
  orgNumber: string;
  name: string;
  kind?: ConsumerKind;
  municipalityNumber?: string | null;
  status?: ConsumerStatus;
}

export interface RegisterConsumerInput extends ConsumerFieldsInput {
  contacts?: ContactInput[];
  services?: ServiceAccessInput[];
  agreement?: AgreementInput | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MUNICIPALITY_NUMBER = /^[0-9]{4}$/;
const MAX_TEXT = 2000;

export function normaliseOrgNumber(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, '') : '';
}

export function normaliseEmail(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

/** Trimmed text, or null when empty: optional free-text fields are stored as null, never ''. */
export function optionalText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = value.trim();
  return t ? t : null;
}

export function isCalendarDate(value: unknown): value is string {
  return parseCalendarDate(value) !== null;
}

/** A county municipality says so in its name; everything else registered here is a municipality unless told. */
export function inferKind(name: string): ConsumerKind {
  return /fylkeskommune/i.test(name) ? 'fylkeskommune' : 'kommune';
}

/**
 * Status when none is given: a consumer registered with contacts and services can use the APIs,
 * report and receive notices at once (active); one without is still an applicant.
 */
export function defaultStatus(contactCount: number, serviceCount: number): ConsumerStatus {
  return contactCount > 0 && serviceCount > 0 ? 'active' : 'applicant';
}

/** Applicants and active consumers may use their API keys and the portal; suspended and terminated may not. */
export function mayAuthenticate(status: ConsumerStatus): boolean {
  return status === 'applicant' || status === 'active';
}

export function validateConsumerFields(input: Partial<ConsumerFieldsInput>, prefix = '', partial = false): FieldError[] {
  const errors: FieldError[] = [];
  const f = (name: string) => `${prefix}${name}`;
  if (!partial || input.orgNumber !== undefined) {
    if (!isValidOrganisationNumber(normaliseOrgNumber(input.orgNumber)))
      errors.push({ field: f('orgNumber'), message: 'must be a valid 9-digit organisation number (mod-11 check digit)' });
  }
  if (!partial || input.name !== undefined) {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (!name || name.length > 200) errors.push({ field: f('name'), message: 'must be 1–200 characters' });
  }
  if (input.kind !== undefined && input.kind !== null && !CONSUMER_KINDS.includes(input.kind))
    errors.push({ field: f('kind'), message: `must be one of ${CONSUMER_KINDS.join(', ')}` });
  if (
    input.municipalityNumber !== undefined &&
    input.municipalityNumber !== null &&
    input.municipalityNumber !== '' &&
    !MUNICIPALITY_NUMBER.test(String(input.municipalityNumber))
  ) {
    errors.push({ field: f('municipalityNumber'), message: 'must be 4 digits' });
  }
  if (input.status !== undefined && input.status !== null && !CONSUMER_STATUSES.includes(input.status))
    errors.push({ field: f('status'), message: `must be one of ${CONSUMER_STATUSES.join(', ')}` });
  return errors;
}

export function validateContact(input: Partial<ContactInput>, prefix = '', partial = false): FieldError[] {
  const errors: FieldError[] = [];
  const f = (name: string) => `${prefix}${name}`;
  if (!partial || input.name !== undefined) {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (!name || name.length > 200) errors.push({ field: f('name'), message: 'must be 1–200 characters' });
  }
  if (!partial || input.email !== undefined) {
    const email = normaliseEmail(input.email);
    if (!EMAIL.test(email) || email.length > 254) errors.push({ field: f('email'), message: 'must be an e-mail address' });
  }
  if (input.phone !== undefined && input.phone !== null && (typeof input.phone !== 'string' || input.phone.length > 40))
    errors.push({ field: f('phone'), message: 'must be at most 40 characters' });
  if ((!partial || input.role !== undefined) && !CONTACT_ROLES.includes(input.role as ContactRole))
    errors.push({ field: f('role'), message: `must be one of ${CONTACT_ROLES.join(', ')}` });
  return errors;
}

export function validateContacts(contacts: Partial<ContactInput>[], prefix = 'contacts'): FieldError[] {
  const errors = contacts.flatMap((c, i) => validateContact(c, `${prefix}[${i}].`));
  const seen = new Set<string>();
  contacts.forEach((c, i) => {
    const email = normaliseEmail(c.email);
    if (email && seen.has(email)) errors.push({ field: `${prefix}[${i}].email`, message: 'is listed twice' });
    seen.add(email);
  });
  return errors;
}

/** Shape of one service access; whether the code exists in the catalogue is checked against the catalogue. */
export function validateServiceAccess(input: Partial<ServiceAccessInput>, prefix = '', partial = false): FieldError[] {
  const errors: FieldError[] = [];
  const f = (name: string) => `${prefix}${name}`;
  if (!partial || input.code !== undefined) {
    if (typeof input.code !== 'string' || !input.code.trim() || input.code.length > 100)
      errors.push({ field: f('code'), message: 'must be a service code from Bilag 2' });
  }
  if (!partial || input.environments !== undefined) {
    const envs = input.environments;
    if (!Array.isArray(envs) || envs.length === 0 || envs.some((e) => !ENVIRONMENTS.includes(e)))
      errors.push({ field: f('environments'), message: `must list one or more of ${ENVIRONMENTS.join(', ')}` });
  }
  for (const key of ['legalBasis', 'lawReference', 'purpose', 'serviceArea', 'entitlementPackage', 'maskinportenScope'] as const) {
    const v = input[key];
    if (v !== undefined && v !== null && (typeof v !== 'string' || v.length > MAX_TEXT))
      errors.push({ field: f(key), message: `must be text of at most ${MAX_TEXT} characters` });
  }
  if (input.connectionMethod !== undefined && input.connectionMethod !== null && !CONNECTION_METHODS.includes(input.connectionMethod)) {
    errors.push({ field: f('connectionMethod'), message: `must be one of ${CONNECTION_METHODS.join(', ')}` });
  }
  if (input.vendor) {
    if (!isValidOrganisationNumber(normaliseOrgNumber(input.vendor.orgNumber)))
      errors.push({ field: f('vendor.orgNumber'), message: 'must be a valid 9-digit organisation number (mod-11 check digit)' });
    if (typeof input.vendor.name !== 'string' || !input.vendor.name.trim())
      errors.push({ field: f('vendor.name'), message: 'must not be empty' });
  }
  if (input.altinnDelegationConfirmedAt !== undefined && input.altinnDelegationConfirmedAt !== null) {
    const at = input.altinnDelegationConfirmedAt;
    if (!(at instanceof Date ? !Number.isNaN(at.getTime()) : parseInstant(at)))
      errors.push({ field: f('altinnDelegationConfirmedAt'), message: 'must be an ISO 8601 date-time with its offset' });
  }
  return errors;
}

export function validateServices(services: Partial<ServiceAccessInput>[], prefix = 'services'): FieldError[] {
  const errors = services.flatMap((s, i) => validateServiceAccess(s, `${prefix}[${i}].`));
  const seen = new Set<string>();
  services.forEach((s, i) => {
    if (typeof s.code === 'string' && seen.has(s.code.trim())) errors.push({ field: `${prefix}[${i}].code`, message: 'is listed twice' });
    if (typeof s.code === 'string') seen.add(s.code.trim());
  });
  return errors;
}

/** The agreement's dates and terms; `serviceCodes` are the services the consumer has (or is registered with). */
export function validateAgreement(input: Partial<AgreementInput>, serviceCodes: ReadonlySet<string>, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  const f = (name: string) => `${prefix}${name}`;
  if (!isCalendarDate(input.signedOn)) errors.push({ field: f('signedOn'), message: 'must be a date (YYYY-MM-DD)' });
  if (typeof input.signatoryName !== 'string' || !input.signatoryName.trim() || input.signatoryName.length > 200)
    errors.push({ field: f('signatoryName'), message: 'must be 1–200 characters' });
  if (!isCalendarDate(input.validFrom)) errors.push({ field: f('validFrom'), message: 'must be a date (YYYY-MM-DD)' });
  if (input.validTo !== undefined && input.validTo !== null && input.validTo !== '') {
    if (!isCalendarDate(input.validTo)) errors.push({ field: f('validTo'), message: 'must be a date (YYYY-MM-DD)' });
    else if (isCalendarDate(input.validFrom) && input.validTo < input.validFrom)
      errors.push({ field: f('validTo'), message: 'must not be before validFrom' });
  }
  const seen = new Set<string>();
  (input.acceptedTerms ?? []).forEach((t, i) => {
    if (!serviceCodes.has(t.serviceCode))
      errors.push({ field: f(`acceptedTerms[${i}].serviceCode`), message: 'must be one of the consumer’s services' });
    else if (seen.has(t.serviceCode)) errors.push({ field: f(`acceptedTerms[${i}].serviceCode`), message: 'is listed twice' });
    seen.add(t.serviceCode);
  });
  return errors;
}

export function validateRegistration(input: RegisterConsumerInput): FieldError[] {
  const services = input.services ?? [];
  return [
    ...validateConsumerFields(input),
    ...validateContacts(input.contacts ?? []),
    ...validateServices(services),
    ...(input.agreement ? validateAgreement(input.agreement, new Set(services.map((s) => s.code)), 'agreement.') : []),
  ];
}

// ---- onboarding ----

export const CHECKLIST_ITEMS = [
  {
    key: 'altinnDelegation',
    // The resource to delegate is the service's own, from Bilag 2 (see altinnDelegationLabel).
    label: 'Kommunen har delegert tjenestens ressurs i Altinn',
    vendorOnly: true,
    productionOnly: false,
  },
  {
    key: 'productionApiDelegated',
    label: 'Produksjons-API-et er delegert (ikke bare test-API-et)',
    vendorOnly: false,
    productionOnly: true,
  },
  {
    key: 'mainOrganisationNumber',
    label: 'Hovedorganisasjonsnummeret er brukt (ikke en underenhet)',
    vendorOnly: false,
    productionOnly: false,
  },
  {
    key: 'vendorMaskinporten',
    label: 'Leverandøren har delegering i Maskinporten og eget virksomhetssertifikat',
    vendorOnly: true,
    productionOnly: false,
  },
  { key: 'scopeName', label: 'Riktig scope-navn er brukt', vendorOnly: false, productionOnly: false },
] as const;

export type ChecklistKey = (typeof CHECKLIST_ITEMS)[number]['key'];
export const CHECKLIST_KEYS = CHECKLIST_ITEMS.map((i) => i.key) as ChecklistKey[];

export interface ChecklistItemView {
  key: ChecklistKey;
  label: string;
  applicable: boolean;
  checked: boolean;
  checkedBy: string | null;
  checkedAt: string | null;
}

/** What the municipality delegates in Altinn: the service's own resource as Bilag 2 names it. */
export const altinnDelegationLabel = (resource: string) => `Kommunen har delegert «${resource}» i Altinn`;

/**
 * Items about acting on the consumer's behalf apply unless it connects directly (an unknown
 * method counts as through a vendor, as most municipalities do); the production delegation
 * applies only to access that includes production. The Altinn delegation names the service's
 * own resource from the catalogue in force (`altinnResource`) and applies only when it names one.
 */
export function checklistFor(
  connectionMethod: ConnectionMethod | null,
  environments: readonly Environment[],
  marks: Record<string, ChecklistMark>,
  altinnResource: string | null,
): ChecklistItemView[] {
  return CHECKLIST_ITEMS.map((item) => {
    const delegation = item.key === 'altinnDelegation';
    const applicable =
      (!item.vendorOnly || connectionMethod !== 'direct') &&
      (!item.productionOnly || environments.includes('production')) &&
      (!delegation || !!altinnResource);
    const mark = marks[item.key];
    return {
      key: item.key,
      label: delegation && altinnResource ? altinnDelegationLabel(altinnResource) : item.label,
      applicable,
      checked: !!mark?.checked,
      checkedBy: mark?.checked ? mark.by : null,
      checkedAt: mark?.checked ? mark.at : null,
    };
  });
}

export function nextStep(step: OnboardingStep): OnboardingStep | null {
  const i = ONBOARDING_STEPS.indexOf(step);
  return i >= 0 && i < ONBOARDING_STEPS.length - 1 ? ONBOARDING_STEPS[i + 1] : null;
}

export type AdvanceRefusal =
  | { code: 'onboarding_step_order'; message: string }
  | { code: 'onboarding_checklist_incomplete'; message: string; missing: ChecklistKey[] }
  | { code: 'technical_contact_required'; message: string }
  | { code: 'consumer_not_active'; message: string };

export interface AdvanceFacts {
  current: OnboardingStep;
  to: OnboardingStep;
  consumerStatus: ConsumerStatus;
  technicalContacts: number;
  checklist: ChecklistItemView[];
}

/** Steps go one at a time, in order; go-live needs every applicable item checked and a technical contact. */
export function advanceRefusal(facts: AdvanceFacts): AdvanceRefusal | null {
  const expected = nextStep(facts.current);
  if (facts.to !== expected) {
    return {
      code: 'onboarding_step_order',
      message: expected
        ? `The next step from ${facts.current} is ${expected}, not ${facts.to}.`
        : `Onboarding is already ${facts.current}.`,
    };
  }
  if (facts.to !== 'connected') return null;
  if (!mayAuthenticate(facts.consumerStatus))
    return { code: 'consumer_not_active', message: `A ${facts.consumerStatus} consumer cannot be connected.` };
  const missing = facts.checklist.filter((i) => i.applicable && !i.checked).map((i) => i.key);
  if (missing.length)
    return {
      code: 'onboarding_checklist_incomplete',
      message: `Tick every checklist item before go-live; missing: ${missing.join(', ')}.`,
      missing,
    };
  if (facts.technicalContacts < 1)
    return { code: 'technical_contact_required', message: 'Register at least one technical contact before go-live.' };
  return null;
}

/**
 * Reorders the queue: the listed ids take, in the given order, the places the same ids hold now;
 * everything else stays where it is. Returns the whole queue in its new order.
 */
export function reorderQueue(queue: readonly string[], ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  const slots = queue.map((id, i) => (wanted.has(id) ? i : -1)).filter((i) => i >= 0);
  const result = [...queue];
  slots.forEach((slot, n) => (result[slot] = ids[n]));
  return result;
}

/**
 * Puts an item at a place in the whole queue (1 = first), the others keeping their order; a
 * place past either end means that end.
 */
export function moveToPosition(queue: readonly string[], id: string, position: number): string[] {
  const from = queue.indexOf(id);
  if (from < 0) return [...queue];
  const rest = queue.filter((q) => q !== id);
  const at = Math.min(Math.max(Math.trunc(position), 1), queue.length) - 1;
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

/** Swaps an item with its nearest neighbour in the same column (step) in the given direction. */
export function moveInQueue(queue: ReadonlyArray<{ id: string; step: OnboardingStep }>, id: string, direction: 'up' | 'down'): string[] {
  const order = queue.map((q) => q.id);
  const at = queue.findIndex((q) => q.id === id);
  if (at < 0) return order;
  const step = queue[at].step;
  const delta = direction === 'up' ? -1 : 1;
  for (let j = at + delta; j >= 0 && j < queue.length; j += delta) {
    if (queue[j].step === step) {
      [order[at], order[j]] = [order[j], order[at]];
      break;
    }
  }
  return order;
}

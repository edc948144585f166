import {
  CONNECTION_METHODS,
  CONSUMER_KINDS,
  CONSUMER_STATUSES,
  type ConsumerSort,
  type ConsumerStatus,
  CONTACT_ROLES,
  type CreatedApiKey,
  type GetConsumer,
  type GetOnboardingQueue,
  type ImportConsumers,
  ONBOARDING_STEPS,
  type SearchConsumers,
} from '@domain/consumers';
import type { ConsumerReportPage, IncidentStatus } from '@domain/incidents';
import { ENVIRONMENTS, versionOf } from '@domain/shared';

import { AUDIT_ACTION_TEXTS } from '../shared/audit-actions.texts.nb';
import { list, text } from '../shared/form-body';
import { invalidFields, linkedFailure, linkedToFields } from '../shared/form-errors';
import { type ListLinks, type ListQuery, pagination, sortHeader } from '../shared/list-query';
import { osloDay } from '../shared/oslo-time';
import type { FormFailure } from '../shared/page-form';
import { COUNTED_NOUNS, SAVED_TEXT, UNKNOWN_FIELD_MESSAGE } from '../shared/shared.texts.nb';
import { agreementFromForm, CONSUMER_LIST, consumerChangesFromForm, contactFromForm, serviceAccessFromForm } from './consumers.forms';
import {
  CONSUMER_LABELS,
  CONSUMER_LIST_COLUMNS,
  CONSUMER_REPORT_LABELS,
  CONSUMER_TABS,
  CONSUMER_TITLES,
  ConsumerTab,
  IMPORT_COLUMNS,
} from './consumers.texts.nb';

export type ConsumerDetail = Awaited<ReturnType<GetConsumer['execute']>>;

const STATUS_COLOR: Record<ConsumerStatus, string> = { applicant: 'info', active: 'success', suspended: 'warning', terminated: 'neutral' };
const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

/** Labels and choices the consumer pages share. */
export const CONSUMER_FORM_OPTIONS = {
  labels: CONSUMER_LABELS,
  statusColor: STATUS_COLOR,
  statuses: options(CONSUMER_STATUSES, CONSUMER_LABELS.status),
  kinds: options(CONSUMER_KINDS, CONSUMER_LABELS.kind),
  roles: options(CONTACT_ROLES, CONSUMER_LABELS.role),
  steps: options(ONBOARDING_STEPS, CONSUMER_LABELS.step),
  connections: options(CONNECTION_METHODS, CONSUMER_LABELS.connection),
  environments: options(ENVIRONMENTS, CONSUMER_LABELS.environment),
};

export const tabPath = (id: string, tab: ConsumerTab): string =>
  `/consumers/${encodeURIComponent(id)}${tab === 'overview' ? '' : `/${tab}`}`;

/** The tab a form on a consumer's page belongs to, from the path it posts to (`/consumers/:id/api-keys/...` → keys). */
export function tabOfPath(path: string): ConsumerTab {
  const segment = path.split('/')[3] ?? '';
  if (segment === 'api-keys') return 'keys';
  return (CONSUMER_TABS as readonly string[]).includes(segment) ? (segment as ConsumerTab) : 'overview';
}

/** What was entered in a failed form, with each field marked that the failure names. */
function entered(failure: FormFailure | undefined, listFields: string[] = []) {
  if (!failure) return {};
  const form: Record<string, unknown> = { ...failure.body };
  for (const f of listFields) form[f] = list(failure.body[f]);
  return {
    form,
    error: failure.error,
    fieldErrors: failure.fieldErrors,
    invalid: invalidFields(failure.fieldErrors),
  };
}

/** Where each field the registration can refuse sits in the new-consumer form (element ids). */
const NEW_CONSUMER_FIELD_IDS: Readonly<Record<string, string>> = {
  orgNumber: 'orgNumber',
  name: 'name',
  kind: 'kind',
  municipalityNumber: 'municipalityNumber',
  status: 'status',
  'contacts.name': 'contactName',
  'contacts.email': 'contactEmail',
  'contacts.phone': 'contactPhone',
  'contacts.role': 'contactRole',
  'services.code': 'services',
  'services.environments': 'env-production',
  'services.legalBasis': 'legalBasis',
  'services.purpose': 'purpose',
};

export function newConsumerViewModel(catalogueCodes: string[], failure?: FormFailure) {
  const blank = { catalogueCodes, environments: ['production', 'test'], contactRole: 'technical', services: [] };
  return {
    title: CONSUMER_TITLES.new,
    ...CONSUMER_FORM_OPTIONS,
    form: blank,
    ...entered(failure, ['services', 'environments', 'catalogueCodes']),
    ...(failure && { fieldErrors: linkedToFields(failure.fieldErrors, NEW_CONSUMER_FIELD_IDS) }),
  };
}

type ImportResult = Awaited<ReturnType<ImportConsumers['execute']>>;

/** The import's result with each row's errors named by CSV column and explained in Norwegian. */
function importRows(result: ImportResult) {
  return {
    ...result,
    rows: result.rows.map((row) => ({
      ...row,
      errors: row.errors.map((e) => ({
        field: IMPORT_COLUMNS[e.field]?.label ?? e.field,
        message: IMPORT_COLUMNS[e.field]?.message ?? UNKNOWN_FIELD_MESSAGE,
      })),
    })),
  };
}

export function importViewModel(page: { csv?: string; preview?: ImportResult; committed?: ImportResult }, failure?: FormFailure) {
  return {
    title: CONSUMER_TITLES.import,
    form: { csv: page.csv ?? '' },
    preview: page.preview && importRows(page.preview),
    committed: page.committed,
    ...entered(failure),
  };
}

/** The onboarding board; the length of the queue bounds the places a row can be moved to. */
export function onboardingViewModel(board: Awaited<ReturnType<GetOnboardingQueue['board']>>) {
  return {
    title: CONSUMER_TITLES.onboarding,
    ...CONSUMER_FORM_OPTIONS,
    board,
    queueLength: board.columns.reduce((n, c) => n + c.items.length, 0),
  };
}

type SearchResult = Awaited<ReturnType<SearchConsumers['execute']>>;

const LIST_COLUMNS: Array<[keyof typeof CONSUMER_LIST_COLUMNS, ConsumerSort | null]> = [
  ['name', 'name'],
  ['org', 'org'],
  ['municipality', 'municipality'],
  ['status', 'status'],
  ['services', null],
  ['technical', null],
  ['agreement', null],
];

/** The registry list with its filter, sortable columns and pages. */
export function consumerListViewModel(
  result: SearchResult,
  expiring: unknown,
  serviceCodes: string[],
  filter: Record<string, string | undefined>,
  list: ListQuery<ConsumerSort>,
) {
  const links: ListLinks<ConsumerSort> = { path: '/consumers', filter, query: list };
  return {
    title: CONSUMER_TITLES.list,
    ...CONSUMER_FORM_OPTIONS,
    result,
    expiring,
    serviceCodes,
    filter,
    columns: LIST_COLUMNS.map(([column, key]) => {
      const label = CONSUMER_LIST_COLUMNS[column];
      return key ? { sortable: true, ...sortHeader(links, CONSUMER_LIST, key, label) } : { sortable: false, label };
    }),
    pagination: pagination(links, result.total, COUNTED_NOUNS.consumer),
  };
}

export type ConsumerReportRow = ConsumerReportPage['items'][number];

/**
 * A page of the municipality's reports, newest first, each with the incident it belongs to now
 * (linked, with its status), so staff onboarding or supporting it see what it has been through.
 */
export function consumerReportsTab(consumerId: string, page: ConsumerReportPage, query: ListQuery<'received'>) {
  return {
    reports: consumerReportRows(page.items),
    reportPagination: pagination({ path: tabPath(consumerId, 'reports'), filter: {}, query }, page.total, COUNTED_NOUNS.report),
  };
}

export function consumerReportRows(reports: ConsumerReportRow[]) {
  return [...reports]
    .sort((a, b) => new Date(b.receivedAt).getTime() - new Date(a.receivedAt).getTime())
    .map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.restricted ? CONSUMER_REPORT_LABELS.restrictedTitle : r.title,
      service: r.service,
      receivedAt: r.receivedAt,
      statusLabel: CONSUMER_REPORT_LABELS.reportStatus[r.status] ?? r.status,
      incident: r.incidentId
        ? {
            href: `/incidents/${r.incidentId}`,
            reference: r.incidentReference,
            statusLabel: CONSUMER_REPORT_LABELS.incidentStatus[r.incidentStatus as IncidentStatus] ?? r.incidentStatus,
          }
        : null,
    }));
}

export interface ConsumerTabExtras {
  reports?: ReturnType<typeof consumerReportRows>;
  reportPagination?: ReturnType<typeof pagination>;
  addableCodes?: string[];
  keys?: unknown[];
  entries?: Array<{ action: string; details: Record<string, unknown> }>;
  createdKey?: CreatedApiKey;
}

/** Element ids of a form's fields, by the field names the use cases give (`prefix` + suffix). */
const ids = (fields: Record<string, string>, at: (suffix: string) => string) =>
  Object.fromEntries(Object.entries(fields).map(([field, suffix]) => [field, at(suffix)]));
const CONTACT_FIELDS = { name: 'name', email: 'email', phone: 'phone', role: 'role' };
const SERVICE_FIELDS = {
  environments: 'env',
  legalBasis: 'lb',
  lawReference: 'lr',
  purpose: 'pu',
  serviceArea: 'sa',
  entitlementPackage: 'ep',
  maskinportenScope: 'ms',
  connectionMethod: 'cm',
  altinnDelegationConfirmedAt: 'ad',
  'vendor.orgNumber': 'vo',
  'vendor.name': 'vn',
};
const OVERVIEW_FIELD_IDS = { name: 'o-name', kind: 'o-kind', municipalityNumber: 'o-mun', status: 'o-status' };
const AGREEMENT_FIELD_IDS = {
  signedOn: 'a-signed',
  documentReference: 'a-doc',
  signatoryName: 'a-sig',
  signatoryTitle: 'a-title',
  validFrom: 'a-from',
  validTo: 'a-to',
};
const NEW_SERVICE_FIELD_IDS = { code: 'new-code', environments: 'new-env-production', legalBasis: 'new-lb', purpose: 'new-pu' };

/** Where the fields of the refused form on a consumer's tabs are, to link its error summary to them. */
function refusedFormIds(consumer: ConsumerDetail, failure: FormFailure): Record<string, string> {
  if (failure.form === consumer.id) return OVERVIEW_FIELD_IDS;
  if (failure.form === 'contacts') return ids(CONTACT_FIELDS, (f) => `n-${f}`);
  const contact = consumer.contacts.find((c) => c.id === failure.form);
  if (contact) return ids(CONTACT_FIELDS, (f) => `c-${f}-${contact.id}`);
  if (failure.form === 'agreement') return AGREEMENT_FIELD_IDS;
  if (failure.form !== 'services') return {};
  const i = consumer.services.findIndex((s) => s.code === text(failure.body.code));
  if (i < 0) return NEW_SERVICE_FIELD_IDS;
  return ids(SERVICE_FIELDS, (f) => (f === 'env' ? `env-${i}-production` : `${f}-${i}`));
}

/**
 * What each form on the consumer's tabs shows: what is stored, except in the form that was just
 * refused, which shows what was entered there (with the fields the refusal names marked), so a
 * correction does not start from scratch and the error matches what is on the screen.
 */
export function consumerTabForms(consumer: ConsumerDetail, failure?: FormFailure) {
  const body = failure?.body ?? {};
  const failed = (form: string) => failure !== undefined && failure.form === form;
  const marked = (form: string) => (failed(form) ? invalidFields(failure!.fieldErrors) : {});
  const terms = list(body.termsService);
  const [sharing, usage] = [[body.termsSharing ?? []].flat(), [body.termsUsage ?? []].flat()];
  const agreement = consumer.agreement;
  return {
    overviewForm: {
      ...(failed(consumer.id)
        ? consumerChangesFromForm(body)
        : { name: consumer.name, kind: consumer.kind, municipalityNumber: consumer.municipalityNumber, status: consumer.status }),
      invalid: marked(consumer.id),
    },
    contactRows: consumer.contacts.map((c) => ({
      ...c,
      form: failed(c.id) ? contactFromForm(body) : c,
      invalid: marked(c.id),
    })),
    newContact: { ...(failed('contacts') ? contactFromForm(body) : {}), invalid: marked('contacts') },
    agreementForm: {
      ...(failed('agreement')
        ? agreementFromForm(body)
        : {
            signedOn: agreement?.signedOn,
            signatoryName: agreement?.signatoryName,
            signatoryTitle: agreement?.signatoryTitle,
            validFrom: agreement?.validFrom,
            validTo: agreement?.validTo,
            documentReference: agreement?.documentReference,
          }),
      terms: failed('agreement')
        ? terms.map((code, i) => ({ code, sharingTermsVersion: sharing[i] ?? '', usageTermsVersion: usage[i] ?? '' }))
        : termsPerService(consumer),
      invalid: marked('agreement'),
    },
    serviceRows: consumer.services.map((s) => {
      const refusedHere = failed('services') && text(body.code) === s.code;
      const shown = refusedHere ? { ...s, ...serviceAccessFromForm(body) } : s;
      const storedAltinnDay = s.altinnDelegationConfirmedAt ? osloDay(new Date(s.altinnDelegationConfirmedAt)) : '';
      return {
        ...s,
        form: {
          ...shown,
          altinnDelegationConfirmedAt: refusedHere ? text(body.altinnDelegationConfirmedAt) : storedAltinnDay,
          // The day the stored time falls on: a field left at it keeps the time as stored.
          currentAltinnDelegationConfirmedAt: storedAltinnDay,
          vendorOrgNumber: refusedHere ? text(body.vendorOrgNumber) : (s.vendor?.orgNumber ?? ''),
          vendorName: refusedHere ? text(body.vendorName) : (s.vendor?.name ?? ''),
        },
        invalid: refusedHere ? marked('services') : {},
      };
    }),
    newService:
      failed('services') && !consumer.services.some((s) => s.code === text(body.code))
        ? {
            code: text(body.code),
            environments: list(body.environments),
            legalBasis: text(body.legalBasis),
            purpose: text(body.purpose),
            invalid: marked('services'),
          }
        : { environments: [...ENVIRONMENTS], invalid: {} },
  };
}

/** A consumer's page on one tab; a failed form on the tab is shown above it, a saved one confirmed. */
export function consumerPageViewModel(
  consumer: ConsumerDetail,
  tab: ConsumerTab,
  extras: ConsumerTabExtras,
  failure?: FormFailure,
  saved = false,
) {
  return {
    // Each tab is a page of its own in the browser's history and tab list.
    title: tab === 'overview' ? consumer.name : `${CONSUMER_LABELS.tab[tab]} – ${consumer.name}`,
    ...CONSUMER_FORM_OPTIONS,
    consumer,
    // The overview form sends the version it showed: a change made by someone else since is not overwritten unseen.
    version: versionOf(consumer),
    tab,
    tabs: CONSUMER_TABS.map((t) => ({ key: t, label: CONSUMER_LABELS.tab[t], href: tabPath(consumer.id, t), current: t === tab })),
    technicalContacts: consumer.contacts.filter((c) => c.role === 'technical').length,
    ...extras,
    entries: extras.entries?.map((e) => ({
      ...e,
      actionLabel: AUDIT_ACTION_TEXTS[e.action] ?? e.action,
      detailsJson: Object.keys(e.details).length ? JSON.stringify(e.details, null, 2) : '',
    })),
    ...consumerTabForms(consumer, failure),
    failure: failure && linkedFailure(failure, refusedFormIds(consumer, failure)),
    saved: saved && !failure ? SAVED_TEXT : undefined,
  };
}

/** The terms accepted per service of the consumer, for the agreement form. */
export function termsPerService(consumer: ConsumerDetail) {
  return consumer.services.map((s) => ({
    code: s.code,
    ...(consumer.agreement?.acceptedTerms.find((t) => t.serviceCode === s.code) ?? {}),
  }));
}

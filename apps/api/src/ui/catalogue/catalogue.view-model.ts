import {
  type CatalogueServiceInput,
  catalogueServiceVersion,
  type CatalogueServiceView,
  type CatalogueVersionSummary,
  type CatalogueVersionView,
  type CompareCatalogueVersions,
  type EntitlementPackage,
  type FieldChange,
  KS_SERVICE_AREAS,
  SERVICE_LIFECYCLES,
  type ServiceField,
} from '@domain/catalogue';
import { ENVIRONMENTS } from '@domain/shared';

import { invalidFields, linkedToFields } from '../shared/form-errors';
import type { FormFailure } from '../shared/page-form';
import { ENVIRONMENT_LABELS } from '../shared/shared.texts.nb';
import { serviceFromForm } from './catalogue.forms';
import { CATALOGUE_TITLES, LIFECYCLE_LABELS, SERVICE_FIELD_LABELS, VERSION_TAGS } from './catalogue.texts.nb';

type Comparison = Awaited<ReturnType<CompareCatalogueVersions['execute']>>;

const envLabel = (e: string) => ENVIRONMENT_LABELS[e as keyof typeof ENVIRONMENT_LABELS] ?? e;

export function statusTag(v: CatalogueVersionSummary): { text: string; color: string } {
  if (v.inForce) return VERSION_TAGS.inForce;
  if (v.scheduled) return VERSION_TAGS.scheduled;
  if (v.status === 'superseded') return VERSION_TAGS.superseded;
  return VERSION_TAGS.draft;
}

/** A version with its status tag, as lists and headings show it. */
export const decorate = <T extends CatalogueVersionSummary>(v: T) => ({ ...v, tag: statusTag(v), isDraft: v.status === 'draft' });

const packageText = (p: EntitlementPackage) => `${p.code}: ${p.purpose}`;

export function serviceRow(s: CatalogueServiceView) {
  return {
    ...s,
    environmentLabels: s.environments.map(envLabel),
    lifecycleLabel: LIFECYCLE_LABELS[s.lifecycle] ?? s.lifecycle,
    deprecated: s.lifecycle === 'deprecated',
    missingEscalation: !s.escalationEmails.length,
    missingSecurity: !s.securityEmails.length,
  };
}

/** A service input as the values of the edit form. */
export function serviceFormValues(s: CatalogueServiceInput) {
  const areas = s.serviceAreas ?? [];
  return {
    code: s.code,
    name: s.name,
    description: s.description ?? '',
    informationTypes: (s.informationTypes ?? []).join('\n'),
    maskinportenScopes: s.maskinportenScopes.join('\n'),
    entitlementPackages: (s.entitlementPackages ?? []).map(packageText).join('\n'),
    areaOptions: KS_SERVICE_AREAS.map((a, i) => ({ value: a, checked: areas.includes(a), n: i })),
    otherServiceAreas: areas.filter((a) => !(KS_SERVICE_AREAS as readonly string[]).includes(a)).join('\n'),
    environmentOptions: ENVIRONMENTS.map((e) => ({ value: e, label: ENVIRONMENT_LABELS[e], checked: s.environments.includes(e) })),
    lifecycleOptions: SERVICE_LIFECYCLES.map((l) => ({ value: l, label: LIFECYCLE_LABELS[l], selected: (s.lifecycle ?? 'active') === l })),
    altinnResource: s.altinnResource ?? '',
    documentationUrl: s.documentationUrl ?? '',
    sunsetDate: s.sunsetDate ?? '',
    escalationEmails: s.escalationEmails.join('\n'),
    securityEmails: s.securityEmails.join('\n'),
  };
}

const EMPTY_SERVICE: CatalogueServiceInput = {
  code: '',
  name: '',
  maskinportenScopes: [],
  environments: ['production', 'test'],
  escalationEmails: [],
  securityEmails: [],
};

const EDITOR_FORMS = ['details', 'new-service', 'service'];

/** Where the version's own fields sit in the editor (element ids). */
const DETAILS_FIELD_IDS: Readonly<Record<string, string>> = { label: 'label', effectiveFrom: 'effectiveFrom', notes: 'notes' };

/** Where each field of a service sits in its form, whose element ids start with the form's prefix. */
function serviceFieldIds(idp: string): Record<string, string> {
  const suffix: Record<string, string> = {
    code: 'code',
    name: 'name',
    description: 'description',
    environments: 'environments',
    maskinportenScopes: 'scopes',
    entitlementPackages: 'packages',
    'entitlementPackages.code': 'packages',
    'entitlementPackages.purpose': 'packages',
    escalationEmails: 'escalation',
    securityEmails: 'security',
    serviceAreas: 'areas',
    informationTypes: 'info',
    altinnResource: 'altinn',
    documentationUrl: 'doc',
    lifecycle: 'lifecycle',
    sunsetDate: 'sunset',
  };
  return Object.fromEntries(Object.entries(suffix).map(([field, id]) => [field, `${idp}-${id}`]));
}

/** A refused form's errors linked to its fields, and those fields marked. */
function refusal(failure: FormFailure | undefined, ids: Readonly<Record<string, string>>) {
  if (!failure) return { invalid: {} };
  return {
    error: failure.error,
    fieldErrors: linkedToFields(failure.fieldErrors, ids),
    invalid: invalidFields(failure.fieldErrors),
  };
}

/**
 * The draft editor; after a failed form ('details', 'new-service', or 'service' with the service's
 * code before the edit) that form is open with its error and the values entered.
 */
export function editorViewModel(version: CatalogueVersionView, failure?: FormFailure) {
  const code = failure?.params.code ?? null;
  const failed = (form: string, serviceCode: string | null = null) =>
    failure && failure.form === form && code === serviceCode ? failure : undefined;
  const details = failed('details');
  // A service someone else renamed or removed meanwhile has no form left: what was entered for it
  // is shown in the new-service form, with why, so that it can be added again.
  const orphaned = failure?.form === 'service' && !version.services.some((s) => s.code === code) ? failure : undefined;
  const added = failed('new-service') ?? orphaned;
  const other = failure && !EDITOR_FORMS.includes(failure.form) ? failure : undefined;
  const anchor = details ? 'details' : added ? 'new-service' : failure?.form === 'service' ? `service-${code}` : null;
  return {
    title: CATALOGUE_TITLES.edit(version.label),
    version: decorate(version),
    details: {
      ...(details
        ? { label: details.body.label, effectiveFrom: details.body.effectiveFrom, notes: details.body.notes }
        : { label: version.label, effectiveFrom: version.effectiveFrom, notes: version.notes ?? '' }),
      ...refusal(details, DETAILS_FIELD_IDS),
    },
    services: version.services.map((s, i) => {
      const own = failed('service', s.code);
      return {
        originalCode: s.code,
        name: s.name,
        // The version of the service as shown; after a refusal the one stored now, so saving again overwrites knowingly.
        serviceVersion: catalogueServiceVersion(s),
        idp: `s${i}`,
        open: !!own,
        ...refusal(own, serviceFieldIds(`s${i}`)),
        form: serviceFormValues(own ? serviceFromForm(own.body) : s),
      };
    }),
    newService: {
      idp: 'new',
      open: !!added || !version.services.length,
      ...refusal(added, serviceFieldIds('new')),
      form: serviceFormValues(added ? serviceFromForm(added.body) : EMPTY_SERVICE),
    },
    error: other?.error,
    fieldErrors: other?.fieldErrors,
    /** A failed form further down the page: say so at the top, with a link to it. */
    failedAt: anchor,
  };
}

function listItems(change: FieldChange, side: 'before' | 'after') {
  const values = (change[side] ?? []) as unknown[];
  const marked = (side === 'before' ? change.removed : change.added) ?? [];
  const text = (v: unknown) => (typeof v === 'string' ? v : packageText(v as EntitlementPackage));
  const markedTexts = marked.map(text);
  return values.map((v) => ({
    text: change.field === 'environments' ? envLabel(text(v)) : text(v),
    marked: markedTexts.includes(text(v)),
  }));
}

function scalarText(field: ServiceField, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'lifecycle') return LIFECYCLE_LABELS[String(value)] ?? String(value);
  return String(value);
}

export function changeRows(changes: FieldChange[]) {
  return changes.map((c) => {
    const isList = Array.isArray(c.before) || Array.isArray(c.after);
    return {
      label: SERVICE_FIELD_LABELS[c.field],
      isList,
      beforeItems: isList ? listItems(c, 'before') : [],
      afterItems: isList ? listItems(c, 'after') : [],
      beforeText: isList ? '' : scalarText(c.field, c.before),
      afterText: isList ? '' : scalarText(c.field, c.after),
    };
  });
}

export function diffViewModel(comparison: Comparison, versions: CatalogueVersionSummary[], id: string) {
  const byId = new Map(versions.map((v) => [v.id, decorate(v)]));
  return {
    title: CATALOGUE_TITLES.diff(comparison.to.label),
    comparison,
    fromVersion: byId.get(comparison.from.id),
    toVersion: byId.get(comparison.to.id),
    choices: versions
      .filter((v) => v.id !== id)
      .map((v) => ({ id: v.id, label: v.label, effectiveFrom: v.effectiveFrom, selected: v.id === comparison.from.id })),
    added: comparison.added.map(serviceRow),
    removed: comparison.removed.map(serviceRow),
    changed: comparison.changed.map((c) => ({ code: c.code, name: c.name, rows: changeRows(c.changes) })),
    identical: !comparison.added.length && !comparison.removed.length && !comparison.changed.length,
  };
}

/** What publishing will do: take effect now, later, or only fill in history before the version in force. */
export function publishEffect(
  version: Pick<CatalogueVersionSummary, 'effectiveFrom'>,
  current: Pick<CatalogueVersionSummary, 'effectiveFrom'> | null,
  today: string,
) {
  return version.effectiveFrom > today ? 'scheduled' : !current || version.effectiveFrom >= current.effectiveFrom ? 'now' : 'history';
}

import type { CatalogueServiceView, EntitlementPackage } from './catalogue-service.view';

export interface DiffSide {
  id: string;
  label: string;
  services: readonly CatalogueServiceView[];
}

export type ServiceField = Exclude<keyof CatalogueServiceView, 'code'>;

export interface FieldChange {
  field: ServiceField;
  before: unknown;
  after: unknown;
  /** For list fields: the entries only in `after` / only in `before`. */
  added?: unknown[];
  removed?: unknown[];
}

export interface ServiceChange {
  code: string;
  name: string;
  changes: FieldChange[];
}

export interface CatalogueDiff {
  from: { id: string; label: string };
  to: { id: string; label: string };
  added: CatalogueServiceView[];
  removed: CatalogueServiceView[];
  changed: ServiceChange[];
  /** Codes present in both versions with identical content. */
  unchanged: string[];
}

/** Compared as sets: the order in which addresses or scopes are listed carries no meaning. */
const LIST_FIELDS = [
  'maskinportenScopes',
  'environments',
  'escalationEmails',
  'securityEmails',
  'serviceAreas',
  'informationTypes',
] as const;
const SCALAR_FIELDS = ['name', 'description', 'lifecycle', 'sunsetDate', 'altinnResource', 'documentationUrl'] as const;
/** The order fields are reported in: what matters most to a consumer first. */
const FIELD_ORDER: ServiceField[] = [
  'name',
  'lifecycle',
  'sunsetDate',
  'maskinportenScopes',
  'entitlementPackages',
  'environments',
  'escalationEmails',
  'securityEmails',
  'serviceAreas',
  'informationTypes',
  'altinnResource',
  'documentationUrl',
  'description',
];

const packageKey = (p: EntitlementPackage) => `${p.code}\u0000${p.purpose}`;

function listChange(field: ServiceField, before: string[], after: string[]): FieldChange | null {
  const added = after.filter((v) => !before.includes(v));
  const removed = before.filter((v) => !after.includes(v));
  return added.length || removed.length ? { field, before, after, added, removed } : null;
}

function packageChange(before: EntitlementPackage[], after: EntitlementPackage[]): FieldChange | null {
  const beforeKeys = new Set(before.map(packageKey));
  const afterKeys = new Set(after.map(packageKey));
  const added = after.filter((p) => !beforeKeys.has(packageKey(p)));
  const removed = before.filter((p) => !afterKeys.has(packageKey(p)));
  return added.length || removed.length ? { field: 'entitlementPackages', before, after, added, removed } : null;
}

/** Field-level differences of one service between two versions; empty when identical. */
export function diffService(before: CatalogueServiceView, after: CatalogueServiceView): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of SCALAR_FIELDS) {
    if ((before[field] ?? null) !== (after[field] ?? null))
      changes.push({ field, before: before[field] ?? null, after: after[field] ?? null });
  }
  for (const field of LIST_FIELDS) {
    const change = listChange(field, before[field], after[field]);
    if (change) changes.push(change);
  }
  const packages = packageChange(before.entitlementPackages, after.entitlementPackages);
  if (packages) changes.push(packages);
  return changes.sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
}

/**
 * What changed going from version `a` (the older, "from") to version `b` ("to"): services
 * added, removed, and changed field by field, matched by code. Pure.
 */
export function diffCatalogueVersions(a: DiffSide, b: DiffSide): CatalogueDiff {
  const before = new Map(a.services.map((s) => [s.code, s]));
  const after = new Map(b.services.map((s) => [s.code, s]));
  const changed: ServiceChange[] = [];
  const unchanged: string[] = [];
  for (const s of b.services) {
    const old = before.get(s.code);
    if (!old) continue;
    const changes = diffService(old, s);
    if (changes.length) changed.push({ code: s.code, name: s.name, changes });
    else unchanged.push(s.code);
  }
  return {
    from: { id: a.id, label: a.label },
    to: { id: b.id, label: b.label },
    added: b.services.filter((s) => !before.has(s.code)),
    removed: a.services.filter((s) => !after.has(s.code)),
    changed,
    unchanged,
  };
}

import { Environment, ENVIRONMENTS } from '@domain/shared';
import type { FieldError } from '@platform/errors';

import { toCatalogueDay } from './catalogue-dates';
import { CatalogueServiceView, EntitlementPackage, SERVICE_LIFECYCLES, ServiceLifecycle } from './catalogue-service.view';

/** A service as a caller submits it (API body or admin form); see normaliseService. */
export interface CatalogueServiceInput {
  code: string;
  name: string;
  description?: string | null;
  informationTypes?: string[];
  maskinportenScopes: string[];
  entitlementPackages?: Array<{ code: string; purpose: string }>;
  serviceAreas?: string[];
  environments: string[];
  altinnResource?: string | null;
  documentationUrl?: string | null;
  lifecycle?: string;
  sunsetDate?: string | null;
  escalationEmails: string[];
  securityEmails: string[];
}

export interface CatalogueVersionDetailsInput {
  label: string;
  effectiveFrom: string;
  notes?: string | null;
}

export interface CatalogueVersionInput extends CatalogueVersionDetailsInput {
  services?: CatalogueServiceInput[];
}

export interface CatalogueVersionDetails {
  label: string;
  effectiveFrom: string;
  notes: string | null;
}

export const SERVICE_CODE = /^[a-z0-9][a-z0-9-]{1,63}$/;
const PACKAGE_CODE = /^[a-z0-9][a-z0-9_-]{0,99}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Maskinporten scopes are "<prefix>:<subscope>", e.g. skatteetaten:summertskattegrunnlag.
const SCOPE = /^[a-z0-9][a-z0-9._-]*:[A-Za-z0-9._:/-]+$/;
const MAX_SERVICES = 500;

/** Collects field errors while normalising one submitted object. */
class Checker {
  readonly errors: FieldError[] = [];

  constructor(private readonly prefix: string) {}

  field(name: string): string {
    return this.prefix ? `${this.prefix}.${name}` : name;
  }

  fail(name: string, message: string): void {
    this.errors.push({ field: this.field(name), message });
  }

  text(value: unknown, name: string, opts: { required: boolean; max: number }): string | null {
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
      if (opts.required) this.fail(name, 'is required');
      return null;
    }
    if (typeof value !== 'string') {
      this.fail(name, 'must be a string');
      return null;
    }
    const text = value.trim();
    if (text.length > opts.max) this.fail(name, `must be at most ${opts.max} characters`);
    return text;
  }

  /** A list of strings, trimmed, empty entries dropped, duplicates removed (first kept). */
  list(value: unknown, name: string, opts: { required: boolean; check?: (item: string) => string | null }): string[] {
    if (value === undefined || value === null) {
      if (opts.required) this.fail(name, 'is required (a list, which may be empty)');
      return [];
    }
    if (!Array.isArray(value)) {
      this.fail(name, 'must be a list');
      return [];
    }
    const out: string[] = [];
    value.forEach((item, j) => {
      if (typeof item !== 'string') return this.fail(`${name}[${j}]`, 'must be a string');
      const text = item.trim();
      if (!text) return;
      const problem = opts.check?.(text);
      if (problem) return this.fail(`${name}[${j}]`, problem);
      if (!out.includes(text)) out.push(text);
    });
    return out;
  }
}

export function normaliseDetails(input: Partial<CatalogueVersionDetailsInput>): { details: CatalogueVersionDetails; errors: FieldError[] } {
  const c = new Checker('');
  const label = c.text(input.label, 'label', { required: true, max: 200 });
  let effectiveFrom: string | null = null;
  if (input.effectiveFrom === undefined || input.effectiveFrom === null || input.effectiveFrom === '')
    c.fail('effectiveFrom', 'is required (YYYY-MM-DD)');
  else if (!(effectiveFrom = toCatalogueDay(input.effectiveFrom)))
    c.fail('effectiveFrom', 'must be a date (YYYY-MM-DD) or an ISO date-time');
  const notes = c.text(input.notes, 'notes', { required: false, max: 10_000 });
  return { details: { label: label ?? '', effectiveFrom: effectiveFrom ?? '', notes }, errors: c.errors };
}

/** Checks and normalises one service; `prefix` names its fields (e.g. "services[2]", or "" for a single form). */
export function normaliseService(input: unknown, prefix: string): { service: CatalogueServiceView; errors: FieldError[] } {
  const c = new Checker(prefix);
  const s = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  if (!input || typeof input !== 'object' || Array.isArray(input))
    c.errors.push({ field: prefix || 'service', message: 'must be an object' });

  const code = c.text(s.code, 'code', { required: true, max: 1000 });
  if (code && !SERVICE_CODE.test(code))
    c.fail('code', 'must be 2–64 lower-case letters, digits or hyphens, starting with a letter or digit');
  const name = c.text(s.name, 'name', { required: true, max: 200 });
  const description = c.text(s.description, 'description', { required: false, max: 10_000 });
  const informationTypes = c.list(s.informationTypes, 'informationTypes', { required: false });
  const maskinportenScopes = c.list(s.maskinportenScopes, 'maskinportenScopes', {
    required: true,
    check: (v) => (SCOPE.test(v) ? null : 'must be a Maskinporten scope like skatteetaten:inntekt'),
  });
  const serviceAreas = c.list(s.serviceAreas, 'serviceAreas', { required: false });
  const environments = c.list(s.environments, 'environments', {
    required: true,
    check: (v) => ((ENVIRONMENTS as readonly string[]).includes(v) ? null : `must be one of ${ENVIRONMENTS.join(', ')}`),
  }) as Environment[];
  if (Array.isArray(s.environments) && !environments.length && !c.errors.some((e) => e.field.startsWith(c.field('environments'))))
    c.fail('environments', 'must name at least one environment');
  const emailCheck = (v: string) => (EMAIL.test(v) ? null : 'must be an e-mail address');
  const escalationEmails = c.list(s.escalationEmails, 'escalationEmails', { required: true, check: emailCheck });
  const securityEmails = c.list(s.securityEmails, 'securityEmails', { required: true, check: emailCheck });
  const altinnResource = c.text(s.altinnResource, 'altinnResource', { required: false, max: 300 });
  const documentationUrl = c.text(s.documentationUrl, 'documentationUrl', { required: false, max: 2000 });
  if (documentationUrl && !/^https?:\/\/[^\s/]+\.[^\s]*$/i.test(documentationUrl)) c.fail('documentationUrl', 'must be an http(s) URL');

  let lifecycle: ServiceLifecycle = 'active';
  if (s.lifecycle !== undefined && s.lifecycle !== null && s.lifecycle !== '') {
    if ((SERVICE_LIFECYCLES as readonly unknown[]).includes(s.lifecycle)) lifecycle = s.lifecycle as ServiceLifecycle;
    else c.fail('lifecycle', `must be one of ${SERVICE_LIFECYCLES.join(', ')}`);
  }
  let sunsetDate: string | null = null;
  if (s.sunsetDate !== undefined && s.sunsetDate !== null && s.sunsetDate !== '') {
    sunsetDate = toCatalogueDay(s.sunsetDate);
    if (!sunsetDate) c.fail('sunsetDate', 'must be a date (YYYY-MM-DD)');
  }

  const entitlementPackages: EntitlementPackage[] = [];
  if (s.entitlementPackages !== undefined && s.entitlementPackages !== null) {
    if (!Array.isArray(s.entitlementPackages)) c.fail('entitlementPackages', 'must be a list');
    else
      s.entitlementPackages.forEach((p: unknown, j) => {
        const pc = new Checker(c.field(`entitlementPackages[${j}]`));
        const pkg = (p && typeof p === 'object' ? p : {}) as Record<string, unknown>;
        const pcode = pc.text(pkg.code, 'code', { required: true, max: 100 });
        if (pcode && !PACKAGE_CODE.test(pcode)) pc.fail('code', 'must be lower-case letters, digits, hyphens or underscores');
        else if (pcode && entitlementPackages.some((e) => e.code === pcode)) pc.fail('code', 'is listed twice');
        const purpose = pc.text(pkg.purpose, 'purpose', { required: true, max: 2000 });
        c.errors.push(...pc.errors);
        if (!pc.errors.length && pcode && purpose) entitlementPackages.push({ code: pcode, purpose });
      });
  }

  return {
    service: {
      code: code ?? '',
      name: name ?? '',
      description: description ?? '',
      maskinportenScopes,
      entitlementPackages,
      serviceAreas,
      environments,
      escalationEmails,
      securityEmails,
      lifecycle,
      sunsetDate,
      altinnResource,
      documentationUrl,
      informationTypes,
    },
    errors: c.errors,
  };
}

/** Checks a whole service list: each service, and that no code appears twice. */
export function normaliseServices(input: unknown): { services: CatalogueServiceView[]; errors: FieldError[] } {
  if (input === undefined || input === null) return { services: [], errors: [] };
  if (!Array.isArray(input)) return { services: [], errors: [{ field: 'services', message: 'must be a list' }] };
  if (input.length > MAX_SERVICES)
    return { services: [], errors: [{ field: 'services', message: `must have at most ${MAX_SERVICES} services` }] };
  const errors: FieldError[] = [];
  const services = input.map((raw, i) => {
    const { service, errors: own } = normaliseService(raw, `services[${i}]`);
    errors.push(...own);
    return service;
  });
  const firstIndex = new Map<string, number>();
  services.forEach((s, i) => {
    if (!s.code) return;
    const first = firstIndex.get(s.code);
    if (first === undefined) firstIndex.set(s.code, i);
    else if (!errors.some((e) => e.field === `services[${i}].code`))
      errors.push({
        field: `services[${i}].code`,
        message: `duplicates services[${first}].code (${s.code}); codes must be unique within a version`,
      });
  });
  return { services, errors };
}

import type { CatalogueServiceInput } from '@domain/catalogue';

import { FormBody, nullable, text } from '../shared/form-body';

/** Lines of a textarea, trimmed, without blank ones. */
export const lines = (v: unknown): string[] =>
  [v ?? '']
    .flat()
    .flatMap((x) => String(x).split(/\r?\n/))
    .map((x) => x.trim())
    .filter(Boolean);

/** E-mail addresses one per line, or separated by comma, semicolon or space. */
export const addresses = (v: unknown): string[] =>
  lines(v)
    .flatMap((x) => x.split(/[\s,;]+/))
    .filter(Boolean);

const checked = (v: unknown): string[] => (v === undefined ? [] : [v].flat().map(String));

/** The admin form's fields as a service input; lists are one entry per line (e-mails also by comma). */
export function serviceFromForm(body: FormBody): CatalogueServiceInput {
  return {
    code: text(body.code),
    name: String(body.name ?? ''),
    description: nullable(body.description),
    informationTypes: lines(body.informationTypes),
    maskinportenScopes: lines(body.maskinportenScopes),
    entitlementPackages: lines(body.entitlementPackages).map((line) => {
      const at = line.indexOf(':');
      return at < 0 ? { code: line, purpose: '' } : { code: line.slice(0, at).trim(), purpose: line.slice(at + 1).trim() };
    }),
    serviceAreas: [...checked(body.serviceAreas), ...lines(body.otherServiceAreas)],
    environments: checked(body.environments),
    altinnResource: nullable(body.altinnResource),
    documentationUrl: nullable(body.documentationUrl),
    lifecycle: String(body.lifecycle ?? 'active'),
    sunsetDate: nullable(body.sunsetDate),
    escalationEmails: addresses(body.escalationEmails),
    securityEmails: addresses(body.securityEmails),
  };
}

export const versionFromForm = (body: FormBody) => ({
  label: String(body.label ?? ''),
  effectiveFrom: String(body.effectiveFrom ?? ''),
  notes: nullable(body.notes),
});

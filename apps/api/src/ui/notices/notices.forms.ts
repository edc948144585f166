import type { NoticeInput } from '@domain/notices';

import { type FormBody, list, nullable, text } from '../shared/form-body';
import { osloLocalInstant } from '../shared/oslo-time';

const lines = (v: unknown) =>
  text(v)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * A datetime-local value as an instant (Norwegian wall-clock time); nothing for an empty field, and
 * an invalid date for one that names no real time, for the domain to refuse naming the field.
 */
export function instantFromForm(v: unknown): Date | undefined {
  const value = text(v);
  if (!value) return undefined;
  return osloLocalInstant(value) ?? new Date(Number.NaN);
}

/** The editor form as the domain's notice. Links are written one per line, "title | address" or just the address. */
export function noticeFromForm(body: FormBody): NoticeInput {
  return {
    title: text(body.title),
    kind: text(body.kind) || undefined,
    body: text(body.body),
    technicalBody: nullable(body.technicalBody),
    professionalBody: nullable(body.professionalBody),
    services: list(body.services),
    environments: list(body.environments),
    entitlementPackages: lines(body.entitlementPackages),
    serviceAreas: list(body.serviceAreas),
    roles: list(body.roles),
    effectiveAt: instantFromForm(body.effectiveAt),
    links: lines(body.links).map((l) => {
      const [title, url] = l.includes('|') ? l.split('|').map((p) => p.trim()) : [l, l];
      return { title, url };
    }),
  };
}

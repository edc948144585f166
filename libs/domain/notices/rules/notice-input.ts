import { maskNationalIdentityNumbers } from '@domain/shared';

/** A refusal of one field (the platform's FieldError has this shape; rules stay free of imports). */
export interface FieldError {
  field: string;
  message: string;
}

export const NOTICE_KINDS = ['interface-change', 'dataset-change', 'planned-maintenance', 'deprecation', 'operational-notice'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Kinds that ask the consumer for work, so the e-mail and portal offer "we are ready" and reminders follow. */
export const KINDS_NEEDING_WORK: readonly NoticeKind[] = ['interface-change', 'dataset-change', 'deprecation'];

export const needsWork = (kind: NoticeKind) => KINDS_NEEDING_WORK.includes(kind);

export const NOTICE_ROLES = ['technical', 'professional', 'security'] as const;
const ENVIRONMENTS = ['production', 'test'];

export interface NoticeLink {
  title: string;
  url: string;
}

/** A notice as staff or the API write it (before checks). */
export interface NoticeInput {
  title?: string;
  kind?: string;
  body?: string;
  technicalBody?: string | null;
  professionalBody?: string | null;
  services?: string[];
  environments?: string[];
  entitlementPackages?: string[];
  serviceAreas?: string[];
  roles?: string[];
  effectiveAt?: string | Date;
  links?: NoticeLink[];
}

export interface NoticeContent {
  title: string;
  kind: NoticeKind;
  body: string;
  technicalBody: string | null;
  professionalBody: string | null;
  services: string[];
  environments: string[];
  entitlementPackages: string[];
  serviceAreas: string[];
  roles: string[];
  effectiveAt: Date;
  links: NoticeLink[];
}

const MAX_TITLE = 200;
const MAX_BODY = 20_000;
const clean = (s: unknown) => (typeof s === 'string' ? s.split('\u0000').join('').trim() : '');
/** Text municipalities read (and receive by e-mail) carries no identity number, as a ticket reply does not. */
const prose = (s: unknown) => maskNationalIdentityNumbers(clean(s)).text;
const list = (v: unknown) => [...new Set((Array.isArray(v) ? v : []).map(clean).filter(Boolean))];

/**
 * Checks and normalises a notice, field by field. `knownServices` are the catalogue's codes;
 * the effective date must lie after `now`.
 */
export function normaliseNotice(
  input: NoticeInput,
  knownServices: ReadonlySet<string>,
  now: Date,
): { content: NoticeContent | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const title = prose(input.title);
  if (!title) errors.push({ field: 'title', message: 'is required' });
  else if (title.length > MAX_TITLE) errors.push({ field: 'title', message: `must be at most ${MAX_TITLE} characters` });
  const kind = (input.kind ?? 'interface-change') as NoticeKind;
  if (!NOTICE_KINDS.includes(kind)) errors.push({ field: 'kind', message: `must be one of ${NOTICE_KINDS.join(', ')}` });
  const body = prose(input.body);
  const technicalBody = prose(input.technicalBody) || null;
  const professionalBody = prose(input.professionalBody) || null;
  if (!body) errors.push({ field: 'body', message: 'is required (the text for every contact unless a role has its own)' });
  for (const [field, text] of [
    ['body', body],
    ['technicalBody', technicalBody],
    ['professionalBody', professionalBody],
  ] as const)
    if (text && text.length > MAX_BODY) errors.push({ field, message: `must be at most ${MAX_BODY} characters` });
  const services = list(input.services);
  if (!services.length) errors.push({ field: 'services', message: 'must name at least one affected service' });
  const unknown = services.filter((s) => !knownServices.has(s));
  if (unknown.length) errors.push({ field: 'services', message: `unknown in the catalogue: ${unknown.join(', ')}` });
  const environments = list(input.environments);
  if (!environments.length) errors.push({ field: 'environments', message: 'must name at least one environment' });
  else if (environments.some((e) => !ENVIRONMENTS.includes(e)))
    errors.push({ field: 'environments', message: `must be among ${ENVIRONMENTS.join(', ')}` });
  const roles = list(input.roles);
  if (roles.some((r) => !(NOTICE_ROLES as readonly string[]).includes(r)))
    errors.push({ field: 'roles', message: `must be among ${NOTICE_ROLES.join(', ')}` });
  const effectiveAt = input.effectiveAt instanceof Date ? input.effectiveAt : new Date(String(input.effectiveAt ?? ''));
  if (input.effectiveAt === undefined || input.effectiveAt === null || Number.isNaN(effectiveAt.getTime()))
    errors.push({ field: 'effectiveAt', message: 'is required, as a date-time with offset' });
  else if (effectiveAt.getTime() <= now.getTime()) errors.push({ field: 'effectiveAt', message: 'must be in the future' });
  const links: NoticeLink[] = [];
  for (const [i, l] of (Array.isArray(input.links) ? input.links : []).entries()) {
    const url = clean(l?.url);
    if (!/^https?:\/\/\S+$/i.test(url)) errors.push({ field: `links[${i}].url`, message: 'must be an http(s) address' });
    else links.push({ title: prose(l?.title) || url, url });
  }
  if (errors.length) return { content: null, errors };
  return {
    content: {
      title,
      kind,
      body,
      technicalBody,
      professionalBody,
      services: services.sort(),
      environments: environments.sort(),
      entitlementPackages: list(input.entitlementPackages).sort(),
      serviceAreas: list(input.serviceAreas).sort(),
      roles: roles.sort(),
      effectiveAt,
      links,
    },
    errors,
  };
}

/** The text a contact reads: their role's own text when there is one, else the default. */
export function bodyFor(content: Pick<NoticeContent, 'body' | 'technicalBody' | 'professionalBody'>, role: string): string {
  if (role === 'technical' && content.technicalBody) return content.technicalBody;
  if (role === 'professional' && content.professionalBody) return content.professionalBody;
  return content.body;
}

/**
 * The texts for readers with these roles (one person, or an organisation's contacts): the role's
 * own text when they share one role, else the default; and each other text a role among them has,
 * sorted by role, so nobody misses the text written for them.
 */
export function textsForRoles(
  content: Pick<NoticeContent, 'body' | 'technicalBody' | 'professionalBody'>,
  roles: Iterable<string>,
): { text: string; roleTexts: Array<{ role: string; text: string }> } {
  const distinct = [...new Set(roles)].sort();
  const text = distinct.length === 1 ? bodyFor(content, distinct[0]) : content.body;
  const roleTexts = distinct.map((role) => ({ role, text: bodyFor(content, role) })).filter((t) => t.text !== text);
  return { text, roleTexts };
}

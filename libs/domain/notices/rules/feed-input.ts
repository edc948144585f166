import { maskNationalIdentityNumbers } from '@domain/shared';

import type { FieldError } from './notice-input';

export const FEED_KIND_VALUES = ['announcements', 'operational'] as const;
const ENVIRONMENTS = ['production', 'test'];
const MAX_URL = 2_000;
const MAX_TITLE = 200;

const clean = (s: unknown) => (typeof s === 'string' ? s.split('\u0000').join('').trim() : '');
const list = (v: unknown) => [...new Set((Array.isArray(v) ? v : []).map(clean).filter(Boolean))];

function httpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** A feed subscription as staff write it: an http(s) address without credentials, and its kind. */
export function normaliseFeed(input: { url?: unknown; kind?: unknown }): {
  content: { url: string; kind: (typeof FEED_KIND_VALUES)[number] } | null;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const url = clean(input.url);
  if (!url) errors.push({ field: 'url', message: 'is required' });
  else if (url.length > MAX_URL) errors.push({ field: 'url', message: `must be at most ${MAX_URL} characters` });
  else if (!httpUrl(url)) errors.push({ field: 'url', message: 'must be an http or https address without user name or password' });
  const kind = clean(input.kind);
  if (!(FEED_KIND_VALUES as readonly string[]).includes(kind))
    errors.push({ field: 'kind', message: `must be one of ${FEED_KIND_VALUES.join(', ')}` });
  if (errors.length) return { content: null, errors };
  return { content: { url: new URL(url).toString(), kind: kind as (typeof FEED_KIND_VALUES)[number] }, errors };
}

export interface OperationalMessageInput {
  title?: unknown;
  link?: unknown;
  services?: unknown;
  environments?: unknown;
  startedAt?: unknown;
}

/** An operational message staff register by hand: services in the catalogue, environments (none: all), a start not in the future. */
export function normaliseOperationalMessage(
  input: OperationalMessageInput,
  knownServices: ReadonlySet<string>,
  now: Date,
): {
  content: { title: string; link: string | null; services: string[]; environments: string[]; startedAt: Date } | null;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  // Every report on the service shows the title to its reporter, in the receipt too.
  const title = maskNationalIdentityNumbers(clean(input.title)).text;
  if (!title) errors.push({ field: 'title', message: 'is required' });
  else if (title.length > MAX_TITLE) errors.push({ field: 'title', message: `must be at most ${MAX_TITLE} characters` });
  const link = clean(input.link) || null;
  if (link && (link.length > MAX_URL || !httpUrl(link))) errors.push({ field: 'link', message: 'must be an http or https address' });
  const services = list(input.services);
  if (!services.length) errors.push({ field: 'services', message: 'must name at least one service' });
  const unknown = services.filter((s) => !knownServices.has(s));
  if (unknown.length) errors.push({ field: 'services', message: `unknown in the catalogue: ${unknown.join(', ')}` });
  const environments = list(input.environments);
  if (environments.some((e) => !ENVIRONMENTS.includes(e)))
    errors.push({ field: 'environments', message: `must be among ${ENVIRONMENTS.join(', ')}` });
  let startedAt = now;
  if (input.startedAt !== undefined && input.startedAt !== null && input.startedAt !== '') {
    startedAt = input.startedAt instanceof Date ? input.startedAt : new Date(clean(input.startedAt));
    if (Number.isNaN(startedAt.getTime())) errors.push({ field: 'startedAt', message: 'must be a date-time with offset' });
    else if (startedAt.getTime() > now.getTime()) errors.push({ field: 'startedAt', message: 'must not be in the future' });
  }
  if (errors.length) return { content: null, errors };
  return {
    content: {
      title,
      link,
      services: services.sort(),
      environments: environments.length === ENVIRONMENTS.length ? [] : environments.sort(),
      startedAt,
    },
    errors,
  };
}

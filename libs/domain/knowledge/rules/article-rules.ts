import { parseCalendarDate } from '@domain/shared';

/** Where an article stands: only published ones reach the portal, the help pages and the suggestions. */
export const ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** The knowledge base's sections, as the help pages group them. */
export const ARTICLE_CATEGORIES = ['access', 'maskinporten', 'data', 'agreement', 'segment', 'operations'] as const;
export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number];

/** A suggestion shown to someone writing a report or ticket, and the answer that made sending it unnecessary. */
export const DEFLECTION_KINDS = ['shown', 'helped'] as const;
export type DeflectionKind = (typeof DEFLECTION_KINDS)[number];

/** Publishing, archiving and taking back to draft; an archived article goes through draft before it is published again. */
const TRANSITIONS: Readonly<Record<ArticleStatus, readonly ArticleStatus[]>> = {
  draft: ['published', 'archived'],
  published: ['draft', 'archived'],
  archived: ['draft'],
};

export function canChangeStatus(from: ArticleStatus, to: ArticleStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A review date (YYYY-MM-DD) on or before today is due: the article may no longer be right. */
export function reviewOverdue(reviewDue: string | null, today: string): boolean {
  return !!reviewDue && reviewDue <= today;
}

/** The share of the times an article was suggested that it made sending unnecessary; null before it was ever shown. */
export function deflectionRate(shown: number, helped: number): number | null {
  if (shown <= 0) return null;
  return Math.min(1, helped / shown);
}

/** A slug from a title: lower case, æøå spelt out, words joined by dashes. */
export function slugFrom(title: string): string {
  return title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface ArticleContent {
  slug: string;
  title: string;
  /** Checked by contentProblems: input arrives as any string. */
  category: ArticleCategory;
  serviceCodes: string[];
  keywords: string[];
  errorCodes: string[];
  httpStatuses: number[];
  answer: string;
  body: string;
  checklist: string[];
  ownerId: string | null;
  reviewDue: string | null;
}

export interface ContentProblem {
  field: keyof ArticleContent;
  message: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIMITS = { title: 200, answer: 2_000, body: 50_000, listItems: 40, listItem: 300 };

/** What is wrong with an article's content, field by field (empty when it may be saved). */
export function contentProblems(c: ArticleContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (!SLUG_PATTERN.test(c.slug) || c.slug.length > 80)
    problems.push({ field: 'slug', message: 'must be lower-case letters, digits and dashes (at most 80)' });
  if (!c.title.trim() || c.title.length > LIMITS.title)
    problems.push({ field: 'title', message: `must be 1 to ${LIMITS.title} characters` });
  if (!(ARTICLE_CATEGORIES as readonly string[]).includes(c.category))
    problems.push({ field: 'category', message: `must be one of ${ARTICLE_CATEGORIES.join(', ')}` });
  if (!c.answer.trim() || c.answer.length > LIMITS.answer)
    problems.push({ field: 'answer', message: `must be 1 to ${LIMITS.answer} characters` });
  if (c.body.length > LIMITS.body) problems.push({ field: 'body', message: `must be at most ${LIMITS.body} characters` });
  for (const field of ['keywords', 'errorCodes', 'checklist', 'serviceCodes'] as const)
    if (c[field].length > LIMITS.listItems || c[field].some((v) => !v.trim() || v.length > LIMITS.listItem))
      problems.push({ field, message: `must hold at most ${LIMITS.listItems} non-empty entries of at most ${LIMITS.listItem} characters` });
  if (c.httpStatuses.some((s) => !Number.isInteger(s) || s < 100 || s > 599))
    problems.push({ field: 'httpStatuses', message: 'must be HTTP status codes (100–599)' });
  if (c.ownerId !== null && !UUID.test(c.ownerId)) problems.push({ field: 'ownerId', message: 'must name a staff user' });
  if (c.reviewDue !== null && !parseCalendarDate(c.reviewDue))
    problems.push({ field: 'reviewDue', message: 'must be a date (YYYY-MM-DD) in the years 1900–2999' });
  return problems;
}

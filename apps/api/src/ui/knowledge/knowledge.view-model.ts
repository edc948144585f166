import {
  ARTICLE_CATEGORIES,
  ARTICLE_STATUSES,
  type ArticleDetail,
  type ArticleFilter,
  type ArticleListItem,
  canChangeStatus,
  type FieldChange,
  type KnowledgeArticle,
  type KnowledgeArticleVersion,
} from '@domain/knowledge';

import { choices, type FormBody } from '../shared/form-body';
import { invalidFields, linkedToFields } from '../shared/form-errors';
import { countOf } from '../shared/numbers';
import type { FormFailure } from '../shared/page-form';
import {
  ARTICLE_NOUN,
  CATEGORY_LABELS,
  KNOWLEDGE_PAGE_TEXTS,
  KNOWLEDGE_TEXTS,
  KNOWLEDGE_TITLES,
  STATUS_ACTION_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
} from './knowledge.texts.nb';

export interface Owner {
  id: string;
  name: string;
}

export interface ServiceOption {
  code: string;
  name: string;
}

const ownerName = (owners: Owner[], id: string | null) =>
  id ? (owners.find((o) => o.id === id)?.name ?? KNOWLEDGE_TEXTS.unknownOwner) : KNOWLEDGE_TEXTS.noOwner;

const withAll = <T extends { value: string; label: string; selected: boolean }>(options: T[], chosen: string | undefined) => [
  { value: '', label: KNOWLEDGE_TEXTS.all, selected: !chosen },
  ...options,
];

/** The staff list: every article the filter lets through, best match first, with status, review and deflection counts. */
export function listViewModel(items: ArticleListItem[], owners: Owner[], services: ServiceOption[], filter: ArticleFilter) {
  return {
    title: KNOWLEDGE_TITLES.list,
    countText: countOf(items.length, ARTICLE_NOUN),
    filter: { q: filter.text ?? '', reviewDue: !!filter.reviewDue },
    filtered: !!(filter.text || filter.status || filter.category || filter.service || filter.reviewDue),
    statusOptions: withAll(choices(ARTICLE_STATUSES, STATUS_LABELS, filter.status), filter.status),
    categoryOptions: withAll(choices(ARTICLE_CATEGORIES, CATEGORY_LABELS, filter.category), filter.category),
    serviceOptions: withAll(
      services.map((s) => ({ value: s.code, label: s.name, selected: s.code === filter.service })),
      filter.service,
    ),
    articles: items.map((i) => ({
      id: i.article.id,
      title: i.article.title,
      slug: i.article.slug,
      categoryLabel: CATEGORY_LABELS[i.article.category],
      statusLabel: STATUS_LABELS[i.article.status],
      statusColor: STATUS_COLORS[i.article.status],
      owner: ownerName(owners, i.article.ownerId),
      reviewDue: i.article.reviewDue,
      reviewOverdue: i.reviewOverdue,
      version: i.article.version,
      shown: i.shown,
      helped: i.helped,
      rate: i.deflectionRate,
    })),
  };
}

/** What the editor's fields hold: what was entered (after a failed post or a preview), else the article, else empty. */
export function editorValues(article: KnowledgeArticle | null, body?: FormBody): Record<string, string | string[]> {
  if (body) {
    const values: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(body)) if (value !== undefined) values[key] = value;
    return values;
  }
  if (!article) return { category: 'access', serviceCodes: [] };
  return {
    title: article.title,
    slug: article.slug,
    category: article.category,
    serviceCodes: article.serviceCodes,
    keywords: article.keywords.join('\n'),
    errorCodes: article.errorCodes.join('\n'),
    httpStatuses: article.httpStatuses.join(', '),
    answer: article.answer,
    body: article.body,
    checklist: article.checklist.join('\n'),
    ownerId: article.ownerId ?? '',
    reviewDue: article.reviewDue ?? '',
    version: String(article.version),
  };
}

const lines = (v: string | string[] | undefined) => (Array.isArray(v) ? v : (v ?? '').split('\n')).map((l) => l.trim()).filter(Boolean);

export interface EditorData {
  article: KnowledgeArticle | null;
  owners: Owner[];
  services: ServiceOption[];
  /** What was entered: after a failed save, or to preview it. */
  body?: FormBody;
  preview?: boolean;
  failure?: FormFailure;
}

/** Where each field the article's rules can refuse sits in the editor (element ids). */
const ARTICLE_FIELD_IDS: Readonly<Record<string, string>> = {
  title: 'title',
  slug: 'slug',
  category: 'category',
  serviceCodes: 'serviceCodes',
  answer: 'answer',
  body: 'body',
  checklist: 'checklist',
  keywords: 'keywords',
  errorCodes: 'errorCodes',
  httpStatuses: 'httpStatuses',
  ownerId: 'ownerId',
  reviewDue: 'reviewDue',
};

/** The editor: Markdown in a textarea, with a preview of what was entered shown as the help page will show it. */
export function editorViewModel({ article, owners, services, body, preview, failure }: EditorData) {
  const values = editorValues(article, body);
  const chosenServices = [values.serviceCodes ?? []].flat();
  return {
    title: article ? KNOWLEDGE_TITLES.edit(article.title) : KNOWLEDGE_TITLES.new,
    action: article ? `/knowledge-base/${article.id}` : '/knowledge-base',
    previewAction: article ? `/knowledge-base/${article.id}/preview` : '/knowledge-base/preview',
    cancel: article ? `/knowledge-base/${article.id}` : '/knowledge-base',
    editing: !!article,
    values,
    categoryOptions: choices(ARTICLE_CATEGORIES, CATEGORY_LABELS, [values.category ?? ''].flat()[0]),
    serviceOptions: services.map((s) => ({ value: s.code, label: s.name, selected: chosenServices.includes(s.code) })),
    ownerOptions: [
      { value: '', label: KNOWLEDGE_TEXTS.noOwner, selected: !values.ownerId },
      ...owners.map((o) => ({ value: o.id, label: o.name, selected: o.id === values.ownerId })),
    ],
    preview: preview
      ? {
          title: [values.title ?? ''].flat()[0],
          answer: [values.answer ?? ''].flat()[0],
          body: [values.body ?? ''].flat()[0],
          checklist: lines(values.checklist),
        }
      : null,
    error: failure?.error,
    fieldErrors: linkedToFields(failure?.fieldErrors ?? [], ARTICLE_FIELD_IDS),
    invalid: invalidFields(failure?.fieldErrors),
  };
}

function versionNote(note: string): string {
  const restored = /^restored from version (\d+)$/.exec(note);
  if (restored) return KNOWLEDGE_TEXTS.versionNotes.restored(restored[1]);
  return KNOWLEDGE_TEXTS.versionNotes[note as 'created' | 'edited' | 'seeded'] ?? note;
}

export function versionRow(v: KnowledgeArticleVersion, current: number) {
  return { version: v.version, note: versionNote(v.note), savedBy: v.savedBy, savedAt: v.savedAt, current: v.version === current };
}

/** One article for staff: what the help page shows, its facts, deflection, history and the status actions it can take. */
export function articleViewModel(detail: ArticleDetail, owners: Owner[], services: ServiceOption[], today: string, failure?: FormFailure) {
  const a = detail.article;
  const serviceNames = a.serviceCodes.map((code) => services.find((s) => s.code === code)?.name ?? code);
  return {
    title: a.title,
    article: {
      id: a.id,
      slug: a.slug,
      title: a.title,
      answer: a.answer,
      body: a.body,
      checklist: a.checklist,
      keywords: a.keywords,
      errorCodes: a.errorCodes,
      httpStatuses: a.httpStatuses,
      categoryLabel: CATEGORY_LABELS[a.category],
      services: serviceNames.length ? serviceNames.join(', ') : KNOWLEDGE_TEXTS.allServices,
      statusLabel: STATUS_LABELS[a.status],
      statusColor: STATUS_COLORS[a.status],
      published: a.status === 'published',
      owner: ownerName(owners, a.ownerId),
      reviewDue: a.reviewDue,
      reviewOverdue: !!a.reviewDue && a.reviewDue <= today,
      version: a.version,
    },
    deflection: { shown: detail.shown, helped: detail.helped, rate: detail.deflectionRate },
    statusActions: ARTICLE_STATUSES.filter((s) => canChangeStatus(a.status, s)).map((s) => ({ value: s, label: STATUS_ACTION_LABELS[s] })),
    versions: detail.versions.map((v) => versionRow(v, a.version)),
    error: failure?.error,
    fieldErrors: failure?.fieldErrors,
  };
}

/** An earlier version: what it said, and line by line what changed from it to the article as it is now. */
export function versionViewModel(article: KnowledgeArticle, version: KnowledgeArticleVersion, changes: FieldChange[]) {
  const fields = KNOWLEDGE_PAGE_TEXTS.fields ?? {};
  return {
    title: KNOWLEDGE_TITLES.version(article.title, version.version),
    article: { id: article.id, title: article.title, version: article.version },
    version: versionRow(version, article.version),
    changes: changes.map((c) => ({ label: fields[c.field]?.label ?? c.field, lines: c.lines })),
  };
}

/** The portal's help index: a search box, and the published articles by category (or the hits, best first). */
export function helpIndexViewModel(articles: KnowledgeArticle[], query: string, category: string | undefined) {
  const row = (a: KnowledgeArticle) => ({ slug: a.slug, title: a.title, answer: a.answer, categoryLabel: CATEGORY_LABELS[a.category] });
  return {
    title: KNOWLEDGE_TITLES.help,
    layout: 'portal',
    q: query,
    searched: !!query,
    countText: countOf(articles.length, ARTICLE_NOUN),
    hits: query ? articles.map(row) : [],
    categoryOptions: withAll(choices(ARTICLE_CATEGORIES, CATEGORY_LABELS, category), category),
    categories: query
      ? []
      : ARTICLE_CATEGORIES.map((c) => ({
          key: c,
          label: CATEGORY_LABELS[c],
          articles: articles.filter((a) => a.category === c).map(row),
        })).filter((c) => c.articles.length),
  };
}

export function helpArticleViewModel(a: KnowledgeArticle) {
  return {
    title: a.title,
    layout: 'portal',
    article: {
      title: a.title,
      answer: a.answer,
      body: a.body,
      checklist: a.checklist,
      errorCodes: a.errorCodes,
      categoryLabel: CATEGORY_LABELS[a.category],
      updatedAt: a.updatedAt,
      version: a.version,
    },
  };
}

import { InvalidArticle } from './knowledge.exceptions';
import { KnowledgeArticle } from './knowledge-article.entity';
import { type ArticleCategory, type ArticleContent, contentProblems, slugFrom } from './rules/article-rules';

/** An article as staff write it; absent lists are empty, an absent slug comes from the title. */
export interface ArticleInput {
  slug?: string;
  title: string;
  category: string;
  serviceCodes?: string[];
  keywords?: string[];
  errorCodes?: string[];
  httpStatuses?: number[];
  answer: string;
  body?: string;
  checklist?: string[];
  ownerId?: string | null;
  reviewDue?: string | null;
}

/** The fields every version keeps and a diff compares, in the order the editor shows them. */
export const CONTENT_FIELDS = [
  'title',
  'slug',
  'category',
  'serviceCodes',
  'keywords',
  'errorCodes',
  'httpStatuses',
  'answer',
  'body',
  'checklist',
  'ownerId',
  'reviewDue',
] as const satisfies ReadonlyArray<keyof ArticleContent>;

const clean = (values: string[] | undefined) => (values ?? []).map((v) => v.trim()).filter(Boolean);

/** The input trimmed and checked; throws InvalidArticle naming every wrong field. */
export function articleContent(input: ArticleInput): ArticleContent {
  const content: ArticleContent = {
    slug: input.slug?.trim() || slugFrom(input.title ?? ''),
    title: (input.title ?? '').trim(),
    category: input.category as ArticleCategory,
    serviceCodes: clean(input.serviceCodes),
    keywords: clean(input.keywords),
    errorCodes: clean(input.errorCodes),
    httpStatuses: input.httpStatuses ?? [],
    answer: (input.answer ?? '').trim(),
    // Markdown keeps its line breaks; only the ends are trimmed.
    body: (input.body ?? '').replace(/\r\n/g, '\n').trim(),
    checklist: clean(input.checklist),
    ownerId: input.ownerId || null,
    reviewDue: input.reviewDue || null,
  };
  const problems = contentProblems(content);
  if (problems.length) throw new InvalidArticle(problems);
  return content;
}

export function contentOf(article: KnowledgeArticle): ArticleContent {
  const content = {} as Record<string, unknown>;
  for (const field of CONTENT_FIELDS) content[field] = article[field];
  return content as unknown as ArticleContent;
}

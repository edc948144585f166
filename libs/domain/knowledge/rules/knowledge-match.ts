/** Lower-case, keep æøå, turn punctuation into spaces, collapse whitespace. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface ArticleSymptoms {
  slug: string;
  keywords: string[];
  errorCodes: string[];
  httpStatuses: number[];
}

export interface ReportSymptoms {
  title: string;
  description: string;
  errorCode?: string | null;
  httpStatus?: number | null;
}

// A keyword phrase is worth one point; an exact error code is stronger evidence than any word.
const KEYWORD_POINTS = 1;
const ERROR_CODE_POINTS = 2;
const STATUS_POINTS = 0.5;
/** Below this an article is noise rather than an answer. */
export const ARTICLE_MIN_SCORE = 1.5;

/** Scores how well a knowledge-base article's symptoms fit a report (pure; no I/O). */
export function articleScore(article: ArticleSymptoms, report: ReportSymptoms): number {
  return scoreText(article, report, matchableText(report));
}

export function rankArticles<T extends ArticleSymptoms>(
  articles: T[],
  report: ReportSymptoms,
  limit = 3,
): Array<{ article: T; score: number }> {
  // Every report is scored against every published article: its text is normalised once.
  const text = matchableText(report);
  return articles
    .map((article) => ({ article, score: scoreText(article, report, text) }))
    .filter((x) => x.score >= ARTICLE_MIN_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** The report's words, space-delimited at both ends so that a keyword matches from a word's start. */
function matchableText(report: ReportSymptoms): string {
  return ` ${normaliseText(`${report.title} ${report.description} ${report.errorCode ?? ''}`)} `;
}

function scoreText(article: ArticleSymptoms, report: ReportSymptoms, text: string): number {
  let score = 0;
  for (const k of normalisedKeywords(article.keywords)) if (text.includes(` ${k}`)) score += KEYWORD_POINTS;
  const code = report.errorCode?.trim().toLowerCase();
  if (code && article.errorCodes.some((c) => c.toLowerCase() === code)) score += ERROR_CODE_POINTS;
  if (report.httpStatus && article.httpStatuses.includes(report.httpStatus)) score += STATUS_POINTS;
  return score;
}

// Articles are held in memory between writes (SuggestArticles), and their keyword lists are
// never changed in place: a list's normal form is worked out once, not for every report.
const keywordForms = new WeakMap<readonly string[], string[]>();

function normalisedKeywords(keywords: readonly string[]): string[] {
  let forms = keywordForms.get(keywords);
  if (!forms) {
    forms = keywords.map(normaliseText).filter(Boolean);
    keywordForms.set(keywords, forms);
  }
  return forms;
}

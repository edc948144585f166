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
  const text = ` ${normaliseText(`${report.title} ${report.description} ${report.errorCode ?? ''}`)} `;
  let score = 0;
  for (const keyword of article.keywords) {
    const k = normaliseText(keyword);
    if (k && text.includes(` ${k}`)) score += KEYWORD_POINTS;
  }
  const code = report.errorCode?.trim().toLowerCase();
  if (code && article.errorCodes.some((c) => c.toLowerCase() === code)) score += ERROR_CODE_POINTS;
  if (report.httpStatus && article.httpStatuses.includes(report.httpStatus)) score += STATUS_POINTS;
  return score;
}

export function rankArticles<T extends ArticleSymptoms>(
  articles: T[],
  report: ReportSymptoms,
  limit = 3,
): Array<{ article: T; score: number }> {
  return articles
    .map((article) => ({ article, score: articleScore(article, report) }))
    .filter((x) => x.score >= ARTICLE_MIN_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/**
 * Error codes in a search text, folded as the article index folds its codes (lower case, no
 * dashes, underscores, dots), so "SSG-008", "ssg_008" and "ssg008" meet. A code mixes letters
 * and digits or has an underscore; plain words (also "API-et") are left to the full-text search.
 */
export function codeTerms(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)*/gu) ?? [];
  const codes = words.filter((w) => w.includes('_') || (/\d/.test(w) && /\p{L}/u.test(w))).map(foldCode);
  return [...new Set(codes.filter((c) => c.length >= 3))];
}

export function foldCode(code: string): string {
  return code.toLowerCase().replace(/[-_.\s]+/g, '');
}

/** HTTP statuses named in a search text ("403", "HTTP 503"). */
export function statusTerms(query: string): number[] {
  const statuses = (query.match(/\b[1-5]\d\d\b/g) ?? []).map(Number).filter((s) => s >= 100 && s <= 599);
  return [...new Set(statuses)];
}

import type { NoticeKind } from './notice-input';

/** An entry of Skatteetaten's feeds as the rules read it: text already stripped of markup. */
export interface FeedEntryText {
  title: string;
  summary: string;
  categories: string[];
  links: string[];
}

/** What the catalogue in force says of a service, enough to recognise it in an entry. */
export interface ServiceSignature {
  code: string;
  name: string;
  maskinportenScopes: string[];
  documentationUrl: string | null;
}

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The phrase as a whole word (letters or digits on neither side), case-insensitive, in any script. */
function mentions(text: string, phrase: string): boolean {
  const p = phrase.trim();
  if (!p) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(p)}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

function pathOf(url: string): { host: string; segments: string[] } | null {
  try {
    const u = new URL(url);
    return {
      host: u.host.toLowerCase(),
      segments: u.pathname
        .split('/')
        .filter(Boolean)
        .map((s) => fold(decodeURIComponent(s))),
    };
  } catch {
    return null;
  }
}

/** A link under the service's documentation: same host, and the documentation's path (not just "/") as its prefix. */
function under(link: string, documentationUrl: string | null): boolean {
  if (!documentationUrl) return false;
  const doc = pathOf(documentationUrl);
  const at = pathOf(link);
  if (!doc || !at || !doc.segments.length || doc.host !== at.host) return false;
  return doc.segments.every((s, i) => at.segments[i] === s);
}

/**
 * The catalogue services an entry is about, each with the first reason found: a category equal
 * to the service's code or one of its Maskinporten scopes, a link under its documentation or
 * with its code as a path segment, or its code or name as a whole word in the title or summary.
 * Nothing is guessed beyond that: an entry naming no service maps to none, and staff choose.
 */
export function servicesOfEntry(entry: FeedEntryText, catalogue: readonly ServiceSignature[]): Array<{ code: string; reason: string }> {
  const categories = new Set(entry.categories.map(fold).filter(Boolean));
  const text = `${entry.title}\n${entry.summary}`;
  const found: Array<{ code: string; reason: string }> = [];
  for (const s of catalogue) {
    const code = fold(s.code);
    const scope = s.maskinportenScopes.find((sc) => categories.has(fold(sc)));
    let reason: string | null = null;
    if (categories.has(code)) reason = `category ${s.code}`;
    else if (scope) reason = `category ${scope}`;
    else {
      const link = entry.links.find((l) => under(l, s.documentationUrl) || (pathOf(l)?.segments.includes(code) ?? false));
      if (link) reason = `link ${link}`;
      else if (mentions(text, s.code)) reason = `mentions ${s.code}`;
      else if (s.name.trim().length >= 4 && mentions(text, s.name)) reason = `mentions ${s.name}`;
    }
    if (reason) found.push({ code: s.code, reason });
  }
  return found.sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * The small glossary the kind of a proposed draft is guessed from: generic words Skatteetaten's
 * and GitHub's announcements use (bokmål, nynorsk, English), never a service's own vocabulary.
 * The first kind with a word in the title or summary wins; anything else is an interface change,
 * which staff correct in the editor.
 */
export const KIND_GLOSSARY: ReadonlyArray<{ kind: NoticeKind; words: readonly string[] }> = [
  {
    kind: 'deprecation',
    words: ['utfasing', 'utfases', 'fases ut', 'avvikles', 'avvikling', 'avviklast', 'deprecated', 'deprecation', 'sunset', 'end of life'],
  },
  { kind: 'planned-maintenance', words: ['planlagt vedlikehold', 'planlagd vedlikehald', 'planned maintenance', 'vedlikeholdsvindu'] },
];

export function kindOfAnnouncement(entry: Pick<FeedEntryText, 'title' | 'summary'>): NoticeKind {
  const text = `${entry.title}\n${entry.summary}`;
  return KIND_GLOSSARY.find((g) => g.words.some((w) => mentions(text, w)))?.kind ?? 'interface-change';
}

/** Words in an operational message's title that say the problem is over (a feed updates the entry rather than removing it). */
export const RESOLVED_WORDS: readonly string[] = ['løst', 'rettet', 'gjenopprettet', 'normal drift', 'resolved', 'fixed', 'restored'];

export function saysResolved(entry: Pick<FeedEntryText, 'title'>): boolean {
  return RESOLVED_WORDS.some((w) => mentions(entry.title, w));
}

const ENVIRONMENT_WORDS: ReadonlyArray<{ environment: 'production' | 'test'; words: readonly string[] }> = [
  { environment: 'production', words: ['produksjon', 'produksjonsmiljø', 'produksjonsmiljøet', 'production'] },
  { environment: 'test', words: ['testmiljø', 'testmiljøet', 'testmiljøene', 'test environment'] },
];

/** The environments an operational message names; none named (or both): every environment, written as []. */
export function environmentsOfEntry(entry: Pick<FeedEntryText, 'title' | 'summary'>): string[] {
  const text = `${entry.title}\n${entry.summary}`;
  const named = ENVIRONMENT_WORDS.filter((e) => e.words.some((w) => mentions(text, w))).map((e) => e.environment);
  return named.length === 1 ? named : [];
}

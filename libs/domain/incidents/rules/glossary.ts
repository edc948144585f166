/**
 * The domain glossary as matching uses it: every term of an entry (bokmål, nynorsk, English)
 * is rewritten to one language-neutral concept feature, so "naturalytelser", "naturalytingar"
 * and "benefits in kind" meet in one feature whose weight the corpus statistics then decide.
 * The entries themselves (with their public sources) are in domain-glossary.ts.
 */
import { DOMAIN_GLOSSARY } from './domain-glossary';
import type { GlossaryEntry } from './glossary-entry';

export type { GlossaryArea, GlossaryEntry } from './glossary-entry';

/** Prefix of concept features, so they never collide with ordinary word stems. */
export const CONCEPT_PREFIX = '_';

/**
 * ASCII folding used for matching: keyboards without æøå write "faar"/"paa"/"sokere" for
 * "får"/"på"/"søkere", so both spellings must meet in one form.
 */
export function foldForMatching(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/[åä]/g, 'a')
    .replace(/[éèê]/g, 'e')
    .replace(/ü/g, 'u')
    .replace(/aa/g, 'a');
}

interface CompiledTerm {
  /** folded words; the last may be a prefix (wildcard) */
  words: string[];
  wildcard: boolean;
  /** the concept feature, then its broader concepts */
  concept: string[];
}

function compileTerm(term: string, concept: string[]): CompiledTerm | null {
  const wildcard = term.endsWith('*');
  const words = foldForMatching(wildcard ? term.slice(0, -1) : term)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.length ? { words, wildcard, concept } : null;
}

function matchesAt(tokens: readonly string[], at: number, t: CompiledTerm): boolean {
  if (at + t.words.length > tokens.length) return false;
  for (let i = 0; i < t.words.length; i++) {
    const last = i === t.words.length - 1;
    const ok = last && t.wildcard ? tokens[at + i].startsWith(t.words[i]) : tokens[at + i] === t.words[i];
    if (!ok) return false;
  }
  return true;
}

export interface CompiledGlossary {
  /** replaces every glossary term in a list of folded words by its concept feature */
  rewrite(tokens: readonly string[]): string[];
  readonly concepts: ReadonlySet<string>;
}

export function conceptFeature(id: string): string {
  return `${CONCEPT_PREFIX}${id.replace(/-/g, '_')}`;
}

/**
 * Terms are looked up by their first word (exact), or by its first letters for wildcard
 * terms; at each position the longest matching term wins, so "fri bil" beats "bil".
 */
export function compileGlossary(entries: readonly GlossaryEntry[]): CompiledGlossary {
  const byFirstWord = new Map<string, CompiledTerm[]>();
  const byPrefix = new Map<string, CompiledTerm[]>();
  const PREFIX = 3;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const lineage = (e: GlossaryEntry): string[] => {
    const out = [conceptFeature(e.id)];
    for (let b = e.broader ? byId.get(e.broader) : undefined; b && out.length < 5; b = b.broader ? byId.get(b.broader) : undefined)
      out.push(conceptFeature(b.id));
    return out;
  };
  for (const e of entries) {
    for (const term of [...e.nb, ...e.nn, ...e.en]) {
      const t = compileTerm(term.trim(), lineage(e));
      if (!t) continue;
      const single = t.words.length === 1 && t.wildcard;
      const key = single ? t.words[0].slice(0, PREFIX) : t.words[0];
      const index = single ? byPrefix : byFirstWord;
      index.set(key, [...(index.get(key) ?? []), t]);
    }
  }
  const span = (t: CompiledTerm) => t.words.length * 100 + t.words.join(' ').length;
  for (const list of [...byFirstWord.values(), ...byPrefix.values()]) list.sort((a, b) => span(b) - span(a));
  /** The one-word term a compound part is, if any (wildcard terms allow an inflected ending). */
  const termOf = (part: string): CompiledTerm | undefined => {
    if (part.length < MIN_COMPOUND_PART) return undefined;
    const exact = byFirstWord.get(part)?.find((t) => t.words.length === 1);
    return exact ?? byPrefix.get(part.slice(0, PREFIX))?.find((t) => part.startsWith(t.words[0]));
  };
  /**
   * Norwegian writes compounds as one word ("formuesposter", "boligtypen", "bilfordel"): a part
   * that is a glossary term (the modifier, with or without the linking s/e, or the head) names
   * that concept too.
   */
  const compoundConcepts = (token: string): string[] => {
    if (token.length < 2 * MIN_COMPOUND_PART) return [];
    const found = new Set<string>();
    for (let k = MIN_COMPOUND_PART; k <= token.length - MIN_COMPOUND_PART; k++) {
      const modifier = token.slice(0, k);
      const head = token.slice(k);
      const left = termOf(modifier) ?? (/[se]$/.test(modifier) ? termOf(modifier.slice(0, -1)) : undefined);
      if (left && !left.wildcard) left.concept.forEach((c) => found.add(c));
      termOf(head)?.concept.forEach((c) => found.add(c));
    }
    return [...found];
  };
  return {
    concepts: new Set(entries.map((e) => conceptFeature(e.id))),
    rewrite(tokens) {
      const out: string[] = [];
      for (let i = 0; i < tokens.length;) {
        const options = [...(byFirstWord.get(tokens[i]) ?? []), ...(byPrefix.get(tokens[i].slice(0, PREFIX)) ?? [])];
        const hit = options.filter((t) => matchesAt(tokens, i, t)).sort((a, b) => span(b) - span(a))[0];
        if (hit) {
          out.push(...hit.concept);
          i += hit.words.length;
        } else {
          out.push(...compoundConcepts(tokens[i]), tokens[i]);
          i++;
        }
      }
      return out;
    },
  };
}

/** The shortest part of a compound that is looked up in the glossary. */
const MIN_COMPOUND_PART = 5;

let compiled: CompiledGlossary | null = null;

/** The product's glossary, compiled once. */
export function domainGlossary(): CompiledGlossary {
  compiled ??= compileGlossary(DOMAIN_GLOSSARY);
  return compiled;
}

import { DOMAIN_GLOSSARY } from './domain-glossary';
import { foldForMatching as fold } from './glossary';

/**
 * Checks the glossary data: ids, terms, sources, uniqueness and the order of overlapping
 * entries, seeing terms folded the way matching sees them.
 */

const AREAS = new Set([
  'skattegrunnlag',
  'skatteoppgjor',
  'a-ordningen',
  'folkeregisteret',
  'eiendom',
  'maskinporten',
  'altinn',
  'http',
  'api',
  'personvern',
]);

/** Terms of three letters or fewer are allowed only as established abbreviations. */
const SHORT_TERM_ALLOW_LIST = new Set([
  'gnr', // gårdsnummer
  'bnr', // bruksnummer
  'snr', // seksjonsnummer
  'fnr', // fødselsnummer
  'd-nr', // d-nummer
  'aga', // arbeidsgiveravgift
  'tls',
  'ssl',
  'jwt',
  'jwk',
  'aud', // JWT audience claim
  'iss', // JWT issuer claim
  'seq', // Folkeregisteret feed parameter
  'xml',
  'url',
  'pii',
  'dpa',
  'v1',
  'v2',
  'v3',
]);

const LANGS = ['nb', 'nn', 'en'] as const;

interface Compiled {
  words: string[];
  wildcard: boolean;
}

function compile(term: string): Compiled {
  const wildcard = term.endsWith('*');
  const words = fold(wildcard ? term.slice(0, -1) : term)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return { words, wildcard };
}

function key(c: Compiled): string {
  return c.words.join(' ') + (c.wildcard ? '*' : '');
}

/** True when every text matched by `b` at some position is also matched by `a` there. */
function covers(a: Compiled, b: Compiled): boolean {
  if (a.words.length > b.words.length) return false;
  for (let i = 0; i < a.words.length; i++) {
    const last = i === a.words.length - 1;
    if (last && a.wildcard) {
      if (!b.words[i].startsWith(a.words[i])) return false;
    } else {
      if (a.words[i] !== b.words[i]) return false;
      if (i === b.words.length - 1 && b.wildcard) return false;
    }
  }
  return true;
}

interface Term {
  entry: number;
  id: string;
  term: string;
  compiled: Compiled;
}

const terms: Term[] = DOMAIN_GLOSSARY.flatMap((e, entry) =>
  LANGS.flatMap((lang) => e[lang].map((term) => ({ entry, id: e.id, term, compiled: compile(term) }))),
);

describe('DOMAIN_GLOSSARY', () => {
  it('has entries', () => {
    expect(DOMAIN_GLOSSARY.length).toBeGreaterThan(0);
  });

  it('has unique ids of lower-case ASCII letters, digits and hyphens', () => {
    const ids = DOMAIN_GLOSSARY.map((e) => e.id);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts every entry in a known area', () => {
    const bad = DOMAIN_GLOSSARY.filter((e) => !AREAS.has(e.area)).map((e) => `${e.id}: ${e.area}`);
    expect(bad).toEqual([]);
  });

  it('gives every entry at least one nb, nn and en term', () => {
    const bad = DOMAIN_GLOSSARY.flatMap((e) => LANGS.filter((lang) => e[lang].length === 0).map((lang) => `${e.id}.${lang}`));
    expect(bad).toEqual([]);
  });

  it('names a public https source with a title for every entry', () => {
    for (const e of DOMAIN_GLOSSARY) {
      expect(e.source.title.trim()).not.toBe('');
      expect(e.source.url.startsWith('https://')).toBe(true);
      expect(() => new URL(e.source.url)).not.toThrow();
    }
  });

  it('writes terms in lower case, trimmed, non-empty, with at most one trailing *', () => {
    const bad = terms
      .filter(({ term }) => {
        const star = term.indexOf('*');
        return (
          term.trim() === '' ||
          term !== term.trim() ||
          term !== term.toLowerCase() ||
          /\s\s/.test(term) ||
          (star !== -1 && star !== term.length - 1) ||
          (star !== -1 && !/[\p{L}\p{N}]\*$/u.test(term))
        );
      })
      .map(({ id, term }) => `${id}: "${term}"`);
    expect(bad).toEqual([]);
  });

  it('gives every term at least one word to match', () => {
    const bad = terms.filter(({ compiled }) => compiled.words.length === 0).map(({ id, term }) => `${id}: "${term}"`);
    expect(bad).toEqual([]);
  });

  it('keeps wildcards specific (stem of a single word ≥ 4 letters, last word of a phrase ≥ 3)', () => {
    const bad = terms
      .filter(({ compiled: c }) => c.wildcard && c.words[c.words.length - 1].length < (c.words.length === 1 ? 4 : 3))
      .map(({ id, term }) => `${id}: "${term}"`);
    expect(bad).toEqual([]);
  });

  it('allows terms of three letters or fewer only from the allow-list', () => {
    const bad = terms
      .filter(({ term, compiled }) => compiled.words.join('').length <= 3 && !SHORT_TERM_ALLOW_LIST.has(term))
      .map(({ id, term }) => `${id}: "${term}"`);
    expect(bad).toEqual([]);
  });

  it('uses every allow-listed short term (the list stays honest)', () => {
    const used = new Set(terms.map((t) => t.term));
    expect([...SHORT_TERM_ALLOW_LIST].filter((t) => !used.has(t))).toEqual([]);
  });

  it('has no term in two entries (after lower-casing and trimming)', () => {
    const owner = new Map<string, string>();
    const bad: string[] = [];
    for (const { id, term } of terms) {
      const k = term.trim().toLowerCase();
      const other = owner.get(k);
      if (other !== undefined && other !== id) bad.push(`"${term}": ${other} and ${id}`);
      else owner.set(k, id);
    }
    expect(bad).toEqual([]);
  });

  it('has no term in two entries as matching sees it (folded, split into words)', () => {
    const owner = new Map<string, string>();
    const bad: string[] = [];
    for (const { id, term, compiled } of terms) {
      const k = key(compiled);
      const other = owner.get(k);
      if (other !== undefined && other !== id) bad.push(`"${term}" (${k}): ${other} and ${id}`);
      else owner.set(k, id);
    }
    expect(bad).toEqual([]);
  });

  it('repeats no term within one language list', () => {
    const bad = DOMAIN_GLOSSARY.flatMap((e) =>
      LANGS.flatMap((lang) => {
        const keys = e[lang].map((t) => key(compile(t)));
        return keys.filter((k, i) => keys.indexOf(k) !== i).map((k) => `${e.id}.${lang}: ${k}`);
      }),
    );
    expect(bad).toEqual([]);
  });

  it('puts an entry before any other entry whose term would also match where its own does', () => {
    const bad: string[] = [];
    for (const general of terms) {
      for (const specific of terms) {
        if (general.entry === specific.entry) continue;
        if (covers(general.compiled, specific.compiled) && specific.entry > general.entry) {
          bad.push(`"${specific.term}" (${specific.id}) must come before "${general.term}" (${general.id})`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

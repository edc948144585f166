/**
 * Text normalisation and similarity for report deduplication (bokmål, nynorsk, English).
 *
 * Two complementary measures:
 *  - character trigram similarity (as PostgreSQL pg_trgm's `similarity()`), robust to typos,
 *    inflection and compounds ("inntekts-APIet" vs "inntekt");
 *  - weighted overlap of stemmed, concept-mapped tokens, which bridges the three languages
 *    ("business income" ~ "næringsinntekt", "times out" ~ "tidsavbrot").
 * Everything here is pure and deterministic.
 */

/** Lower-case, keep æøå, turn punctuation into spaces, collapse whitespace. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * ASCII folding used only for *matching*: reports typed on keyboards without æøå write
 * "faar"/"paa"/"sokere" for "får"/"på"/"søkere", so both spellings must meet in one form.
 * æ→ae, ø→o, å→a, and the old transliteration "aa"→"a".
 */
export function foldForMatching(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/[åä]/g, 'a')
    .replace(/é|è|ê/g, 'e')
    .replace(/aa/g, 'a');
}

/** Noise that says nothing about the problem: UUIDs (correlation ids), long digit runs (ids, fnr). */
function stripIdentifiers(text: string): string {
  return text
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ' ')
    .replace(/\d[\d ]{5,}\d/g, ' ');
}

/** Lower-cased, folded text with punctuation removed; codes like "SSG-007" kept as one word. */
export function matchingText(text: string): string {
  const folded = foldForMatching(stripIdentifiers(text.normalize('NFKC')));
  return folded
    .replace(/([a-z]+)-(\d+)/g, '$1$2') // ssg-007 → ssg007, so the code stays one token
    .replace(/(\d{4})-(\d{2})\b/g, '$1$2') // 2026-01 → 202601
    .replace(/[^a-z0-9_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Trigrams (pg_trgm semantics)
// ---------------------------------------------------------------------------------------------

/** Trigrams of one word padded like pg_trgm: two spaces before, one after. */
function wordTrigrams(word: string, into: Set<string>): void {
  const padded = `  ${word} `;
  for (let i = 0; i + 3 <= padded.length; i++) {
    into.add(padded.slice(i, i + 3));
  }
}

/** The set of padded word trigrams of a text, as pg_trgm's show_trgm(). */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of matchingText(text).split(' ')) {
    if (word) wordTrigrams(word, out);
  }
  return out;
}

/** Jaccard index of two sets (0 when both are empty). */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** pg_trgm-style similarity of two texts, 0..1. */
export function trigramSimilarity(a: string, b: string): number {
  return jaccard(trigrams(a), trigrams(b));
}

// ---------------------------------------------------------------------------------------------
// Tokens: stop words, light stemming, concept mapping
// ---------------------------------------------------------------------------------------------

/** Function words of bokmål, nynorsk and English, plus greetings; written in folded form. */
const STOP_WORDS = new Set(
  (
    'og i pa paa til fra fra av for med som er var har hadde vi me oss vart var vaar det den de dei dere dykk du ' +
    'ein en ei et eit ett at om men ikke ikkje ikkje kan skal vil ma mat sa so no na nar kva hva hvem kven ' +
    'hvor kor her der da naa seg sin sitt sine min mitt mine din ditt vare vart dette denne disse desse ' +
    'ogsa ogso bare berre litt noe noko nokon noen alle alt heile hele kl ca etc eller enn sidan siden ' +
    'hei hallo god morgon morgen takk mvh hilsen helsing vennlig venleg beste regards best thanks thank ' +
    'the a an and or of to in on at for from with by is are was were be been it its this that these those ' +
    'we our us you your they their them i my me he she has have had do does did not no but as if so than ' +
    'hi hello dear team please any some since about also just still ks får far fikk faar gjev gir gi'
  ).split(' '),
);

/**
 * Words that occur in almost every report and so carry little evidence on their own
 * (service and institution names, "error", "API", "call"). They keep a small weight.
 */
const GENERIC_WORDS = new Set(
  (
    'skatteetaten skatteetat api apiet apiene tjeneste tjenesten tjenester kall kallet oppslag feil feilen feiler ' +
    'feilar feilmelding error errors fail fails failing request requests call calls kommune kommunen municipality ' +
    'fagsystem fagsystemet system integrasjon integrasjonen integration ssg summert skattegrunnlag skattegrunnlaget ' +
    'produksjon prod production svar svaret response responsen respons hente henta hentet data endepunkt endpoint ' +
    'saksbehandler saksbehandlere saksbehandlerne sakshandsamar problem problemer vi trenger hjelp http'
  ).split(' '),
);

/** Suffixes stripped by the light stemmer, longest first (bokmål, nynorsk, English). */
const SUFFIXES = [
  'ingane', 'ingene', 'ingar', 'inger', 'heten', 'heita', 'elsen', 'ende', 'ande', 'ingen', 'ings',
  'ene', 'ane', 'ane', 'ers', 'ert', 'est', 'ede', 'ies', 'ing', 'ens', 'ets',
  'er', 'ar', 'en', 'et', 'es', 'ed', 'ly', 'a', 'e', 's',
];

const MIN_STEM = 4;

/** Light suffix stripping; keeps at least MIN_STEM characters so short words survive intact. */
export function stem(word: string): string {
  if (/\d/.test(word) || word.length <= MIN_STEM) return word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) {
      return word.slice(0, -suffix.length);
    }
  }
  return word;
}

/**
 * Multi-word phrases rewritten to one concept before tokenising (folded spelling).
 * Only general vocabulary of this domain: outage, access, data-quality terms.
 */
const PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\bbusiness income\b|\bpersoninntekt fra naering\b|\bselvstendig\w* naeringsdriv\w*|\bsjolvstendig\w* naeringsdriv\w*|\bsole proprietor\w*|\bself employed\b|\benkeltpersonforetak\w*|\benk\b/g, ' naeringsinntekt '],
  [/\bincome year\b|\binntektsar\w*|\binntekstar\w*/g, ' inntektsar '],
  [/\btimes? out\b|\btimed out\b|\btidsavbr\w*|\btimeouts?\b|\btmieout\b|\btimeoout\b/g, ' timeout '],
  [/\bsvarer ikke\b|\bsvarar ikkje\b|\bsvarer ikkje\b|\bnot responding\b|\bno response\b|\bingen svar\b|\bgjev ikkje svar\b|\bunavailable\b|\butilgjengeleg\w*|\butilgjengelig\w*|\bnede\b|\bdown\b|\bconnection refused\b/g, ' nede '],
  [/\brate ?limit\w*|\btoo many requests\b|\bfor mange (foresporsl|forespurn)\w*|\bkvote\w*|\bquota\w*/g, ' ratelimit '],
  [/\bresponse times?\b|\bsvartid\w*|\btreg\w*|\btreig\w*|\bslow\w*|\bytelse\w*|\bytlse\w*|\bperformance\b|\btar evigheter\b/g, ' treg '],
  [/\baccess token\b|\btoken\w*|\bjwt\w*/g, ' token '],
  [/\bautenti\w*|\bauthenticat\w*/g, ' autentisering '],
  [/\bforbidden\b|\baccess denied\b|\bmanglende tilgang\b|\bmangler rettighet\w*|\bmanglar rett\w*|\bingen tilgang\b|\bikkje tilgang\b|\btilgang\w*|\btigang\b|\baccess\b/g, ' tilgang '],
  [/\bdupli\w*|\bdobbel\w*|\bto ganger\b|\bto gongar\b|\btwice\b|\bto like\b/g, ' duplikat '],
  [/\bmissing\b|\black\w*|\bmangl\w*|\bmngler\b|\butelat\w*|\bomit\w*|\bempty\b|\btomt?\b|\bkommer ikke med\b|\bkjem ikkje med\b|\bikkje med\b|\bvises ikke\b/g, ' mangler '],
  [/\bamounts?\b|\bbelop\w*|\bbeloep\w*/g, ' belop '],
  [/\bassessed\b|\basesssed\b|\bfastsat\w*|\bfastset\w*/g, ' fastsatt '],
  [/\bdrafts?\b|\butkast\w*/g, ' utkast '],
  [/\baddress\w*|\badress\w*|\bardess\w*|\badess\w*/g, ' adresse '],
  [/\bdocumentation\b|\bdocs\b|\bdokumentasjon\w*|\butviklerportal\w*|\bgetting started\b|\bopenapi\w*|\bspesifikasjon\w*/g, ' dokumentasjon '],
  [/\bcertificate\w*|\bsertifikat\w*|\btls\b/g, ' sertifikat '],
  [/\btest ?environment\b|\btest env\b|\btestmiljo\w*|\btestoppsett\w*|\btestkall\w*/g, ' test '],
  [/\bencoding\b|\btegnsett\w*|\bcharset\w*|\bspesialtegn\w*/g, ' tegnsett '],
  [/\bincome\b|\binntekt(?!sar)\w*/g, ' inntekt '],
  [/\bproperty\b|\bproperties\b|\beiendom\w*|\beigedom\w*/g, ' eiendom '],
  [/\bbruksenh\w*|\bburksenh\w*/g, ' bruksenhet '],
  [/\bsettlement\b|\bskatteoppgj\w*|\bskateoppgj\w*|\bsktateoppgj\w*|\bskattepopgj\w*|\bsatteoppgj\w*/g, ' skatteoppgjor '],
  [/\bfolkeregist\w*|\bfreg\b|\bpopulation register\b/g, ' folkeregister '],
  [/\btest ?person\w*|\bsyntetisk\w*|\bsynthetic\b/g, ' testperson '],
  [/\bwrong\b|\bincorrect\b|\buriktig\w*|\bfeil\b/g, ' feil '],
  [/\bmultiplied\b|\bganger for\b|\bgonger for\b|\bhundre\w*|\bhunddre\w*|\bekstra nuller\b|\b100x\b/g, ' hundregang '],
  [/\bore\b|\boere\b/g, ' ore '],
  [/\bkroner\b|\bkr\b/g, ' kroner '],
];

/** Stem-level synonyms across nb/nn/en (folded, after stemming). */
const SYNONYMS: Readonly<Record<string, string>> = {
  year: 'ar', aret: 'ar', arets: 'ar',
  month: 'maned', maaned: 'maned', manad: 'maned', januar: 'januar', january: 'januar', jaanuar: 'januar',
  period: 'periode', periode: 'periode', periods: 'periode', periodar: 'periode', perioder: 'periode',
  person: 'person', personer: 'person', personar: 'person', people: 'person',
  employer: 'arbeidsgiver', arbeidsgjev: 'arbeidsgiver', arbeidsgiv: 'arbeidsgiver',
  return: 'returner', returner: 'returner', returnert: 'returner',
  name: 'navn', names: 'navn', namn: 'navn',
  sign: 'fortegn', debt: 'gjeld', wealth: 'formue',
  address: 'adresse', moved: 'flytt', flytt: 'flytt', flyttemeld: 'flytt', innflyttar: 'flytt',
  stale: 'utdatert', gamal: 'gammel', old: 'gammel', outdated: 'utdatert',
  scope: 'scope', scopet: 'scope',
  dns: 'dns', nxdomain: 'dns', resolve: 'dns', hostname: 'dns',
};

/** Stemmed, concept-mapped tokens of a text, without stop words. */
export function contentTokens(text: string): string[] {
  let t = ` ${matchingText(text)} `;
  for (const [pattern, concept] of PHRASES) t = t.replace(pattern, concept);
  const out: string[] = [];
  for (const raw of t.split(' ')) {
    if (raw.length < 2 || STOP_WORDS.has(raw)) continue;
    const s = stem(raw);
    if (STOP_WORDS.has(s)) continue;
    out.push(SYNONYMS[s] ?? SYNONYMS[raw] ?? s);
  }
  return out;
}

/** Weight of one token in the overlap measure: generic words count little, the rest fully. */
export function tokenWeight(token: string): number {
  if (GENERIC_WORDS.has(token)) return 0.25;
  if (/^\d+$/.test(token)) return 0.5; // numbers (status codes, years) help but can coincide
  return 1;
}

/** Weighted Jaccard of two token sets: shared weight / union weight. */
export function weightedTokenSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  let union = 0;
  for (const t of a) {
    const w = tokenWeight(t);
    union += w;
    if (b.has(t)) shared += w;
  }
  for (const t of b) if (!a.has(t)) union += tokenWeight(t);
  return union === 0 ? 0 : shared / union;
}

/** Everything similarity needs about one text, computed once. */
export interface TextProfile {
  /** folded, punctuation-free text */
  readonly text: string;
  readonly trigrams: ReadonlySet<string>;
  readonly tokens: ReadonlySet<string>;
}

export function textProfile(text: string): TextProfile {
  return { text: matchingText(text), trigrams: trigrams(text), tokens: new Set(contentTokens(text)) };
}

/**
 * Combined similarity 0..1: the better of trigram and token overlap, with a small bonus when
 * both agree. Taking the max lets either measure carry a match (typos → trigrams,
 * language switch → concept tokens) without letting a single weak one inflate the score.
 */
export function profileSimilarity(a: TextProfile, b: TextProfile): number {
  const tri = jaccard(a.trigrams, b.trigrams);
  const tok = weightedTokenSimilarity(a.tokens, b.tokens);
  return Math.min(1, Math.max(tri, tok) + 0.25 * Math.min(tri, tok));
}

/** Convenience for callers holding raw strings. */
export function textSimilarity(a: string, b: string): number {
  return profileSimilarity(textProfile(a), textProfile(b));
}

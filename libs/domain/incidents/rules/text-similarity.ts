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
import {
  MIN_STEM_LENGTH,
  SIMILARITY_AGREEMENT_BONUS,
  WEIGHT_GENERIC,
  WEIGHT_NUMBER_OR_SHORT,
  WEIGHT_SPECIFIC_CONCEPT as SPECIFIC,
  WEIGHT_SYMPTOM_CONCEPT as SYMPTOM,
} from './matching.constants';

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

/**
 * Greetings and sign-offs ("Hei KS", "Vennlig hilsen fagsystemansvarlig", "Thanks in advance")
 * are chosen by the writer, not the problem; left in, they make unrelated reports look alike.
 */
const GREETING = /^\s*(hei|hallo|hello|hi|god morgon|god morgen|good morning)\b[^.!?,]{0,20}[,.!]?\s*((vi|me) trenger hjelp|(vi|me) treng hjelp)?[.!]?\s*/i;
const SIGN_OFF = /(\b(med )?(vennlig|venleg|beste)? ?(hilsen|helsing)\b|\bmvh\b|\b(best|kind)? ?re+gards\b|\bthanks in advance\b|\bthank you\b)[^.!?]{0,60}[.!]?\s*$/i;

export function stripBoilerplate(text: string): string {
  return text.replace(GREETING, '').replace(SIGN_OFF, '').trim();
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

/** Function words of bokmål, nynorsk and English, in folded form (å→a, ø→o, æ→ae). */
const STOP_WORDS = new Set(
  (
    'og i pa til fra av for med mot som er var vore har hadde vi me oss vart vare det den de dei dere dykk du ' +
    'ein en ei et eit ett at om men ikke ikkje kan skal vil ma sa so no na nar kva hva hvem kven ' +
    'hvor kor her der da seg sin sitt sine min mitt mine din ditt dette denne disse desse ut inn opp ned ' +
    'ogsa bare berre litt noe noko nokon noen alle alt heile hele kl ca etc osv eller enn sidan siden ' +
    'hei hallo god morgon morgen takk mvh hilsen helsing vennlig venleg beste svaert veldig mange flere fleire ' +
    'gar idag dag today igjen fortsatt framleis still ser vises blir bli ble vert vart komm kommer kjem ' +
    'the a an and or of to in on at for from with by is are was were be been it its this that these those ' +
    'we our us you your they their them i my me he she has have had do does did not no but as if so than ' +
    'hi hello dear team please any some since about also just ks far fikk gjev gir gi get gets getting got ' +
    'seem seems looks look like som sjekk'
  ).split(' '),
);

/**
 * Words that occur in almost every report and so carry little evidence on their own
 * (service and institution names, "error", "API", "call").
 */
const GENERIC_WORDS = new Set(
  (
    'skatteetaten skatteetat api apiet apiene tjeneste tjenesten tjenester kall kallet oppslag oppslaget feil feilen ' +
    'feiler feilar feilmelding error errors fail fails failing failed request requests call calls kommune kommunen ' +
    'municipality fagsystem fagsystemet system systemet integrasjon integrasjonen integration ssg summert ' +
    'skattegrunnlag skattegrunnlaget produksjon prod production svar svaret response responsen respons hente henta ' +
    'hentet data endepunkt endpoint saksbehandler saksbehandlere saksbehandlerne sakshandsamar problem problemer ' +
    'trenger treng hjelp http avvik melding'
  ).split(' '),
);

/** Suffixes stripped by the light stemmer, longest first (bokmål, nynorsk, English). */
const SUFFIXES = [
  'ingane', 'ingene', 'ingar', 'inger', 'heten', 'heita', 'elsen', 'ende', 'ande', 'ingen', 'ings',
  'ene', 'ane', 'ers', 'ert', 'est', 'ede', 'ies', 'ing', 'ens', 'ets',
  'er', 'ar', 'en', 'et', 'es', 'ed', 'ly', 'a', 'e', 's',
];

/** Light suffix stripping; keeps at least MIN_STEM_LENGTH characters so short words survive intact. */
export function stem(word: string): string {
  if (/\d/.test(word) || word.length <= MIN_STEM_LENGTH) return word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM_LENGTH) {
      return word.slice(0, -suffix.length);
    }
  }
  return word;
}

/**
 * Domain concepts: words and phrases of nb/nn/en rewritten to one language-neutral token
 * (prefixed "_", never stemmed), with the weight the concept carries as evidence.
 * Weights (see matching.constants): SPECIFIC names a fault or data item, SYMPTOM a symptom
 * shared by many problems, WEIGHT_GENERIC a service or environment.
 * Applied in order on folded text; earlier (more specific) phrases win.
 */
const CONCEPTS: ReadonlyArray<[RegExp, string, number]> = [
  [/\bbusiness income\b|\bpersoninntekt fra naering\b|\bnaeringsinnt\w*|\bselvstendig\w* naeringsdriv\w*|\bsjolvstendig\w* naeringsdriv\w*|\bnaeringsdriv\w*|\bsole proprietor\w*|\bself employed\b|\benkeltpersonforetak\w*|\benk\b/g, 'naeringsinntekt', SPECIFIC],
  [/\bincome year\b|\binntektsar\w*/g, 'inntektsar', SPECIFIC],
  [/\btimes? out\b|\btimed out\b|\btidsavbr\w*|\btime ?outs?\b|\bgateway timeout\b/g, 'timeout', SYMPTOM],
  [/\bsvarer ikke\b|\bsvarar ikkje\b|\bsvarer ikkje\b|\bnot responding\b|\bno response\b|\bingen svar\b|\bgjev ikkje svar\b|\bunavailable\b|\butilgjengeleg\w*|\butilgjengelig\w*|\bnede\b|\bdown\b|\bconnection refused\b|\bdriftsavbrudd\w*|\bdriftsforstyrr\w*|\bdriftsproblem\w*/g, 'nede', SYMPTOM],
  [/\brate ?limit\w*|\btoo many requests\b|\bfor mange (foresporsl|forespurn)\w*|\bkvote\w*|\bquota\w*|\bbegrenser\b|\b429\b/g, 'ratelimit', SPECIFIC],
  [/\bresponse times?\b|\bsvartid\w*|\btreg\w*|\btreig\w*|\bslow\w*|\bytelse\w*|\bperformance\b|\btar evigheter\b|\bfor sakte\b|\bsekunder\b|\bseconds\b|\bsek\b/g, 'treg', SPECIFIC],
  [/\baccess token\b|\btoken\w*|\bjwt\w*/g, 'token', SYMPTOM],
  [/\bautenti\w*|\bauthenticat\w*/g, 'autentisering', SYMPTOM],
  [/\bforbidden\b|\baccess denied\b|\bmanglende tilgang\b|\bmangler rettighet\w*|\bmanglar rett\w*|\bingen tilgang\b|\bikkje tilgang\b|\btilgang\w*|\baccess\b|\b403\b/g, 'tilgang', SYMPTOM],
  [/\bdupli\w*|\bdobbel\w*|\bto ganger\b|\bto gongar\b|\btwice\b|\bto like\b|\bsame .{0,20}two times\b/g, 'duplikat', SPECIFIC],
  [/\bmissing\b|\black\w*|\bmangl\w*|\butelat\w*|\bomit\w*|\bempty\b|\btomt?\b|\bnull\b|\bkommer ikke med\b|\bkjem ikkje med\b|\bikkje med\b|\bvises ikke\b|\bfinnes ikke\b/g, 'mangler', SYMPTOM],
  [/\bmultipli\w*|\bganger for\b|\bgonger for\b|\bhundre\w*|\bekstra nuller\b|\b100x\b/g, 'hundregang', SPECIFIC],
  [/\bamounts?\b|\bbelop\w*|\bbeloep\w*/g, 'belop', SPECIFIC],
  [/\bore\b|\boere\b/g, 'ore', SPECIFIC],
  [/\bassessed\b|\bfastsat\w*|\bfastset\w*/g, 'fastsatt', SPECIFIC],
  [/\bdrafts?\b|\butkast\w*/g, 'utkast', SPECIFIC],
  [/\baddress\w*|\badress\w*/g, 'adresse', SPECIFIC],
  [/\bstale\b|\boutdated\b|\butdatert\w*|\bgammel\b|\bgamal\b|\bgamle\b|\bold\b|\bikke oppdatert\b|\bikkje oppdatert\b|\bikkje vert oppdaterte\b/g, 'utdatert', SYMPTOM],
  [/\bflytt\w*|\bmoved\b|\binnflytt\w*|\brelocat\w*/g, 'flytting', SPECIFIC],
  [/\bdocumentation\b|\bdocs\b|\bdokumentasjon\w*|\butviklerportal\w*|\bgetting started\b|\bopenapi\w*|\bspesifikasjon\w*/g, 'dokumentasjon', SPECIFIC],
  [/\bcertificate\w*|\bsertifikat\w*|\btls\b|\bhandshake\b/g, 'sertifikat', SPECIFIC],
  [/\bscope\w*|\binvalid_scope\b/g, 'scope', SPECIFIC],
  [/\bencoding\b|\btegnsett\w*|\bcharset\w*|\bspesialtegn\w*|\bmojibake\b|\bteikn\w*|\btegn\b/g, 'tegnsett', SPECIFIC],
  [/\bbruksenh\w*/g, 'bruksenhet', SPECIFIC],
  [/\bseksjon\w*|\bsectioned\b|\bsections?\b/g, 'seksjon', SPECIFIC],
  [/\btest ?person\w*|\bsyntetisk\w*|\bsynthetic\b|\btenor\b/g, 'testperson', SPECIFIC],
  [/\bdns\b|\bnxdomain\b|\bresolve\w*|\bhostname\w*|\bvertsnavn\w*/g, 'dns', SPECIFIC],
  [/\bduplikat\w*/g, 'duplikat', SPECIFIC],
  [/\bemployer\w*|\barbeidsgi\w*|\barbeidsgje\w*/g, 'arbeidsgiver', SPECIFIC],
  [/\bsign\b|\bfortegn\w*/g, 'fortegn', SPECIFIC],
  [/\bdebt\b|\bgjeld\w*/g, 'gjeld', SPECIFIC],
  [/\bwealth\b|\bformue\w*/g, 'formue', SPECIFIC],
  [/\barea\b|\bareal\w*/g, 'areal', SPECIFIC],
  // General nb/nn/en vocabulary of tax, population and property data (not tied to one problem):
  [/\bpension\w*|\bpensjon\w*/g, 'pensjon', SPECIFIC],
  [/\bdeduction\w*|\bfradrag\w*/g, 'fradrag', SPECIFIC],
  [/\btaxable\b|\bskattepliktig\w*/g, 'skattepliktig', SPECIFIC],
  [/\bordinary income\b|\balminnelig inntekt\b|\balminneleg inntekt\b/g, 'alminneliginntekt', SPECIFIC],
  [/\bmarital status\b|\bsivilstand\w*/g, 'sivilstand', SPECIFIC],
  [/\bdeceased\b|\bdeath\w*|\bdodsfall\w*|\bdod\b|\bdode\b/g, 'dodsfall', SPECIFIC],
  [/\bcitizenship\w*|\bstatsborgerskap\w*/g, 'statsborgerskap', SPECIFIC],
  [/\bmunicipality numbers?\b|\bkommunenummer\w*|\bkommunenr\b/g, 'kommunenummer', SPECIFIC],
  [/\bcadastr\w*|\bmatrikkel\w*|\bmatrikkelen\b|\bgnr\b|\bbnr\b/g, 'matrikkel', SPECIFIC],
  [/\bowners?\b|\bownership\b|\beier\w*|\beigar\w*/g, 'eier', SPECIFIC],
  [/\bnational id\w*|\bpersonal identity number\w*|\bfodselsnummer\w*|\bpersonidentifikator\w*|\bd-?nummer\w*/g, 'fodselsnummer', SYMPTOM],
  [/\bchild\w*|\bbarn\b|\bbarna\b|\bborn\b/g, 'barn', SPECIFIC],
  [/\bfields?\b|\bfelt\b|\bfeltet\b|\bfelta\b|\bfelter\b|\battribut\w*|\battribute\w*/g, 'felt', SYMPTOM],
  [/\bdates?\b|\bdato\w*|\btimezone\w*|\btidssone\w*/g, 'dato', SPECIFIC],
  [/\bdecimal\w*|\bdesimal\w*|\brounding\b|\brounded\b|\bavrund\w*/g, 'desimal', SPECIFIC],
  [/\bpaginat\w*|\bpaging\b|\bpaginering\w*|\bneste side\b|\bnext page\b/g, 'paginering', SPECIFIC],
  [/\bnegative\b|\bnegativ\w*|\bminus\w*/g, 'negativ', SPECIFIC],
  [/\bnames?\b|\bnavn\b|\bnamn\b/g, 'navn', SYMPTOM],
  [/\bperiods?\b|\bperiode\w*|\bmonths?\b|\bmaned\w*|\bmanad\w*|\bjanuar\w*/g, 'periode', SYMPTOM],
  [/\bwrong\b|\bincorrect\b|\buriktig\w*|\bfeil\b/g, 'feil', WEIGHT_GENERIC],
  [/\btest ?environment\b|\btest env\b|\btestmiljo\w*|\btestoppsett\w*|\btestkall\w*|\btest\b/g, 'test', WEIGHT_GENERIC],
  [/\bincome\b|\binntekt\w*|\ba-?ordning\w*|\ba ordning\w*|\blonn\b|\bsalary\b/g, 'inntekt', WEIGHT_GENERIC],
  [/\bpropert(y|ies)\b|\beiendom\w*|\beigedom\w*/g, 'eiendom', WEIGHT_GENERIC],
  [/\bsettlement\b|\bskatteoppgj\w*/g, 'skatteoppgjor', WEIGHT_GENERIC],
  [/\bfolkeregist\w*|\bfreg\b|\bpopulation register\b/g, 'folkeregister', WEIGHT_GENERIC],
];

const CONCEPT_WEIGHT = new Map(CONCEPTS.map(([, concept, weight]) => [`_${concept}`, weight]));

/** Stemmed, concept-mapped tokens of a text, without stop words. */
export function contentTokens(text: string): string[] {
  let t = ` ${matchingText(text)} `;
  for (const [pattern, concept] of CONCEPTS) t = t.replace(pattern, ` _${concept} `);
  const out: string[] = [];
  for (const raw of t.split(' ')) {
    if (raw.length < 2 || STOP_WORDS.has(raw)) continue;
    if (raw.startsWith('_')) {
      out.push(raw);
      continue;
    }
    const s = stem(raw);
    if (!STOP_WORDS.has(s)) out.push(s);
  }
  return out;
}

/** Generic words as the stemmer leaves them ("summert" → "summ"). */
const GENERIC_STEMS = new Set([...GENERIC_WORDS].map((w) => stem(w)));

/** Weight of one token in the overlap measure. */
export function tokenWeight(token: string): number {
  const concept = CONCEPT_WEIGHT.get(token);
  if (concept !== undefined) return concept;
  if (GENERIC_WORDS.has(token) || GENERIC_STEMS.has(token)) return WEIGHT_GENERIC;
  if (/^\d+$/.test(token) || token.length <= 3) return WEIGHT_NUMBER_OR_SHORT;
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

/**
 * Total weight of the *content* tokens two texts share (generic words and numbers excluded):
 * 1.5 = one specific concept ("næringsinntekt", "duplikat") or more; 2 = two ordinary words.
 */
export function sharedContentWeight(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) {
    if (!b.has(t)) continue;
    const w = tokenWeight(t);
    if (w >= 1) shared += w;
  }
  return shared;
}

/** sharedContentWeight on two profiles, using their precomputed weights. */
export function profileSharedContentWeight(a: TextProfile, b: TextProfile): number {
  const [small, large] = a.tokenWeights.size <= b.tokenWeights.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [t, w] of small.tokenWeights) if (w >= 1 && large.tokenWeights.has(t)) shared += w;
  return shared;
}

/** Everything similarity needs about one text, computed once. */
export interface TextProfile {
  /** folded, punctuation-free text */
  readonly text: string;
  readonly trigrams: ReadonlySet<string>;
  /** the same trigrams as sorted numeric codes, for a fast merge-based Jaccard */
  readonly trigramCodes: Float64Array;
  readonly tokens: ReadonlySet<string>;
  /** token → weight, and the total, precomputed for weightedTokenSimilarity */
  readonly tokenWeights: ReadonlyMap<string, number>;
  readonly totalWeight: number;
}

/** Three UTF-16 units packed into one exact double (< 2^48). */
function trigramCode(t: string): number {
  return t.charCodeAt(0) * 4294967296 + t.charCodeAt(1) * 65536 + t.charCodeAt(2);
}

export function textProfile(text: string): TextProfile {
  const tri = trigrams(text);
  const codes = Float64Array.from([...tri].map(trigramCode)).sort();
  const tokens = new Set(contentTokens(text));
  const tokenWeights = new Map([...tokens].map((t) => [t, tokenWeight(t)] as const));
  let totalWeight = 0;
  for (const w of tokenWeights.values()) totalWeight += w;
  return { text: matchingText(text), trigrams: tri, trigramCodes: codes, tokens, tokenWeights, totalWeight };
}

/** Jaccard of two sorted, duplicate-free code arrays (linear merge). */
export function sortedJaccard(a: Float64Array, b: Float64Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** Trigram similarity of two profiles (same value as jaccard of their trigram sets). */
export function profileTrigramSimilarity(a: TextProfile, b: TextProfile): number {
  return sortedJaccard(a.trigramCodes, b.trigramCodes);
}

/** Weighted token similarity of two profiles (same value as weightedTokenSimilarity). */
export function profileTokenSimilarity(a: TextProfile, b: TextProfile): number {
  const [small, large] = a.tokenWeights.size <= b.tokenWeights.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [t, w] of small.tokenWeights) if (large.tokenWeights.has(t)) shared += w;
  const union = a.totalWeight + b.totalWeight - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Combined similarity 0..1: the better of trigram and token overlap, with a small bonus when
 * both agree. Taking the max lets either measure carry a match (typos → trigrams,
 * language switch → concept tokens) without letting a single weak one inflate the score.
 */
export function profileSimilarity(a: TextProfile, b: TextProfile): number {
  return combineSimilarity(profileTrigramSimilarity(a, b), profileTokenSimilarity(a, b));
}

/** The combination used by profileSimilarity, for callers that already hold both parts. */
export function combineSimilarity(trigram: number, token: number): number {
  return Math.min(1, Math.max(trigram, token) + SIMILARITY_AGREEMENT_BONUS * Math.min(trigram, token));
}

/** Convenience for callers holding raw strings. */
export function textSimilarity(a: string, b: string): number {
  return profileSimilarity(textProfile(a), textProfile(b));
}

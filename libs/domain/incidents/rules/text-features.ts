/**
 * The words of a report as matching sees them: folded (æøå and keyboards without them meet),
 * stripped of identifiers, codes and salutations, domain terms rewritten to language-neutral
 * concepts (glossary), the rest lightly stemmed. How much each feature counts is not decided
 * here: corpus statistics (corpus-stats.ts) weigh them by how rare they are.
 * Pure and deterministic.
 */
import { CONCEPT_PREFIX, domainGlossary, foldForMatching } from './glossary';
import { MIN_STEM_LENGTH } from './matching.constants';

export { foldForMatching } from './glossary';

/** Identifiers say nothing about the problem: UUIDs, e-mail addresses, URLs' hosts, long digit runs. */
const IDENTIFIERS = [
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
  /\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g,
  /\bhttps?:\/\/[^\s/]+/gi,
  /\d[\d ]{5,}\d/g,
  /\[fødselsnummer fjernet\]/gi,
];

/** Error codes are compared as codes (report-signals.ts), not as words. */
const CODES = /\b[a-z]{2,5}-\d{3}\b|\b(invalid|unauthorized|temporarily|server|access)_[a-z_]+\b/gi;

/**
 * Greetings and sign-offs ("Hei KS", "Vennlig hilsen fagsystemansvarlig", "Thanks in advance")
 * are chosen by the writer, not the problem; left in, they make unrelated reports look alike.
 */
const GREETING = /^\s*(hei|hallo|hello|hi|god morgon|god morgen|good morning|dear [a-z ]{1,20})\b[^.!?,]{0,20}[,.!]?\s*/i;
const SIGN_OFF =
  /(\b(med )?(vennlig|venleg|beste)? ?(hilsen|helsing)\b|\bmvh\b|\b(best|kind)? ?re+gards\b|\bthanks in advance\b|\bthank you\b)[^.!?]{0,60}[.!]?\s*$/i;

export function stripBoilerplate(text: string): string {
  return text.replace(GREETING, '').replace(SIGN_OFF, '').trim();
}

/** Folded words of a text, after identifiers and codes are removed. */
export function foldedWords(text: string): string[] {
  let t = text.normalize('NFKC');
  for (const p of IDENTIFIERS) t = t.replace(p, ' ');
  t = t.replace(CODES, ' ');
  return foldForMatching(t)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Function words of bokmål, nynorsk and English, and salutations, in folded form. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'og i pa til fra fra av for med mot som er var vore har hadde vi me oss vart vare det den de dei dere dykk du ' +
    'ein en ei et eit ett at om men ikke ikkje kan skal vil ma sa so no na nar kva hva hvem kven korleis hvordan ' +
    'hvor kor her der da seg sin sitt sine min mitt mine din ditt dette denne disse desse ut inn opp ned ' +
    'ogsa og bare berre litt noe noko nokon noen nokre alle alt heile hele kl ca etc osv eller enn sidan siden ' +
    'hei hallo god morgon morgen takk mvh hilsen helsing vennlig venleg beste svaert veldig mange flere fleire ' +
    'idag dag today igjen fortsatt framleis still blir bli ble vert vorte blitt kommer kjem ' +
    'the a an and or of to in on at for from with by is are was were be been it its this that these those ' +
    'we our us you your they their them i my me he she has have had do does did not no but as if so than ' +
    'hi hello dear team please any some since about also just can could would should will there here what when ' +
    'which who why how all any each every our ours into out over under again still only very too more most ' +
    'etter foer for nokre sjolv selv hos hja eg jeg meg oss dere dykk hans hennar hennes deira deres ' +
    'far fikk fatt ser sa sett se gjor gjer gjort gjere gjore kan kunne skulle ville matte bor gir gi gav gitt gjev gje ' +
    'get gets got getting see seen saw make made need needs seem seems look looks like give gives gave given'
  ).split(' '),
);

/** Suffixes stripped by the light stemmer, longest first (bokmål, nynorsk, English). */
const SUFFIXES = [
  'ingane',
  'ingene',
  'ingar',
  'inger',
  'heten',
  'heita',
  'elsen',
  'ende',
  'ande',
  'ingen',
  'ings',
  'ene',
  'ane',
  'ers',
  'ert',
  'est',
  'ede',
  'ies',
  'ing',
  'ens',
  'ets',
  'er',
  'ar',
  'en',
  'et',
  'es',
  'ed',
  'ly',
  'a',
  'e',
  's',
];

/** Light suffix stripping; keeps at least MIN_STEM_LENGTH characters so short words survive intact. */
export function stem(word: string): string {
  if (/\d/.test(word) || word.length <= MIN_STEM_LENGTH) return word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM_LENGTH) return word.slice(0, -suffix.length);
  }
  return word;
}

/** A word that carries content: not a function word, not a bare number other than a year. */
function isContent(word: string): boolean {
  if (STOP_WORDS.has(word)) return false;
  if (/^\d+$/.test(word)) return word.length === 4 && /^(19|20)\d\d$/.test(word);
  return word.length >= 3;
}

/**
 * The distinct features of a text: glossary concepts ("_naturalytelse") and stems of the other
 * content words. Order follows the text; duplicates are dropped (presence, not frequency, counts).
 */
export function textFeatures(text: string): string[] {
  const words = domainGlossary().rewrite(foldedWords(stripBoilerplate(text)));
  const out = new Set<string>();
  for (const w of words) {
    if (w.startsWith(CONCEPT_PREFIX)) out.add(w);
    else if (isContent(w)) {
      const s = stem(w);
      if (!STOP_WORDS.has(s)) out.add(s);
    }
  }
  return [...out];
}

export function isConcept(feature: string): boolean {
  return feature.startsWith(CONCEPT_PREFIX);
}

/**
 * Derived features of one report, used by matching and merging.
 *
 * All detection is keyword based (bokmål, nynorsk, English) and works on *clauses*, so a
 * negated mention ("the Altinn delegation is unchanged", "token from Maskinporten works fine")
 * does not count as the cause it names. Patterns are written in natural spelling and folded
 * the same way as the text (æ→ae, ø→o, å→a, aa→a), so "faar"/"får" both match.
 */
import { SIGNAL_CACHE_SIZE } from './matching.constants';
import { foldForMatching, textFeatures } from './text-features';

export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx';

/**
 * The failure mode a status stands for: client errors are told apart by their exact code (401
 * bad credentials, 403 no right, 404 wrong path, 429 too many calls are different problems),
 * server errors and successes only by class (reporters mix 502/503/504 for one outage).
 */
export type StatusKey = string;

/** Coarse nature of the symptom; two reports with disjoint kinds rarely describe one problem. */
export type SymptomKind = 'outage' | 'access' | 'rate' | 'slow' | 'data' | 'certificate';

export type LocalCause = 'explicit' | 'symptom' | 'none';

/** The report fields the signals need (a subset of ReportFacts, so tests can be terse). */
export interface SignalInput {
  id: string;
  consumerId: string;
  service: string;
  environment: 'production' | 'test';
  category: 'incident' | 'deviation' | 'security' | 'privacy';
  title: string;
  description: string;
  httpStatus?: number | null;
  errorCode?: string | null;
  receivedAt: Date;
}

export interface ReportSignals {
  readonly id: string;
  readonly consumerId: string;
  readonly service: string;
  readonly environment: 'production' | 'test';
  readonly receivedAtMs: number;
  /** distinct text features of title + description (text-features.ts) */
  readonly features: readonly string[];
  /** features of the title without reply prefixes, to recognise "SV: <original title>" */
  readonly titleFeatures: readonly string[];
  /** status classes from the field and from the text ("503", "Forbidden") */
  readonly statusClasses: ReadonlySet<StatusClass>;
  /** failure modes from the field and from the text (see StatusKey) */
  readonly statusKeys: ReadonlySet<StatusKey>;
  /** error codes from the field and from the text ("Feilkode SSG-007"), canonical case */
  readonly errorCodes: ReadonlySet<string>;
  readonly kinds: ReadonlySet<SymptomKind>;
  /** cause on a shared platform (Maskinporten, API gateway) spanning services */
  readonly platform: boolean;
  /** …and the platform cause is the token service (Maskinporten), not shared infrastructure */
  readonly platformToken: boolean;
  /** the reporter says the token service works ("token from Maskinporten is fine") */
  readonly platformOk: boolean;
  /** the reporter points at the provider: "all calls", "nothing changed on our side" */
  readonly providerCue: boolean;
  readonly local: LocalCause;
  /** which local cause was recognised, for reasons shown to staff */
  readonly localHint: string | null;
  /** the local cause is only suspected ("we first thought it was our firewall") */
  readonly localHedged: boolean;
  readonly security: boolean;
  readonly followUp: boolean;
  /** the report is about one person or case, not many: a question of first-line support more than a systematic fault */
  readonly singleCase: boolean;
  readonly recurrence: boolean;
}

// ---------------------------------------------------------------------------------------------
// Pattern helpers
// ---------------------------------------------------------------------------------------------

/** Compile a pattern written in natural spelling into one that matches folded text. */
function cue(source: string): RegExp {
  // Only the letters are folded; lower-casing the source would turn `\\S` into `\\s`.
  const folded = source.replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a').replace(/aa/g, 'a');
  return new RegExp(folded, 'i');
}

function anyCue(patterns: readonly RegExp[], text: string): boolean {
  return patterns.some((p) => p.test(text));
}

/** Clauses of a folded text: sentences, further split at "but"/"men"/"likevel". */
export function clausesOf(text: string): string[] {
  return sentencesOf(text).flat();
}

/** Sentences of a folded text, each as its clauses (split at "but"/"men"/"likevel"). */
export function sentencesOf(text: string): string[][] {
  return foldForMatching(text)
    .split(/[.!?;]+(?=\s|$)|\n+|\s[–-]\s/)
    .map((sentence) =>
      sentence
        .split(/,\s*(?:men|but|likevel)\s|\s(?:but|men)\s/)
        .map((c) => c.trim())
        .filter((c) => c.length > 0),
    )
    .filter((clauses) => clauses.length > 0);
}

/**
 * A clause saying something is fine or unchanged ("delegeringen er på plass", "unchanged",
 * "sjekket ... alt ser normalt ut") negates the local cause it mentions.
 */
const UNCHANGED = cue(
  '\\b(uendra|uendret|unchanged|ikke endret|ikkje endra|not changed|har ikke rørt|har ikkje rørt|ikke (problemet|årsaken|det)|ikkje (problemet|årsaka|det)|not the (problem|cause|issue))\\b|\\bikke vårt\\b|\\bikkje vårt\\b|\\bnot ours\\b',
);
const FINE = [
  cue(
    '\\b(på plass|in place|ser (riktig|normalt|rett|gyldig|fint|bra) ut|alt ser|looks? (correct|fine|right|valid|ok)|som (den|det) skal|as (it|they) should)',
  ),
  cue('\\b(gyldig|valid|fungerer|fungerar|virker|verkar|works|working|fint|fine|i orden|in order|ok)\\b'),
  cue('\\b(sjekket|sjekka|checked|verified|verifisert|bekreftet|bekrefta|confirmed)\\b'),
  cue('\\b(slipper|sleppar|lets?|allows?|passes)\\b.{0,30}\\b(ut|gjennom|out|through)\\b|går (ut|gjennom) som'),
];
const NEGATED = cue('\\b(ikke|ikkje|not|no|never|aldri|ingen|inga|ingenting|nothing|uten|utan|without)\\b');

/**
 * A clause saying something is fine or unchanged ("delegeringen er på plass", "unchanged",
 * "brannmuren slipper trafikken ut", "IT sier sertifikatet er i orden") rules out the cause it
 * names. A negated positive ("fungerer ikke") is not reassuring.
 */
function clauseIsReassuring(clause: string): boolean {
  return UNCHANGED.test(clause) || (anyCue(FINE, clause) && !NEGATED.test(clause));
}

// ---------------------------------------------------------------------------------------------
// Status classes and error codes
// ---------------------------------------------------------------------------------------------

export function statusClassOf(status: number | null | undefined): StatusClass | null {
  if (status == null || !Number.isFinite(status)) return null;
  if (status >= 200 && status < 300) return '2xx';
  if (status >= 300 && status < 400) return '3xx';
  if (status >= 400 && status < 500) return '4xx';
  if (status >= 500 && status < 600) return '5xx';
  return null;
}

const STATUS_PHRASES: ReadonlyArray<[RegExp, number]> = [
  [/\bbad request\b/i, 400],
  [/\bunauthori[sz]ed\b(?!_)/i, 401],
  [/\bforbidden\b/i, 403],
  [/\bnot found\b/i, 404],
  [/\bnot acceptable\b/i, 406],
  [/\btoo many requests\b/i, 429],
  [/\b(internal server error|bad gateway|service unavailable|gateway timeout|5xx)\b/i, 500],
  [/\b(200 ok|http 200|status 200|statuskode 200)\b/i, 200],
];

/** 3-digit 4xx/5xx numbers standing alone (not part of an amount such as "451 234"). */
const STATUS_NUMBER = /(?<!\d[\s.,:]?)\b([45]\d\d)\b(?![\s.,:]?\d)/g;

function statusesOf(httpStatus: number | null | undefined, text: string): number[] {
  const out: number[] = [];
  if (httpStatus != null && Number.isFinite(httpStatus)) out.push(httpStatus);
  for (const m of text.matchAll(STATUS_NUMBER)) out.push(Number(m[1]));
  for (const [pattern, status] of STATUS_PHRASES) if (pattern.test(text)) out.push(status);
  return out;
}

export function statusClassesOf(httpStatus: number | null | undefined, text: string): Set<StatusClass> {
  const out = new Set<StatusClass>();
  for (const s of statusesOf(httpStatus, text)) {
    const cls = statusClassOf(s);
    if (cls) out.add(cls);
  }
  return out;
}

export function statusKeyOf(status: number): StatusKey | null {
  const cls = statusClassOf(status);
  return cls === '4xx' ? String(status) : cls;
}

export function statusKeysOf(httpStatus: number | null | undefined, text: string): Set<StatusKey> {
  const out = new Set<StatusKey>();
  for (const s of statusesOf(httpStatus, text)) {
    const key = statusKeyOf(s);
    if (key) out.add(key);
  }
  return out;
}

const OAUTH_CODES =
  /\b(invalid_scope|invalid_grant|invalid_client|unauthorized_client|server_error|temporarily_unavailable|access_denied|invalid_request)\b/gi;
const PROVIDER_CODES = /\b([a-z]{2,5}-\d{3})\b/gi;

/** Canonical form: provider codes upper-case ("SSG-007"), OAuth codes lower-case. */
export function canonicalErrorCode(code: string): string {
  const c = code.trim();
  return /^[a-z]{2,5}-\d{3}$/i.test(c) ? c.toUpperCase() : c.toLowerCase();
}

export function errorCodesOf(errorCode: string | null | undefined, text: string): Set<string> {
  const out = new Set<string>();
  if (errorCode && errorCode.trim()) out.add(canonicalErrorCode(errorCode));
  for (const m of text.matchAll(OAUTH_CODES)) out.add(canonicalErrorCode(m[1]));
  for (const m of text.matchAll(PROVIDER_CODES)) out.add(canonicalErrorCode(m[1]));
  return out;
}

/** OAuth errors a token endpoint returns when the *client's* request or setup is wrong (RFC 6749 §5.2). */
const CLIENT_SIDE_OAUTH = new Set([
  'invalid_scope',
  'invalid_grant',
  'invalid_client',
  'unauthorized_client',
  'access_denied',
  'invalid_request',
]);

export function isClientSideOAuthError(code: string): boolean {
  return CLIENT_SIDE_OAUTH.has(code);
}
/** OAuth errors meaning the token endpoint itself is failing. */
const SERVER_SIDE_OAUTH = new Set(['server_error', 'temporarily_unavailable']);

// ---------------------------------------------------------------------------------------------
// Platform-wide cause (Maskinporten / API gateway)
// ---------------------------------------------------------------------------------------------

/** The token service every API depends on (Maskinporten). */
const TOKEN_PLATFORM = cue(
  'maskinporten|token[- ]?(endepunkt|endpoint|kall|henting|utveksling|forespørsel)|tokenkall|tokenhenting|tokenutveksling|access token|\\btoken\\b|\\btokens\\b|\\btokenet\\b|autentiser|authenticat',
);
/** Shared infrastructure in front of every API (gateway, load balancer). */
const SHARED_INFRASTRUCTURE = cue(
  'gateway|lastbalanser\\S*|load ?balancer|upstream|api\\.skatteetaten|felles (infrastruktur|plattform)|shared (infrastructure|platform)',
);
const PLATFORM_NOUN = new RegExp(`${TOKEN_PLATFORM.source}|${SHARED_INFRASTRUCTURE.source}`, 'i');
const PLATFORM_FAILURE = cue(
  '\\b5\\d\\d\\b|5xx|server_error|temporarily_unavailable|\\bnede\\b|\\bdown\\b|svarer ikke|svarar ikkje|svarer ikkje|not responding|unavailable|utilgjengelig|feiler|feilar|failing|fails|ikke får|får ikke|ikkje fått|ikke fått|cannot obtain|kunne ikke|stopper|stoppar|nothing works|ingen token|no token',
);
/** Symptoms that name the whole platform rather than one API: every service, or several by name. */
const PLATFORM_WIDE = [
  cue(
    '\\b(alle|all|every|samtlige) (våre |our |dei |de )?(skatteetaten-?)?(tjenest\\S*|tenest\\S*|api\\S*|integrasjon\\S*|endepunkt\\S*|endpoints?|services?)\\b|ingen av (integrasjonene|tjenestene|tenestene|api-?ene)|none of (our|the) (integrations|services|apis)|across (all )?(apis|services)|on everything|på alt\\b|alt som går (direkte )?mot skatteetaten',
  ),
  cue('flere tjenester|fleire tenester|several services|multiple (apis|services)|begge tjenestene|both services'),
];

/** The services of the catalogue by the names reporters use; naming two that fail points at the platform. */
const SERVICE_NAMES: ReadonlyArray<[string, RegExp]> = [
  ['summert-skattegrunnlag', cue('skattegrunnlag|\\bssg\\b|tax base')],
  ['inntekt', cue('\\binntekt|a-?ordning|\\bincome\\b')],
  ['skatteoppgjor', cue('skatteoppgjør|skatteoppgjer|tax settlement')],
  ['folkeregister', cue('folkeregister|population register')],
  ['eiendom', cue('eiendom|eigedom|formuesgrunnlag|\\bproperty\\b')],
];

function namesSeveralServices(text: string): boolean {
  return SERVICE_NAMES.filter(([, p]) => p.test(text)).length >= 2;
}

/**
 * Platform-wide when the token endpoint reports a server-side OAuth error, when the report
 * says every service (or several by name) fails, or when it names the shared platform (token
 * service, gateway) in a clause that is not reassuring while the report describes a failure.
 * Client-side OAuth errors (invalid_scope…) are the consumer's request, never the platform.
 */
function detectPlatform(clauses: readonly string[], codes: ReadonlySet<string>, serverError: boolean): boolean {
  if ([...codes].some((c) => SERVER_SIDE_OAUTH.has(c))) return true;
  if ([...codes].some((c) => CLIENT_SIDE_OAUTH.has(c))) return false;
  const failing = clauses.filter((c) => !clauseIsReassuring(c));
  if (failing.some((c) => anyCue(PLATFORM_WIDE, c))) return true;
  const fails = serverError || failing.some((c) => PLATFORM_FAILURE.test(c));
  if (fails && namesSeveralServices(failing.join('. '))) return true;
  return fails && failing.some((c) => PLATFORM_NOUN.test(c));
}

/** The platform cause is the token service (Maskinporten) rather than shared infrastructure. */
function blamesTokenService(clauses: readonly string[], codes: ReadonlySet<string>): boolean {
  if ([...codes].some((c) => SERVER_SIDE_OAUTH.has(c))) return true;
  return clauses.some((c) => TOKEN_PLATFORM.test(c) && PLATFORM_FAILURE.test(c) && !clauseIsReassuring(c));
}

/** "Token fra Maskinporten hentes helt fint" / "Maskinporten token is fine": a positive state
 * of the platform, without a negation in the same clause. */
const PLATFORM_WORKS = cue('\\b(fint|fine|works|working|fungerer|virker|ok|i orden|gyldig|valid)\\b');
const NEGATION = cue('\\b(ikke|ikkje|not|no|aldri|never|ingen)\\b');

function saysPlatformWorks(clause: string): boolean {
  return TOKEN_PLATFORM.test(clause) && PLATFORM_WORKS.test(clause) && !NEGATION.test(clause);
}

// ---------------------------------------------------------------------------------------------
// Provider cue: the reporter says it is not on their side or hits everyone
// ---------------------------------------------------------------------------------------------

const PROVIDER_CUES = [
  cue('\\balle (kall|oppslag|forespørsler|søk|brukere|brukarar|personer|våre)\\b|\\bpå alt\\b|\\bpå alle (kall|oppslag)\\b'),
  cue('\\b(all|every) (requests?|calls?|lookups?|our (municipal )?customers)\\b|\\bon every\\b|\\bnothing works\\b'),
  cue(
    'ingen endring(er)? hos oss|ikke endret noe|ikkje endra noko|ikke rørt noe|ingenting er endret|uendra|uendret|unchanged|nothing (was |has )?changed',
  ),
  cue(
    'på deres side|hos dere|on your side|your side|deres sertifikat|serversertifikat|server certificate|har dere (gjort|endret)|did you change|etter (en )?oppdatering|after (the|a|your) (release|update)',
  ),
  cue('fungerte i går|virket i går|fungerte før|virket før|worked yesterday|used to work|worked before'),
  cue('andre kommuner|other municipalities|flere kommuner|gjelder alle|affects all'),
  cue('driftsproblem|driftsforstyrr|driftsavbrudd|kjent feil|known (issue|error)|planlagt vedlikehold|statusside'),
  cue('dokumentasjon|documentation|\\bdocs\\b|utviklerportal|openapi|spesifikasjon'),
  cue(
    '(ser ut som|virker som|looks like|seems to be|must be) (en |ein |a )?(bug|feil hos dere|feil på deres side)|(dere|you) (har )?(ødelagt|broke)',
  ),
];

/** The consumer's own setup; a reassuring clause about it ("delegation is in place", "we
 * checked firewall and certificate, all normal") rules the local causes out. */
const OWN_SETUP = cue(
  'deleger|delegation|altinn|sertifikat|certificate|brannmur|firewall|\\btoken|\\bscope|klient|client|oppsett|konfigurasjon|deployment|integrasjon',
);

function hasProviderCue(clauses: readonly string[]): boolean {
  return clauses.some((c) => anyCue(PROVIDER_CUES, c) || (clauseIsReassuring(c) && OWN_SETUP.test(c)));
}

// ---------------------------------------------------------------------------------------------
// Local cause: explicit statements about the consumer's own setup
// ---------------------------------------------------------------------------------------------

const LOCAL_CUES: ReadonlyArray<[RegExp, string]> = [
  [cue('deleger|delegation|delegated|altinn|samarbeidsportal'), 'tilgang/delegering hos konsumenten'],
  [
    cue(
      '(sertifikat|certificate)\\S* (vårt |our )?(har )?(gått ut|gikk ut|er utløpt|utløpt|expired|har utløpt)|(virksomhets|virksomheits|enterprise )\\S*sertifikat|enterprise certificate|nytt sertifikat',
    ),
    'eget sertifikat utløpt',
  ],
  [cue('\\bklokke|\\bclock\\b|\\biat\\b|feil tid|minutter feil|minutes off'), 'klokkeavvik'],
  [
    cue(
      '(org\\.? ?nr|organisasjonsnummer|org(anisation)? number|underenhet|sub-?unit|juridisk enhet|sammenslåing).{0,60}(token|oppsett|konfigurasjon|registrert|registrerte|integrasjon|klient|maskinporten|deleger|avtale|altinn|setup|config|registered|client)|(token|oppsett|konfigurasjon|registrert|registrerte|integrasjon|klient|maskinporten|deleger|avtale|altinn|setup|config|registered|client).{0,60}(org\\.? ?nr|organisasjonsnummer|org(anisation)? number|underenhet|sub-?unit|juridisk enhet)',
    ),
    'feil organisasjonsnummer',
  ],
  [
    cue(
      'brannmur|firewall|\\bproxy|ip-?adress|ip-?er\\b|ip ranges|ip-range|ssl-inspeksjon|adresser som må|connection reset|fra egen (pc|maskin)|from (my|our) own (pc|machine|laptop)|bare fra (den ene )?server|only from (one|the) (production )?server',
    ),
    'egen brannmur/nettverk',
  ],
  [cue('test-?klient|test-?client|test[-. ]?maskinporten|peker (mot|på) test|points to test'), 'testklient mot produksjon'],
  [
    cue('ny (jobb|batch)|new (job|batch)|uten backoff|without backoff|retries immediately|parallelle tråder|parallel threads'),
    'egen trafikk',
  ],
  [
    cue(
      '\\b(vi|me|we) (sender|sendar|send|sent)\\b|\\b(url|scope|versjon|version|kommunenummer)\\S* (vi|me|we) (bruker|brukar|use)|\\b(vi|me|we) (bruker|brukar|use|still call|har brukt|har kopiert|kopierte|copied|har skrive|har skrevet)\\b.{0,40}(scope|url|versjon|version|kommunenummer|gammel|gamalt|old|retired|test)|kopiert|copied|copy-?paste|stor forbokstav|with a space|med mellomrom|kommunenummer fra før|gamalt kommunenummer|gammelt kommunenummer|old version|retired',
    ),
    'feil parametere/oppsett',
  ],
  [
    cue(
      'leverandør\\S* (vår |our )?(mangler|har ikkje fått|har ikke fått|får ikke|får ikkje|sier at)|vendor (lacks|cannot|has no)|system vendor for|byttet leverandør|leverandørbytte|new customer|nye? brukar|første gang vi|nettopp tatt i bruk|etter at avtalen|nytt fagsystem|\\b(which|hvilke[nt]?|kva|kven) (scope|rolle|role|ip|url|adresser)\\b',
    ),
    'ny konsument/leverandøroppsett',
  ],
  [
    cue(
      'fiks-?konfigurasjon|fiks forvaltning|fiks admin|not approved|ikke godkjent|ikkje godkjent|not activated|ikke aktivert|ikkje aktivert|not (been )?approved',
    ),
    'eget Fiks-oppsett',
  ],
  [
    cue(
      '\\butkast\\b|\\bdraft\\b|skattemelding\\S* (er )?(ikke|ikkje) levert|not (yet )?(filed|submitted)|når skattemeldingen er fastsatt',
    ),
    'forventet: utkast uten næringsinntekt',
  ],
  [
    cue(
      'forsink|\\bdelay|(ikkje|ikke|not) (klart|klar|ready|available) (enno|ennå|yet)|er det (ikkje|ikke) klart|kommer det (først )?(etter|når)|(ser|finn|finner|får) (ikke|ikkje) .{0,40}(ennå|enno)|not yet (available|there)',
    ),
    'forventet: data ikke klare ennå',
  ],
];

/** "ikke utkast" / "not draft" is the opposite of the draft-stage misunderstanding. */
const NEGATED_DRAFT = cue('(ikke|ikkje|not|så det er ikke) (et |an? )?(utkast|draft)');

/** A certificate on the provider's server (TLS) is not the consumer's own client certificate. */
const PROVIDER_CERTIFICATE = cue(
  'server|\\btls\\b|handshake|deres|their|skatteetaten\\S* (sertifikat|certificate)|sertifikatet til skatteetaten|host',
);

/**
 * A local cause named only as a suspicion or as what was first thought ("we first suspected our
 * firewall", "could it be the certificate we renewed?") is weaker evidence than a statement.
 */
const HEDGE = cue(
  '\\b(trodde|trudde|tenkte|mistenk\\S*|lurer på|lurte på|kanskje|muligens|kan det (være|vere)|skyldes det|kan dette|suspected|suspect|thought|wonder\\S*|could it be|maybe|perhaps|might be|is it)\\b',
);

interface LocalFinding {
  hint: string;
  hedged: boolean;
}

/**
 * Causes in the consumer's own setup are stated about "our" side, or asked about ("who can
 * delegate in Altinn?"); data misunderstandings need not be.
 */
const OWN_SIDE = cue(
  '\\b(vi|vår|vårt|våre|oss|me|hjå oss|we|our|ours|us|my|mine|min|mitt|egen|eget|egne|eigen|eige)\\b|^(hvem|hvordan|hva|hvilke[nt]?|kven|korleis|kva|kva for|who|how|what|which)\\b',
);
const SETUP_HINTS = new Set([
  'tilgang/delegering hos konsumenten',
  'eget sertifikat utløpt',
  'klokkeavvik',
  'feil organisasjonsnummer',
  'egen brannmur/nettverk',
  'testklient mot produksjon',
  'egen trafikk',
  'feil parametere/oppsett',
  'ny konsument/leverandøroppsett',
  'eget Fiks-oppsett',
]);

/**
 * A local cause in one clause of a sentence whose later clause says the provider side or the
 * own setup is fine ("we renewed the certificate, but the token comes fine from Maskinporten")
 * is mentioned to be ruled out: it counts only as a suspicion.
 */
function detectLocal(text: string, hasServerError: boolean): LocalFinding | null {
  let suspicion: LocalFinding | null = null;
  for (const sentence of sentencesOf(text)) {
    for (const [i, clause] of sentence.entries()) {
      if (clauseIsReassuring(clause)) continue;
      for (const [pattern, hint] of LOCAL_CUES) {
        if (!pattern.test(clause)) continue;
        if (hint === 'eget sertifikat utløpt' && PROVIDER_CERTIFICATE.test(clause)) continue;
        if (hint.startsWith('forventet: utkast') && NEGATED_DRAFT.test(clause)) continue;
        // "not ready yet" only signals expected behaviour when the API does not fail with 5xx.
        if (hint.startsWith('forventet: data') && hasServerError) continue;
        if (SETUP_HINTS.has(hint) && !OWN_SIDE.test(clause)) continue;
        const ruledOut = sentence.slice(i + 1).some((later) => clauseIsReassuring(later) || anyCue(PROVIDER_CUES, later));
        if (!HEDGE.test(clause) && !ruledOut) return { hint, hedged: false };
        suspicion ??= { hint, hedged: true };
      }
    }
  }
  return suspicion;
}

// ---------------------------------------------------------------------------------------------
// Security / privacy content
// ---------------------------------------------------------------------------------------------

const SECURITY_CUES = [
  cue(
    '\\blekk|\\bleak|\\bexposed|eksponert|kompromit|compromis|offentlig tilgjengelig|publicly (available|visible|accessible)|public (repository|repo)',
  ),
  cue(
    'misbruk|misuse|urettmessig|snoking|snooping|uautorisert (tilgang|innsyn|oppslag)|unauthori[sz]ed (access|lookups?)|innsyn uten|oppslag uten (tjenstlig|sak)|without (a )?(case|legitimate|business) (need|reason)|uten tjenstlig',
  ),
  cue(
    "feil mottaker|wrong recipient|sendt til feil|sent to the wrong|feil (kommune|tenant|leietaker|person)|wrong (municipality|tenant|person)|annan? (kommune|persons?|tenant)s? (data|opplysninger)|another (municipality|person|tenant)'?s? data",
  ),
  cue(
    'personvern|personopplysningssikkerhet|datatilsynet|\\bgdpr\\b|privacy breach|data breach|sikkerhetsbrudd|sikkerhetshendelse|security (incident|breach)',
  ),
  cue(
    'i klartekst|in (clear|plain) ?text|private? ?key|privatnøkkel|klientnøkkel|client secret|secret key|api-?nøkkel.{0,40}(delt|publisert|kanal|lagt ut)|(api )?key.{0,40}(shared|posted|published|channel)',
  ),
  cue(
    '\\bhack|\\bangrep|\\battack|ransomware|løsepengevirus|skadevare|malware|phishing|brute ?force|credential stuffing|(uvanlig|mistenkelig) (trafikk|aktivitet)|(unusual|suspicious) (traffic|activity)',
  ),
  cue('stjålet|stjolen|stolen|mistet (en |ein )?(pc|laptop|mobil|telefon)|lost (a |the |our )?(laptop|device|phone)'),
  cue(
    'logg\\S* .{0,40}(fødselsnummer|personopplysning|hele (svaret|responsen))|logged .{0,40}(national id|identity number|personal data|full (responses?|bod(y|ies)))|limte inn|pasted .{0,40}(teams|slack|chat|channel)|(delt|lagt ut) i (en |ein )?(teams|slack|chat)',
  ),
];

export function looksLikeSecurity(title: string, description: string): boolean {
  const clauses = clausesOf(`${title}. ${description}`);
  return clauses.some((c) => anyCue(SECURITY_CUES, c));
}

// ---------------------------------------------------------------------------------------------
// Scope: one case or many
// ---------------------------------------------------------------------------------------------

const CASE_NOUN =
  '(person|personen|søker|søkeren|søkjar|søkjaren|applicant|sak|saka|saken|case|innbygger|innbyggeren|innbyggar|skattyter|skattyteren|skattytar|taxpayer|bruker|brukeren|brukar|citizen|resident|barn|barnet|child|individual|employee|ansatt|arbeidstaker)';
const ONE_CASE = cue(`\\b(én|en|ein|eitt|ett|one|a single|single|denne|dette|this|that|same) ${CASE_NOUN}\\b|\\bone ${CASE_NOUN}'s\\b`);
const MANY_CASES = cue(
  '\\b(flere|fleire|mange|alle|samtlige|en del|ein del|noen|nokre|enkelte|several|many|all|multiple|some|a number of|most|hundreds|dozens|begge|both)\\b|\\b(personer|søkere|søkjarar|applicants|persons|people|innbyggere|innbyggarar|skattytere|taxpayers|brukere|brukarar|saker|cases|foreldre|parents)\\b',
);

/** One person or case named, and no sign of many: the scope of a data question. */
export function isSingleCase(title: string, description: string): boolean {
  const text = foldForMatching(`${title}. ${description}`);
  return ONE_CASE.test(text) && !MANY_CASES.test(text);
}

// ---------------------------------------------------------------------------------------------
// Follow-ups and recurrences
// ---------------------------------------------------------------------------------------------

/** "SV:", "Re:", "Fwd:" — also without the colon, as some mail clients and forms strip it. */
const REPLY_PREFIX = /^\s*((sv|re|fw|fwd|vs|aw)\s*:\s*|(sv|re|fwd|aw)\s+)+/i;
const FOLLOW_UP_TITLE = cue(
  '^(oppfølging|oppfylging|follow-?up|purring|påminnelse|oppdatering|update|fortsatt|framleis|fremdeles|still)\\b|tidligere melding|tidlegare melding|earlier report|previous report',
);
const FOLLOW_UP_TEXT = cue(
  '^(hei[,!]? |hallo[,.]? )?(fortsatt|framleis|fremdeles|still (down|failing|not|broken)|oppdatering:|legger til|samme i dag|same today|det virker igjen|det fungerer (nå|igjen)|nå fungerer det|works again|fant ut av det|takk for|kan lukkes)|kan lukkes|takk for hjelpen|fortsatt samme feil|any update',
);

export function isFollowUp(title: string, description: string): boolean {
  if (REPLY_PREFIX.test(title)) return true;
  const t = foldForMatching(title.trim());
  const d = foldForMatching(description.trim());
  return FOLLOW_UP_TITLE.test(t) || FOLLOW_UP_TEXT.test(d);
}

/** Features of a title without its reply prefixes (memoised: titles repeat across comparisons). */
const titleCache = new Map<string, readonly string[]>();
export function titleFeatures(title: string): readonly string[] {
  let hit = titleCache.get(title);
  if (!hit) {
    if (titleCache.size >= SIGNAL_CACHE_SIZE) titleCache.delete(titleCache.keys().next().value!);
    titleCache.set(title, (hit = textFeatures(stripReplyPrefix(title))));
  }
  return hit;
}

/** Title without "SV:"/"Re:"/"Oppfølging:" prefixes. */
export function stripReplyPrefix(title: string): string {
  return title
    .replace(REPLY_PREFIX, '')
    .replace(/^\s*(oppfølging|oppfolging|oppflging|follow-?up|purring)\s*:\s*/i, '')
    .trim();
}

const RECURRENCE = cue(
  '\\bigjen\\b|\\bagain\\b|\\bare back\\b|\\bis back\\b|\\batt\\b|på nytt|(samme|same) feil som (tidligere|tidlegare|sist|forrige)|som for .* siden|forrige hendelse|den forrige|ny sak|trodde dette var løst|gjentatt|recurr|same as last',
);

/** "up again" / "works again" announce a resolution, not a recurrence. */
const RESOLVED_AGAIN = new RegExp(
  foldForMatching('(oppe|virker|fungerer|works|working|up) igjen|(works|working|up) again|(virker|fungerer) .{0,10}igjen'),
  'gi',
);

// ---------------------------------------------------------------------------------------------
// Symptom kinds
// ---------------------------------------------------------------------------------------------

const KIND_CUES: ReadonlyArray<[SymptomKind, RegExp]> = [
  [
    'outage',
    cue(
      'driftsavbr\\S*|driftsstans|driftsforstyrr\\S*|driftsproblem\\S*|\\boutage|\\bnede\\b|\\bdown\\b|utilgjengeleg|utilgjengelig|unavailable|svarer ikke|svarar ikkje|svarer ikkje|not responding|no response|ingen (svar|respons|kontakt)|gjev ikkje svar|time ?outs?|timed out|times out|tidsavbr\\S*|\\bhenger\\b|\\bheng\\b|stopper|stoppet|stoppar|stansa|stanset|connection (refused|reset)|bad gateway|gateway timeout|service unavailable|server ?error|serverfeil|5xx|feiler|feilar|failing|\\bfails\\b|går ikke gjennom|går ikkje gjennom|ingenting virker|nothing works',
    ),
  ],
  [
    'access',
    cue(
      'tilgang|forbidden|access denied|\\bunauthori|rettighet|rettar|rettigheit|deleger|delegation|\\bscope|avvist|avvises|rejected|autentiser|authenticat|pålogging|innlogging',
    ),
  ],
  ['rate', cue('rate ?limit|too many requests|for mange (kall|forespørsler|førespurnader|requests)|kvote|quota|throttl|struping|begrens')],
  [
    'slow',
    cue('\\btreg|\\btreig|\\bslow|sakte|svartid|responstid|response times?|latency|sekunder|seconds|venter lenge|ytelse|performance'),
  ],
  [
    'data',
    cue(
      'mangler|manglar|missing|lacks|\\babsent|borte|forsvunne|\\bgone\\b|\\btom\\b|\\btomt\\b|\\btomme\\b|\\bempty\\b|\\bblank|\\bnull\\b|feil verdi|wrong|incorrect|uriktig|feilaktig|stemmer ikke|stemmer ikkje|mismatch|does not match|dupli|dobbel|twice|to ganger|to gonger|utdatert|\\bgammel|\\bgamal|\\bstale\\b|outdated|i stedet for|i staden for|instead of|returnerer|\\breturns?\\b|ikke med|ikkje med|not included|ingen treff|no (hits|results)|ikke lenger|ikkje lenger|no longer|nytt felt|new field|ukjent felt|unknown field',
    ),
  ],
  ['certificate', cue('sertifikat|certificate|\\btls\\b|handshake')],
];

function kindsOf(
  clauses: readonly string[],
  statuses: ReadonlySet<StatusClass>,
  codes: ReadonlySet<string>,
  httpStatus: number | null | undefined,
): Set<SymptomKind> {
  // Reassuring clauses ("we checked firewall and certificate, all normal") name what is *not*
  // wrong, and suspicions ("we wondered whether our job had stopped") what perhaps is.
  const text = clauses.filter((c) => !clauseIsReassuring(c) && !HEDGE.test(c)).join('. ');
  const kinds = new Set<SymptomKind>();
  for (const [kind, pattern] of KIND_CUES) if (pattern.test(text)) kinds.add(kind);
  if (statuses.has('5xx') || [...codes].some((c) => SERVER_SIDE_OAUTH.has(c))) kinds.add('outage');
  if (httpStatus === 401 || httpStatus === 403 || [...codes].some((c) => CLIENT_SIDE_OAUTH.has(c))) kinds.add('access');
  if (httpStatus === 429) kinds.add('rate');
  return kinds;
}

// ---------------------------------------------------------------------------------------------
// Assembling the signals (cached: matching compares one report with many samples)
// ---------------------------------------------------------------------------------------------

/** Client-error shapes that usually mean the consumer's own mistake. */
function looksLikeClientError(statuses: ReadonlySet<StatusClass>, codes: ReadonlySet<string>): boolean {
  return statuses.has('4xx') || [...codes].some((c) => CLIENT_SIDE_OAUTH.has(c));
}

export function computeSignals(r: SignalInput): ReportSignals {
  const text = `${r.title}. ${r.description}`;
  const clauses = clausesOf(text);
  const statusClasses = statusClassesOf(r.httpStatus, text);
  const errorCodes = errorCodesOf(r.errorCode, text);
  const hasServerError = statusClasses.has('5xx') || [...errorCodes].some((c) => SERVER_SIDE_OAUTH.has(c));
  const found = detectLocal(text, hasServerError);
  const providerCue = hasProviderCue(clauses);
  // An explicit statement about the consumer's own setup outweighs generic provider wording:
  // "404 on all calls — the URL we use has v1" is still the consumer's mistake.
  const platform = (found === null || found.hedged) && detectPlatform(clauses, errorCodes, hasServerError);
  let local: LocalCause = 'none';
  if (found !== null) local = 'explicit';
  else if (!providerCue && !platform && !hasServerError && looksLikeClientError(statusClasses, errorCodes)) local = 'symptom';
  const kinds = kindsOf(clauses, statusClasses, errorCodes, r.httpStatus);
  const singleCase = !hasServerError && !providerCue && !platform && isSingleCase(r.title, r.description);
  return {
    id: r.id,
    consumerId: r.consumerId,
    service: r.service,
    environment: r.environment,
    receivedAtMs: r.receivedAt.getTime(),
    // What a reporter rules out ("the token from Maskinporten is fine") does not describe the problem.
    features: textFeatures(
      `${r.title}. ${sentencesOf(r.description)
        .map((clauses) => clauses.filter((c) => !clauseIsReassuring(c)).join(', '))
        .join('. ')}`,
    ),
    titleFeatures: titleFeatures(r.title),
    statusClasses,
    statusKeys: statusKeysOf(r.httpStatus, text),
    errorCodes,
    kinds,
    platform,
    platformToken: platform && blamesTokenService(clauses, errorCodes),
    platformOk: clauses.some(saysPlatformWorks),
    providerCue,
    local,
    localHint: found?.hint ?? null,
    localHedged: found?.hedged ?? false,
    security: r.category === 'security' || r.category === 'privacy' || looksLikeSecurity(r.title, r.description),
    followUp: isFollowUp(r.title, r.description),
    singleCase,
    recurrence: RECURRENCE.test(foldForMatching(text).replace(RESOLVED_AGAIN, ' ')),
  };
}

/**
 * Signals are cached by report id *and* content, so a changed report is never served stale
 * signals (determinism), while the matcher does not recompute trigrams for every comparison.
 */
const cache = new Map<string, ReportSignals>();

function cacheKey(r: SignalInput): string {
  return [
    r.id,
    r.consumerId,
    r.service,
    r.environment,
    r.category,
    r.httpStatus ?? '',
    r.errorCode ?? '',
    r.receivedAt.getTime(),
    r.title,
    r.description,
  ].join('\u0001');
}

/** Fast path for the very same object (a repository usually hands the same samples around);
 * the fields are compared so a mutated object is never served stale signals. */
const byObject = new WeakMap<SignalInput, { seen: SignalInput; signals: ReportSignals }>();

function sameFields(a: SignalInput, b: SignalInput): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.description === b.description &&
    a.consumerId === b.consumerId &&
    a.service === b.service &&
    a.environment === b.environment &&
    a.category === b.category &&
    (a.httpStatus ?? null) === (b.httpStatus ?? null) &&
    (a.errorCode ?? null) === (b.errorCode ?? null) &&
    a.receivedAt.getTime() === b.receivedAt.getTime()
  );
}

export function signalsOf(r: SignalInput): ReportSignals {
  const same = byObject.get(r);
  if (same && sameFields(same.seen, r)) return same.signals;
  const signals = cachedSignals(r, cacheKey(r));
  byObject.set(r, { seen: { ...r }, signals });
  return signals;
}

function cachedSignals(r: SignalInput, key: string): ReportSignals {
  const hit = cache.get(key);
  if (hit) return hit;
  const computed = computeSignals(r);
  if (cache.size >= SIGNAL_CACHE_SIZE) {
    // Drop the oldest entry (Map keeps insertion order): a simple bounded FIFO is enough here.
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, computed);
  return computed;
}

import {
  CANDIDATE_LOOKBACK_MS,
  displayScore,
  type IncidentState,
  type MatchDecision,
  matchReport as match,
  type ReportFacts,
  timeFit,
  trackOf,
} from './match-report';
import { OUTAGE_TIME_HORIZON_MS, TIME_HORIZON_MS } from './matching.constants';
import { corpusOf, incidentOf, reportFactory } from './matching-fixtures';

const { rep } = reportFactory('2026-03-02T08:00:00Z', 'r');
const incident = incidentOf;
const HOURS = 60;
const DAYS = 24 * HOURS;

// --- Scenarios ---------------------------------------------------------------------------------

const ssgOutage = incident('ssg-outage', [
  rep(0, 'A', 'Summert skattegrunnlag svarer ikke', 'Alle kall feiler med 503 Service Unavailable fra ca. 08:00.', {
    httpStatus: 503,
    errorCode: 'SSG-007',
  }),
  rep(4, 'B', 'SSG production unavailable', 'We are seeing HTTP 503 on every call since 08:05. Token retrieval from Maskinporten works.', {
    httpStatus: 503,
  }),
  rep(9, 'C', 'Timeout mot Skatteetaten', 'Vi får bare timeout etter 30 sekunder mot skattegrunnlag.', { httpStatus: 504 }),
  rep(15, 'D', 'Summert skattegrunnlag er nede', 'Me får ikkje henta summert skattegrunnlag. Alle kall endar med 503.', {
    httpStatus: 503,
  }),
]);

const maskinporten = incident('maskinporten', [
  rep(0, 'A', 'Maskinporten nede?', 'Tokenkallet mot Maskinporten gir 503. Dermed feiler alle kall mot skatteoppgjør.', {
    service: 'skatteoppgjor',
    httpStatus: 503,
  }),
  rep(3, 'B', 'Feil ved tokenhenting', 'Loggen viser at vi ikke får access token, Maskinporten svarer med temporarily_unavailable.', {
    service: 'folkeregister',
    errorCode: 'temporarily_unavailable',
  }),
]);

const localDelegation = incident('local-delegation', [
  rep(0, 'A', '403 ved oppslag i SSG', 'Ingen tilgang til summert skattegrunnlag. Hvem i kommunen kan delegere i Altinn?', {
    httpStatus: 403,
    errorCode: 'SSG-008',
  }),
]);

const symptomOnly = incident('symptom-only', [
  rep(0, 'A', '403 Forbidden', 'Vi får 403 Forbidden på oppslag.', { httpStatus: 403, errorCode: 'SSG-008' }),
]);

const wave403 = incident('wave-403', [
  rep(0, 'A', 'SSG-008 på alle kall', 'Fra i morges får vi 403 med feilkode SSG-008 på alle oppslag. Vi har ikke endret noe.', {
    httpStatus: 403,
    errorCode: 'SSG-008',
  }),
  rep(
    5,
    'B',
    'Access denied since this morning',
    'Every request to SSG production is rejected with 403 / SSG-008. Our Altinn delegation is unchanged.',
    { httpStatus: 403, errorCode: 'SSG-008' },
  ),
]);

const dataDeviation = incident('data-deviation', [
  rep(
    0,
    'A',
    'Næringsinntekt mangler for fastsatt skattegrunnlag',
    'Næringsinntekt mangler for fastsatt grunnlag for 2024, selv om skatteoppgjøret er ferdig.',
    { category: 'deviation' },
  ),
  rep(
    1 * DAYS,
    'B',
    'Mangler næringsinntekt 2024',
    'Næringsinntekt vises som 0 for enkeltpersonforetak. Skattegrunnlaget er fastsatt, så det er ikke utkast.',
    { category: 'deviation', httpStatus: 200 },
  ),
]);

const securityCase = incident('security', [
  rep(0, 'A', 'Private key exposed', 'Our Maskinporten private key was pushed to a public GitHub repository.', {
    category: 'security',
    service: 'inntekt',
  }),
]);

const gatewayOutage = incident('gateway', [
  rep(
    0,
    'A',
    'Alle kall mot Skatteetaten feiler',
    'Fra 09:20 får vi 502 Bad Gateway på alle kall mot Skatteetaten, på alle API-ene vi bruker.',
    { service: 'inntekt', httpStatus: 502 },
  ),
  rep(2, 'B', 'Gateway errors across APIs', 'Every request to Skatteetaten (SSG, income, eiendom) fails with 502/503 from the gateway.', {
    service: 'eiendom',
    httpStatus: 503,
  }),
  rep(4, 'C', 'Hva skjer?', 'Ingenting virker mot Skatteetaten.', { service: 'inntekt', httpStatus: 503 }),
]);

const tokenFine = incident('token-fine', [
  rep(0, 'A', 'SSG svarer ikke', 'Alle kall gir 503. Token fra Maskinporten hentes helt fint.', { httpStatus: 503 }),
  rep(3, 'B', 'SSG nede', 'Vi får 503 fra SSG. Maskinporten token is fine.', { httpStatus: 503 }),
]);

/** Term statistics over every scenario, as a stored corpus would give them. */
const corpus = corpusOf(
  [ssgOutage, maskinporten, localDelegation, symptomOnly, wave403, dataDeviation, securityCase, gatewayOutage, tokenFine].flatMap(
    (i) => i.reports,
  ),
);
const matchReport = (report: ReportFacts, candidates: readonly IncidentState[]) => match(report, candidates, { corpus });

interface Case {
  name: string;
  report: ReportFacts;
  candidates: IncidentState[];
  action: 'attach' | 'open';
  incidentId?: string;
  confidence?: MatchDecision['confidence'];
  reason?: RegExp;
}

const cases: Case[] = [
  {
    name: 'terse report during an outage wave joins it',
    report: rep(20, 'E', 'API nede?', 'API nede?', { httpStatus: 503, errorCode: 'SSG-007' }),
    candidates: [ssgOutage],
    action: 'attach',
    incidentId: 'ssg-outage',
    confidence: 'certain',
    reason: /samme feilkode SSG-007/,
  },
  {
    name: 'English phrasing of the same outage joins it',
    report: rep(22, 'F', 'Summert skattegrunnlag API returning 503', 'HTTP 503 on every call to the production endpoint.', {
      httpStatus: 503,
    }),
    candidates: [ssgOutage],
    action: 'attach',
    incidentId: 'ssg-outage',
  },
  {
    name: 'the same symptom in the test environment is another problem',
    report: rep(20, 'E', 'Summert skattegrunnlag svarer ikke', 'Alle kall feiler med 503.', { httpStatus: 503, environment: 'test' }),
    candidates: [ssgOutage],
    action: 'open',
  },
  {
    name: 'an incident opened after the report arrived cannot take it (time rule)',
    report: rep(-5, 'E', 'API nede?', 'API nede?', { httpStatus: 503, errorCode: 'SSG-007' }),
    candidates: [ssgOutage],
    action: 'open',
  },
  {
    name: 'an incident silent for longer than the lookback is not a candidate',
    report: rep(15 + CANDIDATE_LOOKBACK_MS / 60_000 + 1, 'E', 'Summert skattegrunnlag svarer ikke', 'Alle kall feiler med 503.', {
      httpStatus: 503,
      errorCode: 'SSG-007',
    }),
    candidates: [ssgOutage],
    action: 'open',
  },
  {
    name: 'an outage recurring days later opens a new incident',
    report: rep(3 * DAYS, 'E', 'SSG nede igjen', 'Samme feil som tidligere: alle kall feiler med 503.', {
      httpStatus: 503,
      errorCode: 'SSG-007',
    }),
    candidates: [ssgOutage],
    action: 'open',
  },
  {
    name: 'a different error code on the same service is a different fault',
    report: rep(20, 'E', 'Tilgang avvist', 'Alle oppslag gir 403 med SSG-008 etter nattens oppdatering.', {
      httpStatus: 403,
      errorCode: 'SSG-008',
    }),
    candidates: [ssgOutage],
    action: 'open',
  },
  {
    name: 'wrong data on the same service during an outage is a different problem',
    report: rep(25, 'E', 'Feil beløp i svaret', 'Beløpene i responsen er 100 ganger for høye.', { httpStatus: 200, category: 'deviation' }),
    candidates: [ssgOutage],
    action: 'open',
  },
  {
    name: 'Maskinporten outage reported against another service joins the platform incident',
    report: rep(
      6,
      'C',
      'Får ikke token fra Maskinporten',
      'Vi får server_error når vi ber om token fra Maskinporten. Alle kall mot inntekt feiler.',
      { service: 'inntekt', errorCode: 'server_error' },
    ),
    candidates: [maskinporten],
    action: 'attach',
    incidentId: 'maskinporten',
    reason: /plattform/,
  },
  {
    name: 'an outage on another service does not join a single service’s outage',
    report: rep(6, 'E', 'Inntekt svarer ikke', 'Inntekts-APIet gir 500.', { service: 'inntekt', httpStatus: 500 }),
    candidates: [ssgOutage],
    action: 'open',
  },
  {
    name: 'a gateway outage seen on a third service joins the platform-wide incident',
    report: rep(6, 'D', 'Skatteoppgjør gir 502', 'Skatteoppgjør-APIet gir 502 på alt.', { service: 'skatteoppgjor', httpStatus: 502 }),
    candidates: [gatewayOutage],
    action: 'attach',
    incidentId: 'gateway',
    reason: /plattformfeil på tvers av tjenester/,
  },
  {
    name: 'a Maskinporten failure does not join an outage whose reporters say Maskinporten works',
    report: rep(5, 'E', 'Maskinporten nede?', 'Tokenkallet mot Maskinporten gir 503. Vi får ikke token.', { httpStatus: 503 }),
    candidates: [tokenFine],
    action: 'open',
  },
  {
    name: 'a report saying Maskinporten works does not join the Maskinporten incident',
    report: rep(6, 'C', 'Skatteoppgjør timeout', 'Alle kall mot skatteoppgjør går i timeout (504). Maskinporten token is fine.', {
      service: 'skatteoppgjor',
      httpStatus: 504,
    }),
    candidates: [maskinporten],
    action: 'open',
  },
  {
    name: "a follow-up joins the municipality's earlier incident",
    report: rep(2 * HOURS, 'C', 'SV: Timeout mot Skatteetaten', 'Framleis same problem.'),
    candidates: [ssgOutage],
    action: 'attach',
    incidentId: 'ssg-outage',
    confidence: 'certain',
    reason: /oppfølging av egen melding/,
  },
  {
    name: 'a late follow-up from a municipality not in the incident is not treated as one',
    report: rep(2 * DAYS, 'Z', 'SV: Timeout mot Skatteetaten', 'Framleis same problem.'),
    candidates: [ssgOutage],
    action: 'open',
  },
  {
    name: 'the same local mistake at another municipality is another problem',
    report: rep(60, 'B', 'Mangler rettighet', 'Vi er nye brukere og har kanskje ikke delegert tilgang i Altinn. 403 SSG-008.', {
      httpStatus: 403,
      errorCode: 'SSG-008',
    }),
    candidates: [localDelegation],
    action: 'open',
    reason: /lokal årsak/,
  },
  {
    name: 'a bare 403 does not join a single municipality’s 403 (may be two local mistakes)',
    report: rep(30, 'B', 'Forbidden', 'Vi får 403 Forbidden.', { httpStatus: 403, errorCode: 'SSG-008' }),
    candidates: [symptomOnly],
    action: 'open',
  },
  {
    name: 'a bare 403 joins a 403 wave that already points at the provider',
    report: rep(10, 'C', 'Forbidden', 'Tilgangen vår ser ut til å ha forsvunnet over natten. Vi får 403 Forbidden.', {
      httpStatus: 403,
      errorCode: 'SSG-008',
    }),
    candidates: [wave403],
    action: 'attach',
    incidentId: 'wave-403',
  },
  {
    name: 'a stated local cause never joins a provider-side wave',
    report: rep(
      10,
      'C',
      '403 for new customer',
      'Our new customer gets 403 SSG-008. The municipality has not delegated access to us in Altinn yet.',
      { httpStatus: 403, errorCode: 'SSG-008' },
    ),
    candidates: [wave403],
    action: 'open',
  },
  {
    name: 'a data deviation reported days later in another language joins it',
    report: rep(
      3 * DAYS,
      'C',
      'Business income missing in assessed SSG data',
      'For income year 2024 (assessed, not draft) the SSG response lacks næringsinntekt for sole proprietors.',
      { category: 'deviation' },
    ),
    candidates: [dataDeviation],
    action: 'attach',
    incidentId: 'data-deviation',
  },
  {
    name: 'the expected draft-stage absence is a local misunderstanding, not the data bug',
    report: rep(
      2 * DAYS,
      'C',
      'Næringsinntekt mangler',
      "Skattegrunnlaget for flere næringsdrivende har ikke næringsinntekt. Stadium står som 'utkast'.",
      { category: 'deviation' },
    ),
    candidates: [dataDeviation],
    action: 'open',
  },
  {
    name: 'a security report never joins an ordinary incident',
    report: rep(20, 'E', 'Token sendt på e-post', 'Et gyldig tilgangstoken ble sendt i klartekst på e-post. SSG 503.', { httpStatus: 503 }),
    candidates: [ssgOutage],
    action: 'open',
    reason: /sikkerhet/,
  },
  {
    name: 'an ordinary report never joins a security incident',
    report: rep(20, 'A', 'Inntekt nede', 'Inntekt-APIet svarer ikke.', { service: 'inntekt' }),
    candidates: [securityCase],
    action: 'open',
  },
  {
    name: "another municipality's security report is its own case",
    report: rep(30, 'B', 'Private key exposed', 'Our Maskinporten private key was pushed to a public GitHub repository.', {
      category: 'security',
      service: 'inntekt',
    }),
    candidates: [securityCase],
    action: 'open',
  },
  {
    name: 'defensive: an incident of another environment handed over by mistake is ignored',
    report: rep(20, 'E', 'API nede?', 'API nede?', { httpStatus: 503, errorCode: 'SSG-007' }),
    candidates: [{ ...ssgOutage, environment: 'test' }],
    action: 'open',
  },
];

describe('matchReport', () => {
  it.each(cases)('$name', ({ report, candidates, action, incidentId, confidence, reason }) => {
    const decision = matchReport(report, candidates);
    expect(decision.action).toBe(action);
    if (action === 'attach') expect(decision.incidentId).toBe(incidentId);
    else expect(decision.incidentId).toBeNull();
    if (confidence) expect(decision.confidence).toBe(confidence);
    if (action === 'open') expect(decision.confidence).toBe('new');
    if (reason) expect(decision.reasons.join('; ')).toMatch(reason);
    expect(decision.score).toBeGreaterThanOrEqual(0);
    expect(decision.score).toBeLessThanOrEqual(1);
  });

  it('explains an attachment in Norwegian with service, code, text and time', () => {
    const decision = matchReport(rep(20, 'E', 'API nede?', 'Feilkode SSG-007, alle kall feiler.', { httpStatus: 503 }), [ssgOutage]);
    const text = decision.reasons.join('; ');
    expect(text).toMatch(/samme tjeneste \(summert-skattegrunnlag\)/);
    expect(text).toMatch(/samme feilkode SSG-007/);
    expect(text).toMatch(/teksttreff \d,\d\d/);
    expect(text).toMatch(/5 min etter forrige melding/);
  });

  it('shows the runner-up when two incidents compete', () => {
    const older = incident('older', ssgOutage.reports.slice(0, 2));
    const decision = matchReport(rep(20, 'E', 'Summert skattegrunnlag er nede', 'Alle kall endar med 503.', { httpStatus: 503 }), [
      older,
      ssgOutage,
    ]);
    expect(decision.action).toBe('attach');
    expect(decision.runnerUp).not.toBeNull();
    expect(decision.runnerUp!.incidentId).not.toBe(decision.incidentId);
    expect(decision.runnerUp!.score).toBeLessThanOrEqual(decision.score);
  });

  it('opens with no candidates', () => {
    expect(matchReport(rep(0, 'A', 'API nede?', 'API nede?'), [])).toEqual({
      action: 'open',
      incidentId: null,
      score: 0,
      confidence: 'new',
      reasons: ['ingen åpen hendelse passer'],
      runnerUp: null,
    });
  });

  it('is deterministic and independent of candidate order', () => {
    const report = rep(20, 'E', 'Summert skattegrunnlag er nede', 'Alle kall endar med 503.', { httpStatus: 503 });
    const a = matchReport(report, [ssgOutage, dataDeviation, localDelegation]);
    const b = matchReport(report, [localDelegation, dataDeviation, ssgOutage]);
    expect(b).toEqual(a);
  });
});

describe('displayScore', () => {
  it.each([
    [0, '0,00'],
    [0.171, '0,17'],
    [0.176, '0,18'],
    [1, '1,00'],
    [12.5, '12,50'],
  ])('%d → %s', (score, shown) => expect(displayScore(score)).toBe(shown));
});

describe('trackOf', () => {
  it.each([
    ['privacy category', 'security', rep(0, 'A', 'Avvik', 'Se vedlegg.', { category: 'privacy' })],
    ['security category', 'security', rep(0, 'A', 'Hendelse', 'Se vedlegg.', { category: 'security' })],
    [
      'security content under an ordinary category',
      'security',
      rep(0, 'A', 'Phishing', 'Ansatte har fått phishing-e-post om API-tilgang.'),
    ],
    ['ordinary outage', 'ordinary', rep(0, 'A', 'API nede?', 'API nede?')],
  ])('%s → %s', (_name, expected, report) => {
    expect(trackOf(report)).toBe(expected);
  });
});

describe('timeFit', () => {
  it.each([
    ['same instant, outage', 0, true, 1],
    ['same instant, data', 0, false, 1],
    ['at the outage horizon', OUTAGE_TIME_HORIZON_MS, true, 0],
    ['beyond the outage horizon', 2 * OUTAGE_TIME_HORIZON_MS, true, 0],
    ['half the data horizon', TIME_HORIZON_MS / 2, false, 0.5],
    ['at the data horizon', TIME_HORIZON_MS, false, 0],
  ])('%s', (_name, gap, outage, expected) => {
    expect(timeFit(gap, outage)).toBeCloseTo(expected, 6);
  });

  it('falls fast for outages: an hour already costs a fifth', () => {
    expect(timeFit(3_600_000, true)).toBeLessThan(0.85);
    expect(timeFit(3_600_000, false)).toBeGreaterThan(0.99);
  });
});

describe('waves', () => {
  const wave = (consumers: number) =>
    incidentOf(
      `wave-${consumers}`,
      Array.from({ length: consumers }, (_, i) =>
        rep(i * 2, `W${i}`, 'Skatteoppgjør feiler', 'Vi får feil fra skatteoppgjør.', { service: 'skatteoppgjor', httpStatus: 500 }),
      ),
    );
  const terse = rep(20, 'Z', 'Hva skjer?', 'Får ikke hentet noe.', { service: 'skatteoppgjor' });

  it('a terse report without status joins a service while many municipalities report it', () => {
    const decision = matchReport(terse, [wave(5)]);
    expect(decision.action).toBe('attach');
    expect(decision.reasons.join('; ')).toMatch(/aktiv bølge: 5 konsumenter/);
  });

  it('…but not one reported by a single municipality', () => {
    expect(matchReport(terse, [wave(1)]).action).toBe('open');
  });

  it('a report carrying a conflicting failure mode stays out of the wave', () => {
    expect(
      matchReport(rep(20, 'Z', '429 fra skatteoppgjør', 'Vi får 429 Too Many Requests.', { service: 'skatteoppgjor', httpStatus: 429 }), [
        wave(5),
      ]).action,
    ).toBe('open');
  });

  it('a stated local cause is weighed against the wave, a suspected one hardly', () => {
    const stated = rep(20, 'Z', 'Brannmur', 'Trafikken mot Skatteetaten stoppes i vår egen brannmur etter at vi la om reglene i går.', {
      service: 'skatteoppgjor',
    });
    const suspected = rep(
      20,
      'Y',
      'Skatteoppgjør gir 500',
      'Vi trodde først det var brannmuren vår, men trafikken går ut som den skal. Vi får 500.',
      { service: 'skatteoppgjor', httpStatus: 500 },
    );
    expect(matchReport(stated, [wave(5)]).action).toBe('open');
    expect(matchReport(suspected, [wave(5)]).action).toBe('attach');
  });
});

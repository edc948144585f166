import {
  computeSignals,
  errorCodesOf,
  isFollowUp,
  looksLikeSecurity,
  type SignalInput,
  signalsOf,
  statusClassesOf,
  statusClassOf,
  stripReplyPrefix,
} from './report-signals';

let seq = 0;
function report(title: string, description: string, extra: Partial<SignalInput> = {}): SignalInput {
  return {
    id: `t${++seq}`,
    consumerId: '974760673',
    service: 'summert-skattegrunnlag',
    environment: 'production',
    category: 'incident',
    title,
    description,
    receivedAt: new Date('2026-03-02T08:00:00Z'),
    ...extra,
  };
}

describe('statusClassOf', () => {
  it.each([
    [200, '2xx'],
    [403, '4xx'],
    [429, '4xx'],
    [503, '5xx'],
    [null, null],
    [undefined, null],
    [999, null],
  ])('%s → %s', (status, expected) => {
    expect(statusClassOf(status)).toBe(expected);
  });
});

describe('statusClassesOf', () => {
  it.each([
    ['field only', 504, 'Ingen svar', ['5xx']],
    ['number in text', null, 'Alle kall endar med 503.', ['5xx']],
    ['phrase in text', null, 'Vi får 403 Forbidden', ['4xx']],
    ['reason phrase alone', null, 'Bad Gateway fra Maskinporten', ['5xx']],
    ['amounts are not statuses', null, 'Inntekt 451 234 i stedet for 45 123 400', []],
    ['OAuth code is not a 401 phrase', null, 'unauthorized_client fra Maskinporten', []],
  ])('%s', (_name, status, text, expected) => {
    expect([...statusClassesOf(status, text)].sort()).toEqual(expected);
  });
});

describe('errorCodesOf', () => {
  it.each([
    ['field', 'ssg-007', '', ['SSG-007']],
    ['text', null, 'Feilkode SSG-008 på alle kall', ['SSG-008']],
    ['OAuth code in text', null, "Maskinporten svarer med 'temporarily_unavailable'", ['temporarily_unavailable']],
    ['field and text agree', 'INNT-500', 'Feilkode INNT-500 i responsen', ['INNT-500']],
    ['none', null, 'API nede?', []],
  ])('%s', (_name, field, text, expected) => {
    expect([...errorCodesOf(field, text)].sort()).toEqual(expected);
  });
});

describe('platform-wide cause', () => {
  it.each([
    ['Maskinporten token endpoint 5xx', 'Maskinporten nede?', 'Tokenkallet mot Maskinporten gir 503.', true],
    ['server-side OAuth error', 'Feil ved tokenhenting', "Maskinporten svarer med 'server_error'.", true],
    ['every service fails', 'Alle Skatteetaten-tjenester feiler', 'Ingenting fungerer.', true],
    ['nynorsk', 'Maskinporten svarar ikkje', 'Sidan 12:42 har me ikkje fått token frå Maskinporten.', true],
    ['token works, API fails', 'SSG nede', 'Vi får 503. Token fra Maskinporten hentes helt fint, så det er på deres side.', false],
    ['English: token is fine', 'Timeouts', 'The API times out (HTTP 504). Maskinporten token is fine.', false],
    ['client-side OAuth error', 'scope avvist', 'Token-kallet feiler med invalid_scope.', false],
    ['own expired certificate', 'Tokenfeil', 'Maskinporten avviser oss. Virksomhetssertifikatet vårt har gått ut.', false],
  ])('%s → %s', (_name, title, description, expected) => {
    expect(computeSignals(report(title, description)).platform).toBe(expected);
  });
});

describe('platform works', () => {
  it.each([
    ['Token fra Maskinporten hentes helt fint, så det er på deres side.', true],
    ['Token retrieval from Maskinporten works.', true],
    ['Maskinporten token is fine.', true],
    ['IT har sjekket, og Maskinporten svarer ikke på tokenforespørsler.', false],
    ['Tokenkallet mot Maskinporten gir 503.', false],
  ])('%s → %s', (description, expected) => {
    expect(computeSignals(report('SSG', description)).platformOk).toBe(expected);
  });
});

describe('local cause', () => {
  it.each([
    ['missing delegation (nb)', '403 ved oppslag', 'Hvem i kommunen kan delegere i Altinn?', 'explicit'],
    ['missing delegation (nn)', 'Manglar tilgang', 'Me er nye brukarar og har kanskje ikkje delegert i Altinn?', 'explicit'],
    ['vendor lacks access (en)', 'Vendor cannot get token', 'We are the system vendor. Has the delegation to us been set up?', 'explicit'],
    ['own certificate expired', 'Sertifikat utløpt?', 'Virksomhetssertifikatet vårt gikk ut i går.', 'explicit'],
    ['clock skew', 'invalid_grant', 'The JWT iat is in the future. Our server clock may be off.', 'explicit'],
    ['sub-unit org number', 'Tilgang avvist', 'Vi har registrert integrasjonen under underenheten sitt org.nr.', 'explicit'],
    ['own firewall', 'Timeout', 'Me har ny brannmur og lurer på kva adresser som må opnast.', 'explicit'],
    ['self-inflicted 429', '429 fra API', 'Vi har en ny jobb som henter data for alle innbyggere hver natt.', 'explicit'],
    ['draft stage', 'Næringsinntekt mangler', "Stadium står som 'utkast'.", 'explicit'],
    ['bad parameter', '400 Bad Request', "Vi sender perioden som '2026-1'.", 'explicit'],
    ['delegation unchanged → not local', 'Ikkje tilgang lenger', 'Me får 403 på alle kall. Delegeringa i Altinn er uendra.', 'none'],
    ['delegation in place → not local', 'SSG-008', 'Vi har sjekket delegeringen i Altinn, og den er på plass. Likevel 403.', 'none'],
    [
      'assessed, not draft → not local',
      'Business income missing',
      'For 2024 (assessed, not draft) the response lacks næringsinntekt.',
      'none',
    ],
    ['server certificate is the provider', 'TLS-feil', 'TLS handshake fails because the server certificate expired yesterday.', 'none'],
    ['bare 403 without cue → symptom', 'Forbidden', 'Vi får 403 Forbidden.', 'symptom'],
    ['a cause about someone else is data, not setup', 'Feil orgnr', 'Arbeidsgiverens organisasjonsnummer er feil i svaret.', 'none'],
    ['firewall confirmed to let traffic out', 'Timeout', 'IT-drift har bekreftet at brannmuren vår slipper trafikken ut.', 'none'],
    ['test client works', '502', 'Testklienten vår mot testmiljøet fungerer, men i produksjon får vi 502.', 'none'],
    ['403 on all calls → provider cue', 'Forbidden', 'Alle kall avvises med 403 Forbidden, ingenting er endret hos oss.', 'none'],
    ['outage → not local', 'SSG nede', 'Alle kall feiler med 503.', 'none'],
  ])('%s → %s', (_name, title, description, expected) => {
    expect(
      computeSignals(report(title, description, { httpStatus: /403|Forbidden|Tilgang/.test(title + description) ? 403 : null })).local,
    ).toBe(expected);
  });
});

describe('suspected local cause', () => {
  it.each([
    ['first thought', 'Tidsavbrudd', 'Vi trodde først det var den nye brannmurregelen vår.', true],
    ['ruled out by a later clause', 'Feil', 'Vi byttet virksomhetssertifikat forrige uke, men tokenet kommer fint fra Maskinporten.', true],
    ['asked as a question', 'FGS-004', 'Vi fornyet virksomhetssertifikatet i desember, kan det være derfor?', true],
    ['English suspicion', 'Timeouts', 'We first suspected our new egress firewall.', true],
    ['stated plainly', 'Tokenfeil', 'Virksomhetssertifikatet vårt gikk ut i natt.', false],
  ])('%s → hedged %s', (_name, title, description, hedged) => {
    const s = computeSignals(report(title, description));
    expect(s.local).toBe('explicit');
    expect(s.localHedged).toBe(hedged);
  });
});

describe('status keys', () => {
  it.each([
    ['exact client errors', 403, 'Forbidden', ['403']],
    ['401 from the text', null, 'Vi får 401 Unauthorized', ['401']],
    ['server errors by class', 502, 'og noen 504', ['5xx']],
    ['success in words', null, 'Vi får 200 OK fra API-et', ['2xx']],
    ['none', null, 'Det virker ikke', []],
  ])('%s', (_name, status, text, expected) => {
    expect([...computeSignals(report('Status', text, { httpStatus: status })).statusKeys].sort()).toEqual(expected);
  });
});

describe('security content', () => {
  it.each([
    ['leaked private key', 'private key exposed on GitHub', 'The key was public for 40 minutes.', true],
    ['token in clear text', 'token sendt på e-post', 'Ein konsulent sende tokenet i klartekst.', true],
    ['wrong recipient', 'Brev sendt til feil mottaker', 'Inntektsopplysninger sendt til feil adresse.', true],
    ['misuse', 'Mulig urettmessig oppslag', 'En ansatt har gjort oppslag uten tilknyttet sak.', true],
    ['phishing', 'Phishing', 'E-post ber om å fornye API-tilgang via lenke.', true],
    ['stale address is not a breach', 'Gammel adresse i folkeregisteret', 'Vi får gammel adresse for personer som har flyttet.', false],
    ['fødselsnummer in an ordinary report', 'Tomme svar', 'Oppslag på fødselsnummer gir tomt svar.', false],
    ['401 Unauthorized is not unauthorised access', 'Uautorisert – men ingenting er endret', 'Vi får 401 på alle kall.', false],
    ['unauthorised access is', 'Uautorisert tilgang', 'En tidligere ansatt har fortsatt tilgang og har gjort oppslag.', true],
  ])('%s → %s', (_name, title, description, expected) => {
    expect(looksLikeSecurity(title, description)).toBe(expected);
  });

  it('a privacy category puts the report on the security track even without cues', () => {
    expect(computeSignals(report('Avvik', 'Se vedlegg', { category: 'privacy' })).security).toBe(true);
  });
});

describe('follow-ups and recurrences', () => {
  it.each([
    ['SV: Timeout mot skatteoppgjør', 'Framleis same problem.', true],
    ['sv timeout mot skatteoppgjør', 'Framleis same problem.', true],
    ['Re: 403 på alle oppslag', 'Det virker igjen nå.', true],
    ['Oppfølging: Feil i integrasjon', 'Fortsatt timeout hos oss.', true],
    ['Fortsatt nede', 'Ingen endring.', true],
    ['Follow-up: Maskinporten token endpoint', 'Still down for us.', true],
    ['Driftsavbrudd SSG?', 'Alle oppslag feiler.', false],
  ])('%s | %s → follow-up %s', (title, description, expected) => {
    expect(isFollowUp(title, description)).toBe(expected);
  });

  it('strips reply prefixes from titles', () => {
    expect(stripReplyPrefix('SV: Re: Oppfølging: Feil ved tokenhenting')).toBe('Feil ved tokenhenting');
  });

  it.each([
    ['Skatteoppgjør nede igjen?', 'Trodde dette var løst etter forrige hendelse.', true],
    ['Timeouts are back', 'The timeouts we reported are back.', true],
    ['SSG nede', 'Kan dere gi beskjed når det er oppe igjen?', false],
    ['Re: tilgang', 'Det virker igjen nå.', false],
  ])('%s → recurrence %s', (title, description, expected) => {
    expect(computeSignals(report(title, description)).recurrence).toBe(expected);
  });
});

describe('signalsOf cache', () => {
  it('never serves stale signals when a report with the same id changes', () => {
    const a = report('SSG nede', 'Alle kall feiler med 503.');
    const b = { ...a, description: 'Vi får 403 Forbidden.' };
    expect(signalsOf(a).statusClasses.has('5xx')).toBe(true);
    expect(signalsOf(b).statusClasses.has('5xx')).toBe(false);
    expect(signalsOf(a)).toBe(signalsOf({ ...a }));
  });
});

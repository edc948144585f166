import type { ArticleContent } from './rules/article-rules';

/** A seeded article: KS's own content, published from the first start. */
export type ArticleSeed = Omit<ArticleContent, 'ownerId' | 'reviewDue'> & { reviewDue?: string };

const SOURCES = {
  summertSkattegrunnlag: 'https://skatteetaten.github.io/datasamarbeid-api-dokumentasjon/reference_summertskattegrunnlag.html',
  apiDocs: 'https://skatteetaten.github.io/datasamarbeid-api-dokumentasjon/',
  ksConnect:
    'https://www.ks.no/fagomrader/digitalisering/felleslosninger/deling-av-opplysninger-fra-skatteetaten/hvordan-koble-seg-til-skatteetatens-delingslosninger/',
  ksSegment:
    'https://www.ks.no/fagomrader/digitalisering/felleslosninger/deling-av-opplysninger-fra-skatteetaten/barnehage-og-skolefritidsordning/',
  skatteetatenAccess: 'https://www.skatteetaten.no/deling/inntekt-skatt-og-avgift/intro/fa-tilgang/',
  maskinporten: 'https://docs.digdir.no/docs/Maskinporten/',
  altinnHelp: 'https://info.altinn.no/hjelp/',
};

/**
 * KS's FAQ for the segment. The first six are the questions KS answers most often; the rest
 * are the usual consumer-side causes of a failing call. Facts and sources are named in each
 * article; the review dates make staff check them again.
 */
export const KNOWLEDGE_BASE_SEED: ArticleSeed[] = [
  {
    slug: 'altinn-delegering',
    title: 'Tilgang mangler: delegering i Altinn',
    category: 'access',
    serviceCodes: [],
    keywords: ['delegering', 'delegert', 'altinn', 'på vegne av', 'rettighet', 'tilgangsstyring', 'enkeltrettighet'],
    errorCodes: ['SSG-008'],
    httpStatuses: [403],
    answer:
      'Kommunen må delegere tilgangen til API-et i Altinn til virksomheten som gjør oppslagene (kommunen selv eller leverandøren). Husk å delegere for produksjon, ikke bare test.',
    checklist: [
      'Tilgangen til API-et (for eksempel «Summert skattegrunnlag API») er delegert i Altinn',
      'Delegeringen er gitt til organisasjonsnummeret som faktisk gjør oppslagene',
      'Delegeringen gjelder produksjonsmiljøet',
      'Den som delegerer har rollen tilgangsstyrer i Altinn',
    ],
    body: `Får dere 403 eller feilkoden SSG-008 fra API-et, mangler som oftest delegeringen i Altinn. Skatteetaten gir tilgang til kommunen; bruker dere en leverandør (for eksempel KS Fiks eller fagsystemleverandøren), må kommunen selv gi leverandøren tilgang i Altinn. Det gjøres én gang for hvert API leverandøren skal bruke.

## Sjekkliste

1. Logg inn i Altinn og velg å representere kommunen (hovedenheten).
2. Gå til tilgangsstyring og gi tilgang til virksomheten som gjør oppslagene.
3. Søk opp tjenesten med navnet Skatteetaten oppgir for API-et, for eksempel «Summert skattegrunnlag API», og deleger den.
4. Kontroller at det er leverandørens organisasjonsnummer som har fått tilgangen, ikke en kontaktperson.
5. Gjenta for hvert API leverandøren skal bruke.
6. Vent noen minutter og prøv oppslaget på nytt. Får dere fortsatt 403, send en melding til KS med tidspunkt og korrelasjons-ID.

## Vanlige feil

- Tilgangen er delegert fra en underenhet (skole, NAV-kontor) i stedet for kommunens hovedenhet.
- Personen som delegerer mangler rollen tilgangsstyrer og får ikke fullført.
- Delegeringen er gitt til en person hos leverandøren i stedet for til leverandørens virksomhet.

## Kilder

- Skatteetaten, API-dokumentasjon for Summert skattegrunnlag (avsnittet «Delegering»): ${SOURCES.summertSkattegrunnlag}
- KS, Hvordan koble seg til Skatteetatens delingsløsninger (steg 3): ${SOURCES.ksConnect}
- Altinn, hjelp om roller og rettigheter: ${SOURCES.altinnHelp}`,
  },
  {
    slug: 'leverandor-maskinporten',
    title: 'Leverandøren får ikke token fra Maskinporten',
    category: 'maskinporten',
    serviceCodes: [],
    keywords: ['leverandør', 'leverandøren', 'vendor', 'maskinporten', 'unauthorized_client', 'virksomhetssertifikat', 'klient', 'token'],
    errorCodes: ['unauthorized_client', 'invalid_client'],
    httpStatuses: [400, 401],
    answer:
      'Leverandøren må ha en egen Maskinporten-klient med scopet for API-et, bruke sitt eget virksomhetssertifikat eller sin egen nøkkel, og kommunen må ha delegert tilgangen til leverandøren i Altinn.',
    checklist: [
      'Leverandøren har en Maskinporten-klient med scopet for API-et',
      'Klienten bruker leverandørens eget virksomhetssertifikat eller nøkkel',
      'Kommunen har delegert API-et til leverandørens organisasjonsnummer i Altinn',
      'Tokenet bestilles på vegne av kommunen og i riktig miljø (test eller produksjon)',
    ],
    body: `Når en leverandør henter data for kommunen, ber leverandøren Maskinporten om et token på vegne av kommunen. Det virker bare når alle leddene er på plass. Feilen \`unauthorized_client\` eller \`invalid_client\` fra Maskinporten betyr nesten alltid at klienten eller delegeringen mangler.

## Sjekkliste for leverandøren

1. Klienten er registrert i Maskinporten i samme miljø som oppslaget (test og produksjon er ulike klienter).
2. Klienten har fått scopet for API-et, for eksempel \`skatteetaten:summertskattegrunnlag\`.
3. JWT-grantet er signert med leverandørens eget virksomhetssertifikat eller nøkkelen som er registrert på klienten.
4. Grantet sier hvilken kommune tokenet gjelder (på vegne av kommunens organisasjonsnummer), slik Maskinportens dokumentasjon for delegering beskriver.
5. Serverens klokke går riktig (NTP); et grant med feil tid avvises.

## Sjekkliste for kommunen

1. API-et er delegert til leverandørens organisasjonsnummer i Altinn.
2. Kommunen har sendt påkoblingsforespørsel til KS for API-et.

## Kilder

- Digdir, dokumentasjon for Maskinporten: ${SOURCES.maskinporten}
- Skatteetaten, API-dokumentasjon (scope og sikkerhet per API): ${SOURCES.apiDocs}
- KS, Hvordan koble seg til Skatteetatens delingsløsninger: ${SOURCES.ksConnect}`,
  },
  {
    slug: 'naeringsinntekt-utkast',
    title: 'Næringsinntekt mangler på utkast-stadiet',
    category: 'data',
    serviceCodes: ['summert-skattegrunnlag'],
    keywords: ['næringsinntekt', 'naeringsinntekt', 'utkast', 'stadie', 'mangler inntekt', 'enkeltpersonforetak'],
    errorCodes: [],
    httpStatuses: [],
    answer:
      'Det er forventet at næringsinntekt mangler i stadiet «utkast». Den kommer med når skattemeldingen er «fastsatt» eller skatteoppgjøret er klart («oppgjoer»).',
    checklist: ['Oppslaget bruker riktig stadie', 'Skattyteren har levert skattemeldingen og fått den fastsatt'],
    body: `Summert skattegrunnlag kan hentes i tre stadier: \`utkast\`, \`fastsatt\` og \`oppgjoer\`. Utkastet er det Skatteetaten har før skattyteren har levert skattemeldingen. Næringsinntekt fra enkeltpersonforetak fyller skattyteren selv inn i skattemeldingen, så den finnes normalt ikke i utkastet.

## Hva dere gjør

1. Trenger dere næringsinntekt, hent stadiet \`fastsatt\` eller \`oppgjoer\`.
2. Finnes ikke noe fastsatt ennå, er det riktig at næringsinntekten mangler. Be om dokumentasjon fra søkeren, eller vent til skattemeldingen er fastsatt.
3. Følg hendelseslisten for skatteoppgjør, så får dere vite når nye opplysninger er klare.

Dette er ikke en feil hos Skatteetaten, og det trengs ingen melding til KS.

## Kilder

- Skatteetaten, API-dokumentasjon for Summert skattegrunnlag (stadie og hendelsesliste): ${SOURCES.summertSkattegrunnlag}`,
  },
  {
    slug: 'hva-koster-tjenesten',
    title: 'Hva koster det å bruke API-ene?',
    category: 'agreement',
    serviceCodes: [],
    keywords: ['kostnad', 'koster', 'pris', 'betale', 'faktura', 'gebyr', 'gratis'],
    errorCodes: [],
    httpStatuses: [],
    answer:
      'Skatteetaten tar ikke betalt for delingstjenestene. Kommunen dekker selv egne kostnader, for eksempel til leverandør, integrasjon, drift og virksomhetssertifikat.',
    checklist: ['Kommunen har signert tilslutningserklæringen (én gang)', 'Avtalen med leverandøren sier hva leverandøren tar betalt for'],
    body: `Skatteetaten tar ikke betalt for delingstjenestene (API-ene). Hver virksomhet dekker selv sine kostnader til utvikling, drift og forvaltning.

## Det kommunen betaler selv

- Fagsystemet eller integrasjonen som gjør oppslagene, og det leverandøren tar for den.
- Eget virksomhetssertifikat eller nøkkel, hvis kommunen kobler seg til selv.
- Eget arbeid med påkobling, tilgangsstyring i Altinn og oppfølging.

## Det kommunen ikke betaler for

- Tilgangen til dataene i Skatteetatens delingstjenester.
- Tilslutningen til segmentavtalen mellom KS og Skatteetaten: kommunen signerer tilslutningserklæringen én gang, og den gjelder både dagens og framtidige API-er.

Bruk av Digdirs fellesløsninger (som Maskinporten) følger Digdirs egne vilkår.

## Kilder

- Skatteetaten, Få tilgang til data: ${SOURCES.skatteetatenAccess}
- KS, Hvordan koble seg til Skatteetatens delingsløsninger: ${SOURCES.ksConnect}
- Digdir, dokumentasjon for Maskinporten: ${SOURCES.maskinporten}`,
  },
  {
    slug: 'innbyggere-i-andre-kommuner',
    title: 'Kan vi slå opp personer som bor i en annen kommune?',
    category: 'data',
    serviceCodes: [],
    keywords: ['annen kommune', 'andre kommuner', 'bor i', 'bosted', 'flyttet', 'innbygger', 'utenbys', 'folkeregistrert'],
    errorCodes: [],
    httpStatuses: [],
    answer:
      'Det er saken og formålet som avgjør, ikke hvor personen bor. Hører saken til kommunen og dekkes av formålet i avtalen, kan oppslaget gjøres selv om personen bor i en annen kommune.',
    checklist: [
      'Oppslaget gjelder en sak kommunen behandler',
      'Formålet og rettighetspakken i oppslaget passer saken',
      'Saksnummeret eller grunnlaget for oppslaget er dokumentert i fagsystemet',
    ],
    body: `Tilgangen til Skatteetatens data er knyttet til formålet og rettighetspakken kommunen bruker, ikke til hvor personen er folkeregistrert. Et eksempel er redusert foreldrebetaling: søker en familie om plass i kommunens barnehage, kan det være riktig å hente inntekten til en forelder som bor i en annen kommune.

## Før dere gjør oppslaget

1. Knytt oppslaget til en konkret sak kommunen behandler.
2. Bruk rettighetspakken som gjelder for saken (for foreldrebetaling: \`kommuneforeldrebetaling\`).
3. Dokumenter i fagsystemet hvorfor oppslaget ble gjort.

## Når dere ikke skal slå opp

- Når saken hører til en annen kommune. Da er det den kommunen som gjør oppslaget.
- Når formålet ikke dekker opplysningene, selv om API-et svarer.

API-et kontrollerer ikke hvor personen bor. Ansvaret for at hvert oppslag har grunnlag ligger hos kommunen. Er dere i tvil, spør KS før dere tar oppslaget i bruk.

## Kilder

- Skatteetaten, API-dokumentasjon for Summert skattegrunnlag (rettighetspakker): ${SOURCES.summertSkattegrunnlag}
- KS, Hvordan koble seg til Skatteetatens delingsløsninger (kommunenes behandlingsgrunnlag): ${SOURCES.ksConnect}`,
  },
  {
    slug: 'hvem-er-segmentansvarlig',
    title: 'Hvem er segmentansvarlig, og hvem gjør hva?',
    category: 'segment',
    serviceCodes: [],
    keywords: ['segmentansvarlig', 'segmentansvar', 'segmentavtale', 'ks', 'hvem', 'kontakt', 'ansvar', 'support'],
    errorCodes: [],
    httpStatuses: [],
    answer:
      'KS er segmentansvarlig for kommunene og fylkeskommunene overfor Skatteetaten. KS tar imot påkobling, gir første linjes hjelp og samler feilmeldinger før de sendes videre til Skatteetaten.',
    checklist: [
      'Spørsmål om påkobling, avtale og innhold i API-ene: KS',
      'Feil og avvik: meld dem til KS gjennom portalen',
      'Delegering: kommunen selv, i Altinn',
    ],
    body: `KS er utpekt av kommunal sektor til å være segmentansvarlig for kommuner og fylkeskommuner overfor Skatteetaten. Segmentavtalen mellom KS og Skatteetaten ble inngått i juni 2020.

## Hvem gjør hva

- **KS** tar imot tilslutningserklæringer og påkoblingsforespørsler, holder oversikt over hvilke kommuner som bruker hvilke API-er, forvalter innholdet i API-ene for kommunesektoren, gir første linjes hjelp og sender samlede feilmeldinger til Skatteetaten.
- **Skatteetaten** eier, utvikler og drifter API-ene og dataene.
- **Digdir** drifter Maskinporten, som gir tokenet til oppslagene.
- **Kommunen** signerer tilslutningserklæringen, delegerer tilgang i Altinn og er ansvarlig for sine egne oppslag.
- **Leverandøren** drifter integrasjonen eller fagsystemet for kommunen.

## Slik får dere hjelp

1. Søk i hjelpesidene etter feilkoden eller symptomet.
2. Finner dere ikke svaret, send en melding i portalen. KS ser om flere kommuner har samme problem og sender det samlet til Skatteetaten.

## Kilder

- KS, om segmentansvaret: ${SOURCES.ksSegment}
- KS, Hvordan koble seg til Skatteetatens delingsløsninger: ${SOURCES.ksConnect}`,
  },
  {
    slug: 'feil-scope',
    category: 'maskinporten',
    serviceCodes: [],
    body: '',
    title: 'Feil scope-navn',
    keywords: ['scope', 'invalid_scope', 'scopet'],
    errorCodes: ['invalid_scope'],
    httpStatuses: [400],
    answer:
      'Kontroller at token er bestilt med riktig scope, for eksempel «skatteetaten:summertskattegrunnlag» (små bokstaver, uten mellomrom) eller «skatteetaten:inntekt».',
    checklist: ['Scope-navnet er stavet nøyaktig som i Bilag 2', 'Klienten er tildelt scopet i Maskinporten'],
  },
  {
    slug: 'hovedenhet-organisasjonsnummer',
    category: 'access',
    serviceCodes: [],
    body: '',
    title: 'Bruk kommunens hovedenhet, ikke underenhet',
    keywords: ['underenhet', 'hovedenhet', 'organisasjonsnummer', 'orgnummer', 'org nr', 'feil orgnr'],
    errorCodes: [],
    httpStatuses: [403],
    answer:
      'Oppslag og delegering må gjøres med kommunens hovedenhet (organisasjonsnummeret for kommunen), ikke med en underenhet som en skole eller et NAV-kontor.',
    checklist: ['Hovedenhetens organisasjonsnummer brukes i oppslaget', 'Delegeringen i Altinn er gitt fra hovedenheten'],
  },
  {
    slug: 'brannmur-proxy',
    category: 'operations',
    serviceCodes: [],
    body: '',
    title: 'Egen brannmur eller proxy stopper trafikken',
    keywords: ['brannmur', 'proxy', 'firewall', 'ip adresse', 'åpning', 'opnast', 'når ikke'],
    errorCodes: [],
    httpStatuses: [],
    answer:
      'Åpne for utgående trafikk til Skatteetatens og Maskinportens adresser i egen brannmur/proxy. Se Skatteetatens dokumentasjon for gjeldende adresser.',
    checklist: ['Utgående HTTPS er åpnet mot API-et og Maskinporten', 'Proxy slipper gjennom Authorization-headeren'],
  },
  {
    slug: 'utlopt-virksomhetssertifikat',
    category: 'maskinporten',
    serviceCodes: [],
    body: '',
    title: 'Eget virksomhetssertifikat er utløpt',
    keywords: ['sertifikat', 'sertifikatet', 'certificate', 'utløpt', 'expired'],
    errorCodes: [],
    httpStatuses: [],
    answer: 'Forny virksomhetssertifikatet og last opp det nye i Maskinporten-klienten. Skatteetaten kan ikke gjøre dette for kommunen.',
    checklist: ['Nytt virksomhetssertifikat er bestilt og installert', 'Klienten i Maskinporten bruker det nye sertifikatet'],
  },
  {
    slug: 'klokkeavvik',
    category: 'maskinporten',
    serviceCodes: [],
    body: '',
    title: 'Klokkeavvik gir ugyldig token',
    keywords: ['klokke', 'klokken', 'tidsavvik', 'clock', 'skew', 'iat', 'exp'],
    errorCodes: ['invalid_grant'],
    httpStatuses: [],
    answer: 'JWT-grant til Maskinporten avvises når serverens klokke går feil. Synkroniser klokken med NTP.',
    checklist: ['Serveren synkroniserer klokken (NTP)'],
  },
  {
    slug: 'for-mange-kall',
    category: 'operations',
    serviceCodes: [],
    body: '',
    title: 'For mange kall (429)',
    keywords: ['429', 'too many requests', 'for mange kall', 'rate limit', 'struping'],
    errorCodes: [],
    httpStatuses: [429],
    answer: 'Fordel oppslagene over tid og respekter Retry-After. Masseoppslag bør gå i puljer.',
    checklist: ['Klienten respekterer Retry-After', 'Masseoppslag kjøres i puljer'],
  },
];

import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeArticleRepository } from './knowledge-article.repository';

type Seed = Pick<KnowledgeArticle, 'slug' | 'title' | 'keywords' | 'errorCodes' | 'httpStatuses' | 'answer' | 'checklist'>;

/** KS's FAQ for the segment: the usual consumer-side causes, answered at first line. */
export const KNOWLEDGE_BASE_SEED: Seed[] = [
  {
    slug: 'altinn-delegering',
    title: 'Tilgang mangler: delegering i Altinn',
    keywords: ['delegering', 'delegert', 'altinn', 'på vegne av', 'rettighet', 'tilgangsstyring', 'enkeltrettighet'],
    errorCodes: ['SSG-008'],
    httpStatuses: [403],
    answer:
      'Kommunen må delegere tilgangen «Summert Skattegrunnlag API – På vegne av» i Altinn til virksomheten som gjør oppslagene (kommunen selv eller leverandøren). Husk å delegere for produksjon, ikke bare test.',
    checklist: [
      'Tilgangen «Summert Skattegrunnlag API – På vegne av» er delegert i Altinn',
      'Delegeringen gjelder produksjonsmiljøet',
      'Den som delegerer har rollen tilgangsstyrer i Altinn',
    ],
  },
  {
    slug: 'leverandor-maskinporten',
    title: 'Leverandøren får ikke token fra Maskinporten',
    keywords: ['leverandør', 'leverandøren', 'vendor', 'maskinporten', 'unauthorized_client', 'virksomhetssertifikat', 'klient'],
    errorCodes: ['unauthorized_client', 'invalid_client'],
    httpStatuses: [400, 401],
    answer:
      'Leverandøren må ha en egen Maskinporten-klient med tilgang til scopet på vegne av kommunen, og sitt eget virksomhetssertifikat. Kommunen må ha delegert tilgangen til leverandøren i Altinn.',
    checklist: [
      'Leverandøren har Maskinporten-klient med scopet',
      'Leverandøren bruker sitt eget virksomhetssertifikat',
      'Kommunen har delegert til leverandørens organisasjonsnummer',
    ],
  },
  {
    slug: 'feil-scope',
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
    title: 'Bruk kommunens hovedenhet, ikke underenhet',
    keywords: ['underenhet', 'hovedenhet', 'organisasjonsnummer', 'orgnummer', 'org nr', 'feil orgnr'],
    errorCodes: [],
    httpStatuses: [403],
    answer:
      'Oppslag og delegering må gjøres med kommunens hovedenhet (organisasjonsnummeret for kommunen), ikke med en underenhet som en skole eller et NAV-kontor.',
    checklist: ['Hovedenhetens organisasjonsnummer brukes i oppslaget', 'Delegeringen i Altinn er gitt fra hovedenheten'],
  },
  {
    slug: 'naeringsinntekt-utkast',
    title: 'Næringsinntekt mangler på utkast-stadiet',
    keywords: ['næringsinntekt', 'naeringsinntekt', 'utkast', 'stadie', 'mangler inntekt', 'enkeltpersonforetak'],
    errorCodes: [],
    httpStatuses: [],
    answer:
      'Det er forventet at næringsinntekt mangler i stadiet «utkast». Den kommer med når skatteoppgjøret er «fastsatt». Bruk stadie=fastsatt eller oppgjoer når dere trenger næringsinntekt.',
    checklist: ['Oppslaget bruker riktig stadie', 'Skattyter har fått skatteoppgjøret'],
  },
  {
    slug: 'brannmur-proxy',
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
    title: 'Eget virksomhetssertifikat er utløpt',
    keywords: ['sertifikat', 'sertifikatet', 'certificate', 'utløpt', 'expired'],
    errorCodes: [],
    httpStatuses: [],
    answer: 'Forny virksomhetssertifikatet og last opp det nye i Maskinporten-klienten. Skatteetaten kan ikke gjøre dette for kommunen.',
    checklist: ['Nytt virksomhetssertifikat er bestilt og installert', 'Klienten i Maskinporten bruker det nye sertifikatet'],
  },
  {
    slug: 'klokkeavvik',
    title: 'Klokkeavvik gir ugyldig token',
    keywords: ['klokke', 'klokken', 'tidsavvik', 'clock', 'skew', 'iat', 'exp'],
    errorCodes: ['invalid_grant'],
    httpStatuses: [],
    answer: 'JWT-grant til Maskinporten avvises når serverens klokke går feil. Synkroniser klokken med NTP.',
    checklist: ['Serveren synkroniserer klokken (NTP)'],
  },
  {
    slug: 'for-mange-kall',
    title: 'For mange kall (429)',
    keywords: ['429', 'too many requests', 'for mange kall', 'rate limit', 'struping'],
    errorCodes: [],
    httpStatuses: [429],
    answer: 'Fordel oppslagene over tid og respekter Retry-After. Masseoppslag bør gå i puljer.',
    checklist: ['Klienten respekterer Retry-After', 'Masseoppslag kjøres i puljer'],
  },
];

@Injectable()
export class SeedKnowledgeBase {
  constructor(
    private readonly db: DatabaseContext,
    private readonly articles: KnowledgeArticleRepository,
  ) {}

  async execute(): Promise<{ created: number }> {
    return this.db.transaction(async () => {
      let created = 0;
      for (const article of KNOWLEDGE_BASE_SEED) if ((await this.articles.insertUnlessSlugExists(article)) === 'created') created++;
      return { created };
    });
  }
}

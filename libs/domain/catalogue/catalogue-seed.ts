import type { CatalogueVersionInput } from './catalogue-content';
import { KS_SERVICE_AREAS } from './service-areas';

export const SEED_CATALOGUE_LABEL = 'Bilag 2 – 2026.1';

const [FORELDREBETALING, PRAKTISK_BISTAND, LANGTIDSOPPHOLD, BOLIGSOSIALT, SAERNAMSMANN] = KS_SERVICE_AREAS;

// Placeholder addresses on a reserved domain: the real ones are entered by KS.
const SECURITY = ['sikkerhet@skatteetaten.example'];

/** The first published Bilag 2, as KS holds it at the start of 2026. */
export const SEED_CATALOGUE: CatalogueVersionInput = {
  label: SEED_CATALOGUE_LABEL,
  effectiveFrom: '2026-01-01',
  notes: 'Første versjon registrert i segmentdesken. Tjenester og rettighetspakker etter segmentansvaravtalen med Skatteetaten.',
  services: [
    {
      code: 'summert-skattegrunnlag',
      name: 'Summert skattegrunnlag API',
      description:
        'Summerte beløp fra skattegrunnlaget (skattemeldingen) per inntektsår, levert som dataminimerte rettighetspakker per formål.',
      informationTypes: [
        'Skattepliktig inntekt (alminnelig inntekt før særfradrag)',
        'Personinntekt',
        'Nettoformue',
        'Bruttoformue og gjeld',
        'Stadie: oppgjoer, utkast, fastsatt',
      ],
      maskinportenScopes: ['skatteetaten:summertskattegrunnlag'],
      entitlementPackages: [
        { code: 'kommuneforeldrebetaling', purpose: 'Beregne redusert foreldrebetaling i barnehage og SFO etter husholdningens inntekt.' },
        { code: 'kommuneboligsosialeformaal', purpose: 'Behandle søknader om startlån, tilskudd og andre boligsosiale ytelser.' },
        { code: 'kommunelangtidsoppholdinstitusjon', purpose: 'Beregne egenbetaling for langtidsopphold i institusjon.' },
        { code: 'kommunepersonligassistanse', purpose: 'Beregne egenbetaling for praktisk bistand og opplæring.' },
        { code: 'saernamsmann', purpose: 'Kommunal særnamsmann: utlegg og innkreving av kommunale krav.' },
      ],
      serviceAreas: [...KS_SERVICE_AREAS],
      environments: ['production', 'test'],
      altinnResource: 'Summert Skattegrunnlag API – På vegne av',
      documentationUrl: 'https://skatteetaten.github.io/api-dokumentasjon/api/summertskattegrunnlag',
      lifecycle: 'active',
      escalationEmails: ['summertskattegrunnlag-drift@skatteetaten.example'],
      securityEmails: SECURITY,
    },
    {
      code: 'inntekt',
      name: 'Inntekt API',
      description: 'Inntektsopplysninger fra a-ordningen per måned: lønn, ytelser og pensjon rapportert av arbeidsgivere og utbetalere.',
      informationTypes: ['Lønnsinntekt per måned', 'Ytelser fra offentlige utbetalere', 'Pensjon', 'Opplysningspliktig (utbetaler)'],
      maskinportenScopes: ['skatteetaten:inntekt'],
      entitlementPackages: [
        { code: 'kommuneboligsosialeformaal', purpose: 'Behandle søknader om startlån, tilskudd og andre boligsosiale ytelser.' },
        { code: 'kommunelangtidsoppholdinstitusjon', purpose: 'Beregne egenbetaling for langtidsopphold i institusjon.' },
        { code: 'saernamsmann', purpose: 'Kommunal særnamsmann: utlegg og innkreving av kommunale krav.' },
      ],
      serviceAreas: [LANGTIDSOPPHOLD, BOLIGSOSIALT, SAERNAMSMANN],
      environments: ['production', 'test'],
      altinnResource: 'Inntekt API – På vegne av',
      documentationUrl: 'https://skatteetaten.github.io/api-dokumentasjon/api/inntekt',
      lifecycle: 'active',
      escalationEmails: ['inntekt-drift@skatteetaten.example'],
      securityEmails: SECURITY,
    },
    {
      code: 'hendelseslister',
      name: 'Hendelseslister for skattegrunnlag',
      description: 'Lister over hendelser (nye og endrede skattegrunnlag) som kommunen kan følge for å hente oppdaterte opplysninger.',
      informationTypes: ['Hendelse: nytt eller endret skattegrunnlag', 'Sekvensnummer og tidspunkt'],
      maskinportenScopes: ['skatteetaten:summertskattegrunnlag'],
      entitlementPackages: [
        { code: 'kommuneforeldrebetaling', purpose: 'Oppdatere vedtak om redusert foreldrebetaling når skattegrunnlaget endres.' },
      ],
      serviceAreas: [FORELDREBETALING, PRAKTISK_BISTAND, LANGTIDSOPPHOLD],
      environments: ['production', 'test'],
      altinnResource: 'Summert Skattegrunnlag API – På vegne av',
      documentationUrl: 'https://skatteetaten.github.io/api-dokumentasjon/api/hendelser',
      lifecycle: 'active',
      escalationEmails: ['summertskattegrunnlag-drift@skatteetaten.example'],
      securityEmails: SECURITY,
    },
    {
      code: 'folkeregister',
      name: 'Folkeregisteret via KS Fiks',
      description: 'Oppslag i Folkeregisteret for kommunale formål gjennom KS Fiks folkeregister.',
      informationTypes: ['Navn og identifikator', 'Bostedsadresse', 'Familierelasjoner', 'Sivilstand'],
      maskinportenScopes: ['ks:fiks'],
      entitlementPackages: [],
      serviceAreas: [...KS_SERVICE_AREAS],
      environments: ['production', 'test'],
      altinnResource: null,
      documentationUrl: 'https://developers.fiks.ks.no/tjenester/folkeregister/',
      lifecycle: 'active',
      escalationEmails: ['folkeregister-drift@skatteetaten.example'],
      securityEmails: SECURITY,
    },
  ],
};

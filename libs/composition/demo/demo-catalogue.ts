import type { CatalogueServiceInput } from '@domain/catalogue';

/**
 * The report history also concerns two services the seed Bilag 2 does not list; the demonstration
 * adds them in a version of its own, in force from the day before the first report. Escalation
 * addresses are on the reserved `.example` domain, as in the seed.
 */
export const DEMO_CATALOGUE = {
  label: 'Bilag 2 – 2026.2 (demonstrasjon)',
  effectiveFrom: '2026-01-11',
  notes: 'Demonstrasjonsdata: seed-versjonen med Skatteoppgjør API og Eiendom API, som meldingshistorikken i demonstrasjonen gjelder.',
};

const SECURITY = ['sikkerhet@skatteetaten.example'];

export const DEMO_SERVICES: CatalogueServiceInput[] = [
  {
    code: 'skatteoppgjor',
    name: 'Skatteoppgjør API',
    description: 'Skatteoppgjøret for personlige skattytere per inntektsår: fastsatt inntekt, formue og skatt.',
    informationTypes: ['Fastsatt alminnelig inntekt', 'Nettoformue', 'Utlignet skatt'],
    maskinportenScopes: ['skatteetaten:skatteoppgjoer'],
    entitlementPackages: [],
    environments: ['production', 'test'],
    lifecycle: 'active',
    escalationEmails: ['skatteoppgjor-drift@skatteetaten.example'],
    securityEmails: SECURITY,
  },
  {
    code: 'eiendom',
    name: 'Eiendom API',
    description: 'Opplysninger om fast eiendom og eierforhold fra eiendomsregisteret, for eiendomsskatt og kommunale gebyrer.',
    informationTypes: ['Matrikkelenhet', 'Eierforhold', 'Formuesverdi'],
    maskinportenScopes: ['skatteetaten:eiendom'],
    entitlementPackages: [],
    environments: ['production', 'test'],
    lifecycle: 'active',
    escalationEmails: ['eiendom-drift@skatteetaten.example'],
    securityEmails: SECURITY,
  },
];

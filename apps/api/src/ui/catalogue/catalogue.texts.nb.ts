import type { ServiceField } from '@domain/catalogue';

import type { FieldText, PageTexts } from '../shared/form-errors';
import type { NavSection } from '../shared/navigation';

export const CATALOGUE_NAV: NavSection[] = [
  { menu: 'staff', label: 'Bilag 2', href: '/catalogue', order: 50, permission: 'catalogue.read' },
];

export const LIFECYCLE_LABELS: Record<string, string> = { active: 'Aktiv', deprecated: 'Utfases' };

export const SERVICE_FIELD_LABELS: Record<ServiceField, string> = {
  name: 'Navn',
  description: 'Beskrivelse',
  lifecycle: 'Livssyklus',
  sunsetDate: 'Utfasingsdato',
  maskinportenScopes: 'Maskinporten-scopes',
  entitlementPackages: 'Rettighetspakker',
  environments: 'Miljøer',
  escalationEmails: 'Eskaleringsadresser',
  securityEmails: 'Sikkerhetsadresser',
  serviceAreas: 'Tjenesteområder',
  informationTypes: 'Informasjonstyper',
  altinnResource: 'Altinn-ressurs',
  documentationUrl: 'Dokumentasjon',
};

export const VERSION_TAGS = {
  inForce: { text: 'Gjeldende', color: 'success' },
  scheduled: { text: 'Planlagt', color: 'info' },
  superseded: { text: 'Erstattet', color: 'neutral' },
  draft: { text: 'Kladd', color: 'warning' },
};

export const CATALOGUE_TITLES = {
  list: 'Bilag 2 – tjenestekatalog',
  new: 'Ny versjon av Bilag 2',
  edit: (label: string) => `Rediger ${label}`,
  publish: (label: string) => `Publiser ${label}`,
  diff: (label: string) => `Endringer i ${label}`,
};

export const CATALOGUE_DONE_TEXTS: Record<string, string> = { deleted: 'Kladden er slettet.' };

const line = (label: string, message: string): FieldText => ({ label, message, perLine: true });

const FIELDS: Record<string, FieldText> = {
  label: { label: 'Navn på versjonen', message: 'Gi versjonen et navn (1–200 tegn).' },
  effectiveFrom: { label: 'Gjelder fra', message: 'Skriv datoen versjonen gjelder fra (ÅÅÅÅ-MM-DD).' },
  notes: { label: 'Merknader', message: 'Merknadene kan ha høyst 10 000 tegn.' },
  services: { label: 'Tjenester', message: 'Legg til minst én tjeneste før versjonen publiseres.' },
  code: { label: 'Kode', message: 'Koden har små bokstaver, tall og bindestrek (høyst 64 tegn), og er unik i versjonen.' },
  name: { label: SERVICE_FIELD_LABELS.name, message: 'Skriv tjenestens navn (1–200 tegn).' },
  description: { label: SERVICE_FIELD_LABELS.description, message: 'Beskrivelsen kan ha høyst 2000 tegn.' },
  lifecycle: { label: SERVICE_FIELD_LABELS.lifecycle, message: 'Velg aktiv eller utfases.' },
  sunsetDate: { label: SERVICE_FIELD_LABELS.sunsetDate, message: 'Skriv utfasingsdatoen (ÅÅÅÅ-MM-DD); den kreves når tjenesten utfases.' },
  maskinportenScopes: line(
    SERVICE_FIELD_LABELS.maskinportenScopes,
    'Skriv ett scope per linje, for eksempel skatteetaten:summertskattegrunnlag.',
  ),
  'entitlementPackages.code': line(`${SERVICE_FIELD_LABELS.entitlementPackages} (kode)`, 'Skriv én pakke per linje som «kode: formål».'),
  'entitlementPackages.purpose': line(
    `${SERVICE_FIELD_LABELS.entitlementPackages} (formål)`,
    'Skriv én pakke per linje som «kode: formål».',
  ),
  entitlementPackages: line(SERVICE_FIELD_LABELS.entitlementPackages, 'Skriv én pakke per linje som «kode: formål».'),
  environments: { label: SERVICE_FIELD_LABELS.environments, message: 'Velg produksjon, test eller begge.' },
  escalationEmails: line(SERVICE_FIELD_LABELS.escalationEmails, 'Skriv gyldige e-postadresser, én per linje.'),
  securityEmails: line(SERVICE_FIELD_LABELS.securityEmails, 'Skriv gyldige e-postadresser, én per linje.'),
  serviceAreas: line(SERVICE_FIELD_LABELS.serviceAreas, 'Skriv ett tjenesteområde per linje.'),
  informationTypes: line(SERVICE_FIELD_LABELS.informationTypes, 'Skriv én informasjonstype per linje.'),
  altinnResource: { label: SERVICE_FIELD_LABELS.altinnResource, message: 'Altinn-ressursen kan ha høyst 200 tegn.' },
  documentationUrl: { label: SERVICE_FIELD_LABELS.documentationUrl, message: 'Skriv en fullstendig adresse som begynner med https://.' },
};

export const CATALOGUE_PAGE_TEXTS: PageTexts = {
  errors: {
    catalogue_version_not_found: 'Fant ikke versjonen av Bilag 2.',
    catalogue_version_published: 'Versjonen er publisert og kan ikke endres eller slettes. Lag en ny kladd fra den i stedet.',
    catalogue_service_changed:
      'Noen andre endret tjenesten etter at du åpnet kladden. Skjemaet viser det du skrev; lagre igjen for å overskrive endringen, eller last inn siden på nytt for å se den.',
    catalogue_version_changed:
      'Noen andre endret kladden etter at du åpnet den. Skjemaet viser det du skrev; lagre igjen for å overskrive endringen, eller last inn siden på nytt for å se den.',
    catalogue_version_empty: 'Versjonen må ha minst én tjeneste før den kan publiseres.',
    catalogue_service_not_found: 'Fant ikke tjenesten i denne versjonen. Noen andre kan ha endret koden eller fjernet den.',
    catalogue_not_in_force: 'Ingen versjon av Bilag 2 gjaldt den dagen.',
    validation_failed: 'Endringen ble ikke lagret. Rett feltene som er nevnt.',
  },
  fields: FIELDS,
};

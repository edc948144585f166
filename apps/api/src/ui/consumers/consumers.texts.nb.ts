import type { ConnectionMethod, ConsumerKind, ConsumerStatus, ContactRole, OnboardingStep } from '@domain/consumers';
import type { IncidentStatus } from '@domain/incidents';

import type { FieldText, PageTexts } from '../shared/form-errors';
import type { NavSection } from '../shared/navigation';
import { ENVIRONMENT_LABELS } from '../shared/shared.texts.nb';

export const CONSUMER_NAV: NavSection[] = [
  { menu: 'staff', label: 'Konsumenter', href: '/consumers', order: 30, permission: 'consumer.search' },
  { menu: 'staff', label: 'Påkobling', href: '/onboarding', order: 40, permission: 'onboarding.read' },
  { menu: 'portal', label: 'Oversikt', href: '/portal', order: 10, exact: true, permission: 'portal.use' },
];

/** The group consumers fill on the search page. */
export const SEARCH_LABEL = 'Konsumenter';

export const CONSUMER_TABS = ['overview', 'contacts', 'agreement', 'services', 'onboarding', 'reports', 'keys', 'history'] as const;
export type ConsumerTab = (typeof CONSUMER_TABS)[number];

export const CONSUMER_LABELS = {
  status: { applicant: 'Søker', active: 'Aktiv', suspended: 'Suspendert', terminated: 'Avsluttet' } satisfies Record<
    ConsumerStatus,
    string
  >,
  kind: { kommune: 'Kommune', fylkeskommune: 'Fylkeskommune', other: 'Annen' } satisfies Record<ConsumerKind, string>,
  role: { technical: 'Teknisk', professional: 'Faglig', security: 'Sikkerhet' } satisfies Record<ContactRole, string>,
  step: { requested: 'Bestilt', qualified: 'Kvalifisert', 'readiness-tested': 'Klartestet', connected: 'Påkoblet' } satisfies Record<
    OnboardingStep,
    string
  >,
  connection: { direct: 'Direkte', vendor: 'Via leverandør', fiks: 'Via KS Fiks' } satisfies Record<ConnectionMethod, string>,
  environment: ENVIRONMENT_LABELS,
  tab: {
    overview: 'Oversikt',
    contacts: 'Kontakter',
    agreement: 'Avtale',
    services: 'Tjenester',
    onboarding: 'Påkobling',
    reports: 'Meldinger',
    keys: 'API-nøkler',
    history: 'Historikk',
  } satisfies Record<ConsumerTab, string>,
};

export const CONSUMER_TITLES = {
  list: 'Konsumenter',
  new: 'Ny konsument',
  import: 'Importer konsumenter',
  onboarding: 'Påkobling',
  portalLogin: 'Logg inn i konsumentportalen',
  portalHome: 'Oversikt',
};

const ORG_NUMBER = 'Skriv et gyldig organisasjonsnummer: 9 siffer der det siste er kontrollsifferet.';
const DATE = 'Skriv en dato (ÅÅÅÅ-MM-DD).';

/** The use cases' field names (list indexes left out) as the consumer forms name them, with the rule for each. */
const CONSUMER_FIELDS: Record<string, FieldText> = {
  orgNumber: { label: 'Organisasjonsnummer', message: ORG_NUMBER },
  name: { label: 'Navn', message: 'Skriv navnet (1–200 tegn).' },
  kind: { label: 'Type', message: 'Velg kommune, fylkeskommune eller annen.' },
  municipalityNumber: { label: 'Kommunenummer', message: 'Kommunenummeret har 4 sifre.' },
  status: { label: 'Status', message: 'Velg en av statusene i listen.' },
  email: { label: 'E-post', message: 'Skriv en gyldig e-postadresse.' },
  phone: { label: 'Telefon', message: 'Telefonnummeret kan ha høyst 40 tegn.' },
  role: { label: 'Rolle', message: 'Velg teknisk, faglig eller sikkerhet.' },
  'contacts.name': { label: 'Kontaktperson, navn', message: 'Skriv navnet (1–200 tegn).' },
  'contacts.email': { label: 'Kontaktperson, e-post', message: 'Skriv en gyldig e-postadresse som ikke står to ganger.' },
  'contacts.phone': { label: 'Kontaktperson, telefon', message: 'Telefonnummeret kan ha høyst 40 tegn.' },
  'contacts.role': { label: 'Kontaktperson, rolle', message: 'Velg teknisk, faglig eller sikkerhet.' },
  'services.code': { label: 'Tjenester', message: 'Velg tjenester fra Bilag 2, hver bare én gang.' },
  'services.environments': { label: 'Miljøer for valgte tjenester', message: 'Velg produksjon, test eller begge.' },
  'services.legalBasis': { label: 'Hjemmel', message: 'Hjemmelen kan ha høyst 2000 tegn.' },
  'services.purpose': { label: 'Formål', message: 'Formålet kan ha høyst 2000 tegn.' },
  code: { label: 'Tjeneste', message: 'Velg en tjeneste fra Bilag 2.' },
  environments: { label: 'Miljøer', message: 'Velg produksjon, test eller begge.' },
  legalBasis: { label: 'Hjemmel', message: 'Hjemmelen kan ha høyst 2000 tegn.' },
  lawReference: { label: 'Lovhenvisning', message: 'Lovhenvisningen kan ha høyst 2000 tegn.' },
  purpose: { label: 'Formål', message: 'Formålet kan ha høyst 2000 tegn.' },
  serviceArea: { label: 'Tjenesteområde', message: 'Tjenesteområdet kan ha høyst 2000 tegn.' },
  entitlementPackage: { label: 'Rettighetspakke', message: 'Rettighetspakken kan ha høyst 2000 tegn.' },
  maskinportenScope: { label: 'Maskinporten-scope', message: 'Scopet kan ha høyst 2000 tegn.' },
  connectionMethod: { label: 'Tilkobling', message: 'Velg direkte, via leverandør eller via KS Fiks.' },
  'vendor.orgNumber': { label: 'Leverandørens organisasjonsnummer', message: ORG_NUMBER },
  'vendor.name': { label: 'Leverandørens navn', message: 'Skriv leverandørens navn.' },
  altinnDelegationConfirmedAt: { label: 'Altinn-delegering bekreftet', message: DATE },
  signedOn: { label: 'Signert', message: DATE },
  signatoryName: { label: 'Signert av', message: 'Skriv navnet på den som signerte (1–200 tegn).' },
  signatoryTitle: { label: 'Stilling', message: 'Stillingen kan ha høyst 200 tegn.' },
  validFrom: { label: 'Gyldig fra', message: DATE },
  validTo: { label: 'Gyldig til', message: 'Skriv en dato (ÅÅÅÅ-MM-DD) som ikke er før «gyldig fra».' },
  'acceptedTerms.serviceCode': { label: 'Vilkår, tjeneste', message: 'Vilkår kan bare godtas for konsumentens tjenester, én gang hver.' },
  to: { label: 'Neste steg', message: 'Velg kvalifisert, klartestet eller påkoblet.' },
  note: { label: 'Notat', message: 'Notatet kan ha høyst 2000 tegn.' },
  csv: { label: 'CSV-innhold', message: 'Lim inn eller velg en CSV-fil med én konsument per linje, som beskrevet over.' },
};

const CONSUMER_ERRORS: Record<string, string> = {
  consumer_not_found: 'Fant ikke konsumenten.',
  consumer_exists: 'En konsument med dette organisasjonsnummeret er allerede registrert.',
  consumer_changed:
    'Noen andre endret kommunen etter at du åpnet siden. Skjemaet viser det du skrev; lagre igjen for å overskrive endringen, eller last inn siden på nytt for å se den.',
  contact_exists: 'Personen er allerede kontakt for denne konsumenten.',
  contact_not_found: 'Fant ikke kontakten. Den kan være fjernet.',
  last_technical_contact: 'En konsument med en påkoblet tjeneste må ha minst én teknisk kontakt.',
  service_access_exists: 'Konsumenten har allerede tilgang til tjenesten. Last siden på nytt og endre tilgangen der.',
  unknown_service: 'Tjenesten finnes ikke i gjeldende versjon av Bilag 2.',
  service_access_not_found: 'Konsumenten har ikke tilgang til denne tjenesten.',
  onboarding_step_order: 'Påkoblingen må gå ett steg av gangen: bestilt, kvalifisert, klartestet, påkoblet.',
  onboarding_checklist_incomplete: 'Sjekklisten for steget er ikke fullført.',
  technical_contact_required: 'Registrer minst én teknisk kontakt før tjenesten kobles på.',
  consumer_not_active: 'Bare en aktiv konsument kan kobles på. Endre status først.',
  consumer_terminated: 'Konsumenten er avsluttet. Aktiver den igjen først.',
  api_key_not_found: 'Fant ikke API-nøkkelen. Den kan være trukket tilbake.',
  queue_item_not_found: 'Fant ikke påkoblingen i køen.',
  invalid_import_file: 'CSV-filen kan ikke leses.',
  validation_failed: 'Skjemaet har feil. Rett feltene som er nevnt under.',
};

export const CONSUMER_PAGE_TEXTS: PageTexts = { errors: CONSUMER_ERRORS, fields: CONSUMER_FIELDS };

/** The CSV columns of the import, with the rule for each; a row's errors are shown by column. */
export const IMPORT_COLUMNS: Record<string, FieldText> = {
  orgNumber: { label: 'orgNumber', message: `${ORG_NUMBER} Nummeret kan bare stå én gang i filen.` },
  name: { label: 'name', message: 'Skriv navnet (1–200 tegn).' },
  kind: { label: 'kind', message: 'Skriv kommune, fylkeskommune eller other, eller la feltet stå tomt.' },
  municipalityNumber: { label: 'municipalityNumber', message: 'Kommunenummeret har 4 sifre.' },
  contactName: { label: 'contactName', message: 'Skriv kontaktpersonens navn (1–200 tegn).' },
  contactEmail: { label: 'contactEmail', message: 'Skriv en gyldig e-postadresse.' },
  contactPhone: { label: 'contactPhone', message: 'Telefonnummeret kan ha høyst 40 tegn.' },
  contactRole: { label: 'contactRole', message: 'Skriv teknisk, faglig eller sikkerhet (eller technical, professional, security).' },
  services: {
    label: 'services',
    message:
      'Skriv tjenestekoder fra gjeldende Bilag 2, skilt med semikolon, hver bare én gang (kode:production eller kode:test begrenser miljøet).',
  },
};

export const PORTAL_LOGIN_TEXTS: PageTexts = {
  errors: { portal_link_invalid: 'Lenken er ugyldig, allerede brukt eller utløpt. Be om en ny innloggingslenke.' },
};

export const SAVED_CODES = { saved: 'Lagret.' } as Record<string, string>;

/** The consumer's reports tab: statuses of a report and of the incident it belongs to (the same words the incident pages use). */
export const CONSUMER_REPORT_LABELS = {
  restrictedTitle: 'Sikkerhetssak (innholdet er skjermet)',
  reportStatus: { open: 'Åpen', closed: 'Avsluttet' } as Record<string, string>,
  incidentStatus: { new: 'Ny', triaged: 'Vurdert', escalated: 'Eskalert', resolved: 'Løst', closed: 'Lukket' } satisfies Record<
    IncidentStatus,
    string
  >,
};

/** The columns of the consumer list. */
export const CONSUMER_LIST_COLUMNS = {
  name: 'Navn',
  org: 'Org.nr.',
  municipality: 'Kommunenr.',
  status: 'Status',
  services: 'Tjenester (påkobling)',
  technical: 'Teknisk kontakt',
  agreement: 'Avtale til',
};

import type { Environment, StaffRole } from '@domain/shared';
import type { TicketCategory } from '@domain/support';
import type { ErrorKind } from '@platform/errors';

/** Texts every part of the admin UI and the portal uses. */

export const ENVIRONMENT_LABELS: Record<Environment, string> = { production: 'Produksjon', test: 'Test' };

export const ROLE_LABELS: Record<StaffRole, string> = {
  admin: 'Administrator',
  agent: 'Saksbehandler',
  security: 'Sikkerhetsansvarlig',
  viewer: 'Lesetilgang',
};

/** What a ticket is about: on tickets and on the assignment groups that take each kind. */
export const TICKET_CATEGORY_LABELS: Record<TicketCategory, string> = {
  access: 'Tilgang og påkobling',
  data: 'Innholdet i dataene',
  legal: 'Hjemmel og rettigheter',
  technical: 'Teknisk',
  other: 'Annet',
};

/** When a page has no text of its own for an error code: what went wrong, by kind. */
export const ERROR_KIND_TEXTS: Record<ErrorKind, string> = {
  validation: 'Noe mangler eller er feil i skjemaet. Se feltene som er merket.',
  unauthenticated: 'Du må logge inn for å se denne siden.',
  forbidden: 'Du har ikke tilgang til dette.',
  'not-found': 'Fant ikke det du ba om. Det kan være slettet, eller lenken kan være feil.',
  conflict: 'Endringen kolliderer med noe som allerede er registrert. Last inn siden og prøv igjen.',
  'precondition-failed': 'Noen andre har endret dette etter at du åpnet siden. Last inn siden på nytt for å se endringen.',
  unprocessable: 'Endringen kan ikke gjøres slik saken står nå.',
  'rate-limited': 'For mange forsøk på kort tid. Vent litt og prøv igjen.',
  unavailable: 'Tjenesten er ikke tilgjengelig akkurat nå. Prøv igjen om litt.',
};

/** Error codes that can reach any page: credentials, CSRF, the platform's own answers. */
export const SHARED_ERROR_TEXTS: Record<string, string> = {
  csrf_failed: 'Skjemaet er utløpt eller kom ikke fra denne siden. Last inn siden på nytt og prøv igjen.',
  forbidden: 'Du har ikke tilgang til dette.',
  unauthenticated: 'Du må logge inn for å se denne siden.',
  not_found: 'Fant ikke det du ba om. Det kan være slettet, eller lenken kan være feil.',
  malformed_json: 'Forespørselen kunne ikke leses.',
  payload_too_large: 'Det du sendte er for stort (høyst 2 MB).',
  rate_limited: 'For mange forsøk på kort tid. Vent litt og prøv igjen.',
  internal_error: 'Noe gikk galt hos oss. Feilen er logget. Prøv igjen om litt.',
  database_unavailable: 'Tjenesten er ikke tilgjengelig akkurat nå. Prøv igjen om litt.',
  transaction_conflict: 'Endringen kolliderte med en annen som ble gjort i samme øyeblikk, og ble ikke lagret. Prøv igjen.',
  concurrent_duplicate:
    'Det samme ble lagret av en annen endring i samme øyeblikk, og denne endringen ble ikke lagret. Last inn siden på nytt og se hva som er registrert.',
};

/** Error pages by HTTP status, for errors that carry no domain code (unknown route, wrong method). */
export const ERROR_STATUS_TEXTS: Record<number, string> = {
  400: 'Forespørselen er ugyldig.',
  401: 'Du må logge inn for å se denne siden.',
  403: 'Du har ikke tilgang til dette.',
  404: 'Siden finnes ikke. Sjekk adressen, eller gå til forsiden.',
  405: 'Siden kan ikke brukes slik.',
  409: 'Endringen kolliderer med noe som allerede er registrert.',
  413: 'Det du sendte er for stort (høyst 2 MB).',
  415: 'Formatet på det du sendte støttes ikke.',
  422: 'Endringen kan ikke gjøres slik saken står nå.',
  429: 'For mange forsøk på kort tid. Vent litt og prøv igjen.',
  500: 'Noe gikk galt hos oss. Feilen er logget. Prøv igjen om litt.',
};

export const ERROR_PAGE_TITLE = 'Noe gikk galt';

/** A field a page has no text for: still Norwegian, never the API's wording. */
export const UNKNOWN_FIELD_MESSAGE = 'Sjekk verdien i dette feltet.';

/**
 * One entry of a list written one per line: counted among the entries, since blank lines are
 * left out and e-mail addresses may also be separated by commas («Eskaleringsadresser, nr. 2»).
 */
export const listEntryLabel = (label: string, n: number) => `${label}, nr. ${n}`;

export const SAVED_TEXT = 'Lagret.';

/** Sorting and paging of long lists. */
export const LIST_TEXTS = {
  /** `counted` is the total with its noun: «Viser 1–50 av 159 hendelser». */
  showing: (from: string, to: string, counted: string) => `Viser ${from}–${to} av ${counted}`,
  pastEnd: (page: number, counted: string) => `Ingen treff på side ${page} (${counted} i alt)`,
  sortBy: (label: string, direction: 'asc' | 'desc') =>
    `Sorter etter ${label.toLowerCase()}, ${direction === 'asc' ? 'stigende' : 'synkende'}`,
  navigation: 'Sider',
  previous: 'Forrige',
  next: 'Neste',
  page: (n: number) => `Side ${n}`,
};

/** Nouns shown with a count, in the singular and plural (`{{count n "incident"}}` in views, `countOf` in view models). */
export const COUNTED_NOUNS = {
  incident: { one: 'hendelse', other: 'hendelser' },
  openIncident: { one: 'åpen hendelse', other: 'åpne hendelser' },
  escalation: { one: 'eskalering', other: 'eskaleringer' },
  report: { one: 'melding', other: 'meldinger' },
  ticket: { one: 'henvendelse', other: 'henvendelser' },
  notice: { one: 'varsel', other: 'varsler' },
  openTicket: { one: 'åpen henvendelse', other: 'åpne henvendelser' },
  newReport: { one: 'ny melding', other: 'nye meldinger' },
  consumer: { one: 'konsument', other: 'konsumenter' },
  affectedMunicipality: { one: 'berørt kommune', other: 'berørte kommuner' },
  municipality: { one: 'kommune', other: 'kommuner' },
  inboundMail: { one: 'e-post', other: 'e-poster' },
  service: { one: 'tjeneste', other: 'tjenester' },
  newService: { one: 'ny tjeneste', other: 'nye tjenester' },
  removedService: { one: 'fjernet tjeneste', other: 'fjernede tjenester' },
  changedService: { one: 'endret tjeneste', other: 'endrede tjenester' },
  followUp: { one: 'oppfølging', other: 'oppfølginger' },
  hour: { one: 'time', other: 'timer' },
  day: { one: 'dag', other: 'dager' },
  row: { one: 'rad', other: 'rader' },
  rowWithErrors: { one: 'rad med feil', other: 'rader med feil' },
  address: { one: 'adresse', other: 'adresser' },
  mail: { one: 'e-post', other: 'e-poster' },
  backgroundJob: { one: 'bakgrunnsjobb', other: 'bakgrunnsjobber' },
  entry: { one: 'oppføring', other: 'oppføringer' },
  form: { one: 'skjema', other: 'skjemaer' },
  case: { one: 'sak', other: 'saker' },
} as const satisfies Record<string, { one: string; other: string }>;

export type CountedNoun = keyof typeof COUNTED_NOUNS;

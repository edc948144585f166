import type { ChangeRequestPriority, ChangeRequestStatus, ChangeRequestUrgency } from '@domain/change-requests';

import type { PageTexts } from '../shared/form-errors';
import type { NavSection } from '../shared/navigation';
import type { PluralForms } from '../shared/numbers';

export const CHANGE_REQUEST_NAV: NavSection[] = [
  { menu: 'staff', label: 'Endringsønsker', href: '/change-requests', order: 25, permission: 'change-request.read' },
  { menu: 'portal', label: 'Endringsønsker', href: '/portal/change-requests', order: 30, permission: 'change-request.submit' },
];

/** The group change requests fill on the search page. */
export const SEARCH_LABEL = 'Endringsønsker';

export const STATUS_LABELS: Record<ChangeRequestStatus, string> = {
  new: 'Ny',
  assessing: 'Til vurdering',
  forwarded: 'Sendt til Skatteetaten',
  answered: 'Besvart',
  declined: 'Avslått',
  done: 'Ferdig',
};

export const STATUS_COLORS: Record<ChangeRequestStatus, string> = {
  new: 'info',
  assessing: 'warning',
  forwarded: 'accent',
  answered: 'success',
  declined: 'neutral',
  done: 'success',
};

export const URGENCY_LABELS: Record<ChangeRequestUrgency, string> = { low: 'Lav', medium: 'Middels', high: 'Høy' };
export const PRIORITY_LABELS: Record<ChangeRequestPriority, string> = { low: 'Lav', medium: 'Middels', high: 'Høy' };

export const SUPPORTER_NOUN: PluralForms = { one: 'kommune står bak', other: 'kommuner står bak' };

const FIELDS: PageTexts['fields'] = {
  service: { label: 'Tjeneste', message: 'Velg en tjeneste organisasjonen deres har tilgang til.' },
  title: { label: 'Kort tittel', message: 'Skriv en kort tittel (høyst 200 tegn).' },
  description: { label: 'Hva ønsker dere endret?', message: 'Beskriv endringen dere ønsker (høyst 10 000 tegn).' },
  useCase: { label: 'Hva trenger dere det til?', message: 'Beskriv hva dere skal bruke endringen til (høyst 4 000 tegn).' },
  urgency: { label: 'Hvor viktig er det?', message: 'Velg hvor viktig endringen er for dere.' },
  status: { label: 'Status', message: 'Velg en gyldig status.' },
  priority: { label: 'Prioritet', message: 'Velg en gyldig prioritet.' },
  message: { label: 'Begrunnelse til kommunene', message: 'Skriv begrunnelsen kommunene får når ønsket avslås.' },
  intoId: { label: 'Slå sammen med', message: 'Velg ønsket dette er et duplikat av.' },
  note: { label: 'Kommentar fra KS', message: 'Kommentaren kan være høyst 10 000 tegn.' },
  answer: { label: 'Svaret fra Skatteetaten', message: 'Skriv svaret fra Skatteetaten, som alle kommunene som står bak, får.' },
};

const ERRORS: Record<string, string> = {
  change_request_not_found: 'Fant ikke endringsønsket.',
  unknown_service: 'Tjenesten finnes ikke i Bilag 2 som gjelder nå.',
  no_service_access: 'Organisasjonen deres har ikke tilgang til denne tjenesten.',
  own_change_request: 'Dette er deres eget ønske, og dere står allerede bak det.',
  change_request_merged: 'Ønsket er slått sammen med et annet. Gjør endringen på det andre ønsket.',
  merge_same_request: 'Et ønske kan ikke slås sammen med seg selv.',
  merge_already_merged: 'Et av ønskene er allerede slått sammen med et annet.',
  merge_service_mismatch: 'Bare ønsker om samme tjeneste kan slås sammen.',
  merge_already_forwarded: 'Dette ønsket er allerede sendt til Skatteetaten. Slå det andre ønsket sammen med dette i stedet.',
  change_request_not_merged: 'Ønsket er ikke slått sammen med et annet.',
  status_change_refused:
    'Ønsket kan ikke få den statusen nå. «Sendt til Skatteetaten» og «Besvart» settes når ønsket sendes og svaret registreres.',
  change_request_not_forwardable: 'Bare nye ønsker og ønsker til vurdering kan sendes til Skatteetaten.',
  change_request_not_forwarded: 'Ønsket er ikke sendt til Skatteetaten ennå, så det finnes ikke noe svar å registrere.',
  no_escalation_address: 'Bilag 2 har ingen eskaleringsadresse for tjenesten. Legg den inn i Bilag 2 først.',
};

export const CHANGE_REQUEST_PAGE_TEXTS: PageTexts = {
  errors: ERRORS,
  fields: FIELDS,
  errorFields: {
    unknown_service: 'service',
    no_service_access: 'service',
    merge_same_request: 'intoId',
    merge_already_merged: 'intoId',
    merge_service_mismatch: 'intoId',
  },
  formErrorFields: { merge: { change_request_not_found: 'intoId' } },
};

export const BOARD_TEXTS = {
  title: 'Endringsønsker',
  all: 'Alle',
  live: 'Alle som ikke er ferdige',
  noArea: 'Uten tjenesteområde',
};

export const REQUEST_TEXTS = {
  title: (reference: string, title: string) => `${reference}: ${title}`,
  hidden: 'Teksten er bare synlig for kommunen som skrev den.',
  submitted: 'Sendte inn ønsket',
  supported: 'Står bak ønsket',
};

export const PORTAL_TEXTS = {
  listTitle: 'Endringsønsker',
  newTitle: 'Nytt endringsønske',
};

export const DONE_TEXTS: Record<string, string> = {
  submitted: 'Endringsønsket er sendt til KS.',
  supported: 'Dere står nå bak ønsket.',
  'already-supported': 'Dere sto allerede bak ønsket. Ingenting er endret.',
  assessed: 'Vurderingen er lagret.',
  declined: 'Ønsket er avslått, og kommunene som står bak, får beskjed på e-post.',
  merged: 'Ønskene er slått sammen.',
  unmerged: 'Sammenslåingen er angret.',
  forwarded: 'Ønsket er sendt til Skatteetaten.',
  'already-forwarded': 'Ønsket var allerede sendt til Skatteetaten. Ingen ny e-post ble sendt.',
  answered: 'Svaret er registrert, og kommunene som står bak, får det på e-post.',
};

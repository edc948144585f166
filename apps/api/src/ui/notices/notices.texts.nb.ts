import { NOTICE_KIND_LABELS } from '@domain/notices';

import type { PageTexts } from '../shared/form-errors';
import type { NavSection } from '../shared/navigation';

export const NOTICE_NAV: NavSection[] = [
  { menu: 'staff', label: 'Endringsvarsler', href: '/notices', order: 55, permission: 'notice.read' },
  { menu: 'staff', label: 'Kilder og driftsmeldinger', href: '/notice-feeds', order: 56, permission: 'notice.read' },
];

export const PORTAL_NOTICE_NAV: NavSection[] = [
  { menu: 'portal', label: 'Endringsvarsler', href: '/portal/varsler', order: 30, permission: 'notice.acknowledge' },
];

export const PORTAL_NOTICE_TITLES = { list: 'Endringsvarsler fra KS' };

export { NOTICE_KIND_LABELS };

export const NOTICE_STATUS_TAGS: Record<string, { text: string; color: string }> = {
  draft: { text: 'Kladd', color: 'warning' },
  scheduled: { text: 'Planlagt', color: 'info' },
  sent: { text: 'Sendt', color: 'success' },
  withdrawn: { text: 'Trukket tilbake', color: 'neutral' },
};

export const ROLE_LABELS: Record<string, string> = { technical: 'Teknisk', professional: 'Faglig', security: 'Sikkerhet' };
export const ENVIRONMENT_LABELS: Record<string, string> = { production: 'Produksjon', test: 'Test' };
export const DELIVERY_LABELS: Record<string, string> = {
  pending: 'I kø',
  sending: 'Sendes',
  sent: 'Levert',
  failed: 'Feilet',
};

export const NOTICE_TITLES = {
  list: 'Endringsvarsler',
  new: 'Nytt endringsvarsel',
  edit: (title: string) => `Endre ${title}`,
  ack: 'Bekreft endringsvarsel',
};

export const NOTICE_DONE_TEXTS: Record<string, string> = {
  sent: 'Varselet er sendt. E-postene går ut i løpet av kort tid.',
  'already-sent': 'Varselet var allerede sendt. Ingenting ble sendt på nytt.',
  scheduled: 'Varselet er planlagt sendt.',
  unscheduled: 'Planlagt utsending er stanset; varselet er en kladd igjen.',
  withdrawn: 'Varselet er trukket tilbake.',
  created: 'Kladden er lagret. Se over mottakerne før du sender.',
  saved: 'Endringene er lagret. Se over mottakerne før du sender.',
};

export const NOTICE_PAGE_TEXTS: PageTexts = {
  errors: {
    notice_no_recipients: 'Ingen kontaktpersoner passer med tjenestene, miljøene og avgrensningene i varselet. Ingenting ble sendt.',
    notice_not_editable: 'Varselet er sendt eller trukket tilbake og kan ikke endres.',
    notice_changed:
      'Noen andre endret varselet etter at du åpnet det. Skjemaet viser det du skrev; lagre igjen for å overskrive endringen, eller åpne varselet på nytt for å se den.',
    notice_withdrawn: 'Varselet er trukket tilbake og kan ikke sendes.',
    notice_not_found: 'Fant ikke varselet.',
    notice_ack_link_invalid: 'Lenken er ugyldig. Bruk lenken i e-posten, eller logg inn i portalen.',
    notice_ack_link_expired: 'Lenken er utløpt. Logg inn i portalen for å bekrefte.',
    notice_ack_already_given: 'Dette er allerede bekreftet. Ingenting ble endret.',
    notice_ack_not_offered: 'Dette varselet ber ikke om bekreftelse på at dere er klare.',
  },
  fields: {
    title: { label: 'Tittel', message: 'Skriv en tittel (høyst 200 tegn).' },
    kind: { label: 'Type', message: 'Velg en type.' },
    body: { label: 'Standardtekst', message: 'Skriv teksten alle mottakere får, med mindre rollen har egen tekst.' },
    technicalBody: { label: 'Tekst til tekniske kontakter', message: 'Teksten kan ha høyst 20 000 tegn.' },
    professionalBody: { label: 'Tekst til faglige kontakter', message: 'Teksten kan ha høyst 20 000 tegn.' },
    services: { label: 'Tjenester', message: 'Velg minst én tjeneste fra Bilag 2.' },
    environments: { label: 'Miljøer', message: 'Velg minst ett miljø.' },
    roles: { label: 'Roller', message: 'Velg blant teknisk, faglig og sikkerhet.' },
    effectiveAt: { label: 'Gjelder fra', message: 'Skriv et tidspunkt fram i tid.' },
    sendAt: { label: 'Planlegg utsending', message: 'Skriv et tidspunkt fram i tid, før varselet gjelder.' },
    links: { label: 'Lenker', message: 'Skriv én adresse per linje, som begynner med https://.' },
    // The rules name a link by its place in the list (`links[1].url`); the form has one per line.
    'links.url': {
      label: 'Lenker',
      message: 'Skriv én lenke per linje: en adresse som begynner med https://, eventuelt «tittel | https://…».',
      perLine: true,
    },
  },
};

export const FEED_TITLES = { list: 'Kilder og driftsmeldinger' };

export const FEED_KIND_LABELS: Record<string, string> = {
  announcements: 'Varsler om endringer (blir kladder til endringsvarsler)',
  operational: 'Driftsmeldinger (merker nye feilmeldinger som kjent feil)',
};

export const FEED_KIND_SHORT: Record<string, string> = { announcements: 'Endringer', operational: 'Driftsmeldinger' };

export const FEED_STATE_TAGS: Record<string, { text: string; color: string }> = {
  ok: { text: 'Lest', color: 'success' },
  failing: { text: 'Feiler', color: 'danger' },
  waiting: { text: 'Ikke lest ennå', color: 'info' },
  stopped: { text: 'Stoppet', color: 'neutral' },
};

export const MESSAGE_END_LABELS: Record<string, string> = {
  resolved: 'Meldt løst i kilden',
  removed: 'Fjernet fra kilden',
  staff: 'Avsluttet av KS',
  expired: 'Utløpt (for gammel)',
};

export const FEED_DONE_TEXTS: Record<string, string> = {
  'feed-added': 'Kilden er lagt til. Den leses ved neste runde, eller nå med «Les nå».',
  'feed-stopped': 'Kilden leses ikke lenger. Det den har gitt, er beholdt.',
  'feed-resumed': 'Kilden leses igjen fra neste runde.',
  'feed-read': 'Kilden er lest. Nye oppføringer er lagt inn som kladder og driftsmeldinger.',
  'feed-failed': 'Kilden kunne ikke leses. Feilen står i tabellen.',
  'message-added': 'Driftsmeldingen er registrert. Nye feilmeldinger på tjenestene merkes som kjent feil.',
  'message-ended': 'Driftsmeldingen er avsluttet. Nye feilmeldinger behandles som vanlig.',
};

export const FEED_PAGE_TEXTS: PageTexts = {
  errors: {
    notice_feed_exists: 'Denne adressen er allerede lagt til som kilde.',
    notice_feed_not_found: 'Fant ikke kilden.',
    operational_message_not_found: 'Fant ikke driftsmeldingen.',
  },
  fields: {
    url: {
      label: 'Adresse',
      message:
        'Skriv en offentlig adresse som begynner med https:// eller http://, uten brukernavn og passord. Adresser i interne nett, på denne maskinen eller til skyens metadatatjeneste godtas ikke.',
    },
    kind: { label: 'Type', message: 'Velg hva kilden inneholder.' },
    title: { label: 'Tittel', message: 'Skriv en tittel (høyst 200 tegn).' },
    link: { label: 'Lenke', message: 'Skriv en adresse som begynner med https://.' },
    services: { label: 'Tjenester', message: 'Velg minst én tjeneste fra Bilag 2.' },
    environments: { label: 'Miljøer', message: 'Velg produksjon, test eller ingen (begge).' },
    startedAt: { label: 'Startet', message: 'Skriv et tidspunkt som ikke er fram i tid.' },
  },
};

/** Why a feed could not be read, by the start of the reason the worker records (English, for logs and the API). */
export const FEED_ERROR_TEXTS: ReadonlyArray<[string, string]> = [
  ['answered HTTP', 'Kilden svarte med en feilstatus.'],
  ['no answer within', 'Kilden svarte ikke i tide.'],
  ['cannot be reached', 'Fikk ikke kontakt med kilden.'],
  ['broke off', 'Svaret fra kilden ble brutt.'],
  ['is larger than', 'Kilden er større enn det som leses.'],
  ['not an Atom or RSS feed', 'Adressen gir ikke en Atom- eller RSS-feed.'],
  ['not an XML document', 'Adressen gir ikke en Atom- eller RSS-feed.'],
  ['refused', 'Adressen peker til et internt nett eller denne maskinen, og leses ikke.'],
  ['redirected', 'Kilden sendte videre til en adresse som ikke leses.'],
];
export const FEED_ERROR_OTHER = 'Kilden kunne ikke leses.';

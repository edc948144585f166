import type { ChangeRequestStatus } from '@domain/change-requests';
import type { OnboardingStep } from '@domain/consumers';
import type { IncidentStatus, ReportChannel } from '@domain/incidents';
import type {
  SlaTag,
  SlaTargetName,
  TicketCategory,
  TicketChannel,
  TicketEventKind,
  TicketLinkKind,
  TicketPriority,
  TicketStatus,
} from '@domain/support';

import type { PageTexts } from '../shared/form-errors';
import type { NavSection } from '../shared/navigation';
import { TICKET_CATEGORY_LABELS } from '../shared/shared.texts.nb';

export const SUPPORT_NAV: NavSection[] = [
  { menu: 'staff', label: 'Henvendelser', href: '/tickets', order: 22, permission: 'ticket.read' },
  { menu: 'staff', label: 'Standardsvar', href: '/canned-responses', order: 23, permission: 'canned-response.manage' },
  { menu: 'portal', label: 'Spørsmål til KS', href: '/portal/tickets', order: 25, permission: 'ticket.open' },
];

/** The group tickets fill on the search page. */
export const SEARCH_LABEL = 'Henvendelser';

export const STATUS_LABELS: Record<TicketStatus, string> = {
  new: 'Ny',
  open: 'Åpen',
  waiting_on_consumer: 'Venter på kommunen',
  waiting_on_skatteetaten: 'Venter på Skatteetaten',
  resolved: 'Løst',
  closed: 'Lukket',
};

/** The same statuses as the consumer reads them. */
export const PORTAL_STATUS_LABELS: Record<TicketStatus, string> = {
  new: 'Mottatt',
  open: 'KS ser på saken',
  waiting_on_consumer: 'Venter på svar fra dere',
  waiting_on_skatteetaten: 'KS venter på Skatteetaten',
  resolved: 'Løst',
  closed: 'Lukket',
};

export const STATUS_COLORS: Record<TicketStatus, string> = {
  new: 'info',
  open: 'accent',
  waiting_on_consumer: 'warning',
  waiting_on_skatteetaten: 'warning',
  resolved: 'success',
  closed: 'neutral',
};

export const CATEGORY_LABELS: Record<TicketCategory, string> = TICKET_CATEGORY_LABELS;

export const PRIORITY_LABELS: Record<TicketPriority, string> = { low: 'Lav', normal: 'Normal', high: 'Høy', urgent: 'Haster' };

export const CHANNEL_LABELS: Record<TicketChannel, string> = {
  portal: 'Portalen',
  api: 'API',
  staff: 'Registrert av KS',
  email: 'E-post',
};

export const LINK_LABELS: Record<TicketLinkKind, string> = {
  report: 'Melding',
  incident: 'Hendelse',
  onboarding: 'Påkobling',
  change_request: 'Endringsønske',
  ticket: 'Henvendelse',
};

/** What each timeline event says, from its details. */
export const TIMELINE_TEXTS: { [K in TicketEventKind]: string } = {
  opened: 'Henvendelsen kom inn',
  message_added: 'Melding',
  status_changed: 'Status endret',
  assigned: 'Tildelt',
  group_set: 'Gruppe endret',
  priority_set: 'Prioritet endret',
  consumer_set: 'Kommune satt',
  tags_set: 'Stikkord endret',
  linked: 'Koblet til',
  unlinked: 'Kobling fjernet',
  merged_in: 'Slo inn en annen henvendelse',
  merged_into: 'Slått sammen med en annen henvendelse',
  unmerged_out: 'Sammenslåing angret',
  unmerged: 'Sammenslåing angret',
  sla_warned: 'Varsel om frist sendt',
  sla_breached: 'Frist overskredet',
};

/** The activity timeline: where a linked item's event comes from, and what it says. */
export const ACTIVITY_TEXTS = {
  restricted: 'Noe skjedde i en sikkerhetssak du ikke har tilgang til å lese.',
  legend: 'Hendelser på det henvendelsen er koblet til, står med kilden sin og er merket med en strek i margen.',
  report: {
    received: (channel: string) => `Meldingen kom inn (${channel})`,
    opened: (incident: string) => `Meldingen åpnet hendelse ${incident}`,
    attached: (incident: string) => `Meldingen ble lagt til hendelse ${incident}`,
    moved: (incident: string) => `Meldingen ble flyttet til hendelse ${incident}`,
    resolved: (incident: string) => `Hendelse ${incident} ble løst`,
    reopened: (incident: string) => `Meldingen ble åpnet igjen (hendelse ${incident})`,
  },
  incident: {
    opened: 'Hendelsen ble opprettet',
    triaged: 'Hendelsen ble vurdert',
    triagedTo: (status: string) => `Hendelsen ble vurdert: status ${status}`,
    escalated: 'Hendelsen ble eskalert til Skatteetaten',
    escalationSent: 'Eskaleringen ble sendt til Skatteetaten',
    escalationCancelled: 'Eskaleringen ble stanset',
    resolved: 'Hendelsen ble løst',
    reopened: (status: string) => `Hendelsen ble åpnet igjen: status ${status}`,
    mergedIn: (from: string) => `Hendelse ${from} ble slått inn i denne`,
    mergedInto: (into: string) => `Hendelsen ble slått sammen med ${into}`,
    split: (into: string) => `Meldinger ble skilt ut til ${into}`,
    securityStep: 'Et punkt i sikkerhetssakens sjekkliste ble utført',
  },
  onboarding: {
    step: (service: string, step: string) => `${service}: påkoblingen gikk til «${step}»`,
    checklist: (service: string, item: string) => `${service}: sjekkpunkt utført – ${item}`,
  },
  changeRequest: {
    submitted: 'Endringsønsket ble sendt inn',
    supported: 'En kommune til står bak endringsønsket',
    statusChanged: (from: string, to: string) => `Status endret: ${from} → ${to}`,
    assessed: 'Endringsønsket ble vurdert',
    forwarded: (status: string) => `Status endret: ${status}`,
    answered: (status: string) => `Skatteetaten svarte. Status: ${status}`,
    mergedInto: (into: string) => `Slått sammen med ${into}`,
    merged: 'Slått sammen med et annet endringsønske',
    unmerged: 'Sammenslåingen ble angret',
    replyReceived: 'Skatteetaten svarte på e-post',
  },
};

export const REPORT_CHANNEL_LABELS: Record<ReportChannel, string> = {
  api: 'API',
  form: 'skjemaet i portalen',
  staff: 'registrert av KS',
  email: 'e-post',
  phone: 'telefon',
  import: 'import',
};

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  new: 'Ny',
  triaged: 'Vurdert',
  escalated: 'Eskalert',
  resolved: 'Løst',
  closed: 'Lukket',
};

export const CHANGE_REQUEST_STATUS_LABELS: Record<ChangeRequestStatus, string> = {
  new: 'Ny',
  assessing: 'Til vurdering',
  forwarded: 'Sendt til Skatteetaten',
  answered: 'Besvart',
  declined: 'Avslått',
  done: 'Ferdig',
};

export const ONBOARDING_STEP_LABELS: Record<OnboardingStep, string> = {
  requested: 'Bestilt',
  qualified: 'Kvalifisert',
  'readiness-tested': 'Klartestet',
  connected: 'Påkoblet',
};

/** The SLA clocks by name, and the one tag a ticket's clocks give it. */
export const SLA_TARGET_LABELS: Record<SlaTargetName, string> = { firstResponse: 'Første svar', resolution: 'Løsning' };

export const SLA_TAG_LABELS: Record<SlaTag, string> = {
  on_track: 'I rute',
  warning: 'Varsel',
  breached: 'Brutt',
  paused: 'Pauset',
  met: 'Innfridd',
};

export const SLA_TAG_COLORS: Record<SlaTag, string> = {
  on_track: 'success',
  warning: 'warning',
  breached: 'danger',
  paused: 'neutral',
  met: 'info',
};

export const TICKET_NOUN = { one: 'henvendelse', other: 'henvendelser' } as const;

const FIELDS: PageTexts['fields'] = {
  subject: { label: 'Emne', message: 'Skriv et kort emne (høyst 200 tegn).' },
  body: { label: 'Melding', message: 'Skriv meldingen (høyst 20 000 tegn).' },
  category: { label: 'Hva gjelder det?', message: 'Velg hva henvendelsen gjelder.' },
  service: { label: 'Tjeneste', message: 'Velg en tjeneste fra Bilag 2, eller ingen.' },
  requesterName: { label: 'Navn på innringer', message: 'Navnet kan være høyst 200 tegn.' },
  requesterEmail: { label: 'E-post til innringer', message: 'Skriv en gyldig e-postadresse, eller la feltet stå tomt.' },
  consumerId: { label: 'Kommune', message: 'Velg en registrert konsument, eller ingen.' },
  status: { label: 'Status', message: 'Velg en gyldig status.' },
  priority: { label: 'Prioritet', message: 'Velg en gyldig prioritet.' },
  assigneeId: { label: 'Saksbehandler', message: 'Velg en aktiv bruker, eller ingen.' },
  groupId: { label: 'Gruppe', message: 'Velg en aktiv gruppe, eller ingen.' },
  tags: { label: 'Stikkord', message: 'Høyst 20 stikkord på høyst 40 tegn hver, skilt med komma.' },
  kind: { label: 'Koble til', message: 'Velg hva henvendelsen skal kobles til.' },
  reference: {
    label: 'Referanse',
    message: 'Skriv referansen, for eksempel KS-2026-0042, M-2026-00042, EN-2026-0007 eller et organisasjonsnummer.',
  },
  intoId: { label: 'Slå sammen med', message: 'Velg henvendelsen dette er et duplikat av.' },
  ids: { label: 'Valgte henvendelser', message: 'Velg minst én henvendelse i listen.' },
  title: { label: 'Tittel', message: 'Skriv en tittel (høyst 200 tegn).' },
  setStatus: { label: 'Sett status', message: 'Velg en gyldig status, eller ingen.' },
  cannedResponseId: { label: 'Standardsvar', message: 'Velg et standardsvar som finnes.' },
  internal: { label: 'Intern merknad', message: 'Bare KS kan skrive interne merknader.' },
};

const ERRORS: Record<string, string> = {
  ticket_not_found: 'Fant ikke henvendelsen.',
  ticket_link_not_found: 'Fant ikke lenken. Den kan allerede være fjernet.',
  ticket_attachment_not_found: 'Fant ikke vedlegget.',
  canned_response_not_found: 'Fant ikke standardsvaret.',
  canned_response_changed:
    'Noen andre endret standardsvaret etter at du åpnet siden. Skjemaet viser det du skrev; lagre igjen for å overskrive endringen, eller last inn siden på nytt for å se den.',
  ticket_closed: 'Henvendelsen er lukket. Still et nytt spørsmål i stedet.',
  ticket_status_refused: 'En henvendelse kan ikke settes tilbake til «Ny».',
  ticket_merge_same_ticket: 'En henvendelse kan ikke slås sammen med seg selv.',
  ticket_merge_already_merged: 'En av henvendelsene er allerede slått sammen med en annen.',
  ticket_merge_other_consumer: 'Bare henvendelser fra samme kommune kan slås sammen.',
  ticket_not_merged: 'Henvendelsen er ikke slått sammen med en annen.',
  unknown_assignee: 'Saksbehandleren finnes ikke, er deaktivert eller har bare lesetilgang.',
  unknown_group: 'Gruppen finnes ikke eller er arkivert.',
  assignee_not_in_group: 'Saksbehandleren er ikke medlem av gruppen. Velg et medlem, eller ingen saksbehandler.',
  unknown_consumer: 'Konsumenten finnes ikke i registeret.',
  unknown_service: 'Tjenesten finnes ikke i Bilag 2 som gjelder nå.',
  link_target_not_found: 'Fant ingenting med den referansen.',
  ticket_link_to_itself: 'En henvendelse kan ikke kobles til seg selv. Skriv referansen til den andre henvendelsen.',
  unknown_placeholder: 'Teksten har en plassholder som ikke finnes. Bruk {{navn}}, {{referanse}}, {{kommune}} eller {{emne}}.',
};

export const SUPPORT_PAGE_TEXTS: PageTexts = {
  errors: ERRORS,
  fields: FIELDS,
  errorFields: {
    unknown_service: 'service',
    unknown_consumer: 'consumerId',
    unknown_assignee: 'assigneeId',
    unknown_group: 'groupId',
    assignee_not_in_group: 'assigneeId',
    link_target_not_found: 'reference',
    ticket_link_to_itself: 'reference',
    unknown_placeholder: 'body',
    ticket_merge_same_ticket: 'intoId',
    ticket_merge_already_merged: 'intoId',
    ticket_merge_other_consumer: 'intoId',
  },
  formErrorFields: { merge: { ticket_not_found: 'intoId' } },
};

/** Staff registering a caller's question: the fields as that form labels them. */
export const NEW_TICKET_PAGE_TEXTS: PageTexts = {
  ...SUPPORT_PAGE_TEXTS,
  fields: { ...FIELDS, body: { label: 'Hva spør de om?', message: 'Skriv hva de spør om (høyst 20 000 tegn).' } },
};

/** The portal's «Still et spørsmål»: the fields as that form labels them. */
export const PORTAL_ASK_PAGE_TEXTS: PageTexts = {
  ...SUPPORT_PAGE_TEXTS,
  fields: {
    ...FIELDS,
    category: { label: 'Hva gjelder spørsmålet?', message: 'Velg hva spørsmålet gjelder.' },
    body: { label: 'Spørsmålet', message: 'Skriv spørsmålet (høyst 20 000 tegn).' },
  },
};

export const LIST_TEXTS = {
  title: 'Henvendelser',
  all: 'Alle',
  active: 'Alle som ikke er løst',
  none: 'Ingen',
  noService: 'Uten tjeneste',
  views: {
    mine: 'Mine',
    unassigned: 'Ikke tildelt',
    myGroups: 'Mine grupper',
    unassignedInMyGroups: 'Ufordelt i mine grupper',
    dueToday: 'Brytes i dag',
  },
  noGroup: 'Uten gruppe',
  columns: {
    select: 'Velg',
    reference: 'Referanse',
    subject: 'Emne',
    consumer: 'Kommune',
    category: 'Gjelder',
    status: 'Status',
    priority: 'Prioritet',
    assignee: 'Saksbehandler',
    group: 'Gruppe',
    created: 'Mottatt',
    updated: 'Siste aktivitet',
    due: 'Frist',
  },
};

export const TICKET_TEXTS = {
  title: (reference: string, subject: string) => `${reference}: ${subject}`,
  internal: 'Intern merknad',
  public: 'Svar til kommunen',
  fromRequester: 'Fra kommunen',
  unknownConsumer: 'Ukjent avsender',
  unverified: 'Ikke bekreftet avsender',
  /** In place of its status while a ticket is merged into another, which carries the work and the clocks. */
  merged: 'Slått sammen',
  chooseConsumer: 'Velg kommune',
  senderConsumers: (names: string[]) => `Avsenderen er registrert som kontaktperson hos ${names.join(', ')}.`,
  unnamedFile: '(uten navn)',
  noAssignee: 'Ingen',
  noGroup: 'Ingen gruppe',
  routed: 'sendt til gruppen for kategorien',
};

export const PORTAL_TEXTS = {
  listTitle: 'Spørsmål til KS',
  askTitle: 'Still et spørsmål',
  noService: 'Ingen bestemt tjeneste',
};

export const CANNED_TEXTS = {
  title: 'Standardsvar',
  noStatus: 'Ingen (bare svar)',
};

export const DONE_TEXTS: Record<string, string> = {
  asked: 'Spørsmålet er sendt til KS. Dere får svar på e-post og her.',
  'asked-masked':
    'Spørsmålet er sendt til KS. Dere får svar på e-post og her. Noe som lignet et fødselsnummer eller D-nummer er fjernet fra teksten før lagring. Ikke send personopplysninger om skattytere.',
  replied: 'Meldingen er sendt.',
  'replied-masked':
    'Meldingen er sendt. Noe som lignet et fødselsnummer eller D-nummer er fjernet fra teksten før lagring. Ikke send personopplysninger om skattytere.',
  answered: 'Svaret er lagret og sendt på e-post.',
  noted: 'Den interne merknaden er lagret. Den sendes ikke til kommunen.',
  updated: 'Endringene er lagret.',
  linked: 'Koblingen er lagt til.',
  'already-linked': 'Henvendelsen var allerede koblet til dette.',
  unlinked: 'Koblingen er fjernet.',
  merged: 'Henvendelsene er slått sammen.',
  unmerged: 'Sammenslåingen er angret.',
  opened: 'Henvendelsen er registrert.',
  'opened-masked':
    'Henvendelsen er registrert. Noe som lignet et fødselsnummer eller D-nummer er fjernet fra teksten før lagring. Ikke send personopplysninger om skattytere.',
  'consumer-set': 'Kommunen er satt, og avsenderen regnes som bekreftet.',
  bulk: 'De valgte henvendelsene er endret.',
  'bulk-replied': 'De valgte henvendelsene er besvart.',
  saved: 'Standardsvaret er lagret.',
  deleted: 'Standardsvaret er slettet.',
};

import type { IncidentSide, IncidentStatus, MessageChannel, ReportCategory, ReportChannel, Severity } from '@domain/incidents';

import type { PageTexts } from '../shared/form-errors';
import type { NavSection } from '../shared/navigation';
import { countOf } from '../shared/numbers';
import { COUNTED_NOUNS } from '../shared/shared.texts.nb';

export const INCIDENT_NAV: NavSection[] = [
  { menu: 'staff', label: 'Hendelser', href: '/incidents', order: 20, permission: 'incident.read' },
  { menu: 'portal', label: 'Meldinger', href: '/portal/reports', order: 20, permission: 'portal.use' },
];

/** The groups incidents and reports fill on the search page. */
export const SEARCH_LABELS = { incidents: 'Hendelser', reports: 'Meldinger' };

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  new: 'Ny',
  triaged: 'Vurdert',
  escalated: 'Eskalert',
  resolved: 'Løst',
  closed: 'Lukket',
};
export const SIDE_LABELS: Record<IncidentSide, string> = {
  undetermined: 'Uavklart',
  local: 'Lokal (hos konsumenten)',
  ske: 'Skatteetaten',
  security: 'Sikkerhet/personvern',
};
export const SEVERITY_LABELS: Record<Severity, string> = { critical: 'Kritisk', high: 'Høy', medium: 'Middels', low: 'Lav' };
export const CATEGORY_LABELS: Record<ReportCategory, string> = {
  incident: 'Feil',
  deviation: 'Avvik i data',
  security: 'Sikkerhetshendelse',
  privacy: 'Personvernavvik',
};
/** The categories as the report form offers them. */
export const CATEGORY_CHOICES: Record<ReportCategory, string> = {
  incident: 'Feil – noe virker ikke som det skal',
  deviation: 'Avvik – data mangler eller er feil',
  security: 'Sikkerhetshendelse',
  privacy: 'Personvernavvik (brudd på personopplysningssikkerheten)',
};
export const CHANNEL_LABELS: Record<ReportChannel, string> = {
  api: 'API',
  form: 'Skjema',
  staff: 'Registrert av KS',
  email: 'E-post',
  phone: 'Telefon',
  import: 'Import',
};
/** A vendor that sent a report for the municipality under Altinn delegation. */
export const SENT_BY_VENDOR = {
  label: 'Sendt av leverandør',
  text: (name: string | null, orgNumber: string) => (name ? `${name} (org.nr. ${orgNumber})` : `org.nr. ${orgNumber}`),
};
/** A report on a service its municipality is not registered for in the incident's environment. */
export const SERVICE_ACCESS = {
  /** before the service's name */
  report: 'Ikke registrert for',
  group: 'Ikke registrert for tjenesten',
  hint: 'Merket «Ikke registrert for»: kommunen har ikke registrert tilgang til tjenesten i dette miljøet i konsumentregisteret. Feilen kan da ligge i tilgangen eller påkoblingen hos kommunen.',
};
export const CONFIDENCE_LABELS: Record<string, string> = { certain: 'sikker', likely: 'sannsynlig', new: 'ny hendelse' };
export const PROPOSAL_STATUS_LABELS: Record<string, string> = { proposed: 'Foreslått', accepted: 'Slått sammen', rejected: 'Avvist' };
export const REPORT_STATUS_LABELS: Record<string, string> = { open: 'Åpen', closed: 'Avsluttet' };
export const WORKED_LABELS = { yes: 'Ja', no: 'Nei', unknown: 'Vet ikke' } as const;
export const MATCH_ACTION_LABELS = { attach: 'Koblet til hendelse', open: 'Åpnet ny hendelse' } as const;

export const QUEUE_TEXTS = {
  title: 'Hendelser',
  openStatuses: 'Åpne (ny, vurdert, eskalert)',
  all: 'Alle',
  criticalOrHigh: 'Kritisk eller høy',
  severityNotSet: (suggested: string) => `Ikke satt (foreslått: ${suggested})`,
  columns: {
    reference: 'Referanse',
    title: 'Tittel',
    status: 'Status',
    impact: 'Alvorlighet',
    consumers: 'Kommuner',
    reports: 'Meldinger',
    first: 'Første melding',
    last: 'Siste melding',
    assignee: 'Saksbehandler',
  },
};

/** What a staff member is told after an action on the queue or an incident, by the `done` code of the redirect. */
export const DONE_TEXTS: Record<string, string> = {
  triaged: 'Vurderingen er lagret.',
  escalated:
    'Hendelsen er eskalert til Skatteetaten. Den første e-posten venter et kort øyeblikk, så meldinger om samme problem havner i samme tråd. Du kan sende den med en gang.',
  sent: 'Den første e-posten til Skatteetaten er lagt i utboksen og sendes i løpet av noen sekunder.',
  already: 'Hendelsen var allerede eskalert. Ingen ny e-post er sendt.',
  'security-channel':
    'Den ordinære tråden er avsluttet med en melding om at saken følges opp i en annen kanal, og den første e-posten til sikkerhetskanalen er lagt i utboksen.',
  joined: 'Hendelsen var samme problem som en allerede eskalert hendelse og er slått sammen med den. Ingen ny tråd er startet.',
  resolved: 'Hendelsen er løst, og de berørte konsumentene får beskjed.',
  reopened:
    'Hendelsen er åpnet igjen, og meldingene i den er åpne. Ingen har fått e-post om det: skriv til kommunene eller Skatteetaten i samtalen om de skal vite det.',
  merged: 'Hendelsene er slått sammen.',
  split: 'Meldingene er skilt ut i denne nye hendelsen.',
  moved: 'Meldingen er flyttet.',
  accepted: 'Forslaget er godtatt, og hendelsene er slått sammen.',
  rejected: 'Forslaget er avvist. Hendelsene holdes adskilt.',
  'joined-known': 'Kommunen er registrert som berørt av denne kjente feilen.',
  'already-affected': 'Kommunen hadde allerede en melding i denne hendelsen. Ingen ny melding er lagt til.',
  'message-skatteetaten': 'Svaret til Skatteetaten er lagt i utboksen og går i samme tråd.',
  'message-municipalities': 'Meldingen er lagt i utboksen, én e-post til hver kontaktperson.',
  note: 'Notatet er lagret. Det vises bare for KS.',
  assigned: 'Tildelingen er lagret.',
};

/** The incident's group and assignee, on its page and in the queue. */
export const ASSIGN_TEXTS = {
  nobody: 'Ingen',
  noGroup: 'Ingen gruppe',
  mine: 'Mine',
  unassigned: 'Ikke tildelt',
  assigned: (to: string | null) => `Tildelt: ${to ?? 'ingen'}`,
  groupSet: (to: string | null) => `Gruppe endret: ${to ?? 'ingen gruppe'}`,
};
export const registeredText = (reference: string) => `Meldingen ${reference} er registrert og ligger i denne hendelsen.`;

export const INCIDENT_PAGE_TEXTS: PageTexts = {
  errors: {
    incident_not_found: 'Fant ingen hendelse med den referansen.',
    report_not_found: 'Fant ikke meldingen.',
    merge_proposal_not_found: 'Fant ikke forslaget, eller en av hendelsene i det.',
    already_merged: 'Hendelsene er allerede slått sammen.',
    merge_with_itself: 'En hendelse kan ikke slås sammen med seg selv. Skriv referansen til den andre hendelsen.',
    track_mismatch: 'Sikkerhets- og personvernhendelser kan ikke slås sammen med vanlige hendelser.',
    split_all: 'Du kan ikke skille ut alle meldingene, for da blir hendelsen tom. Flytt dem i stedet.',
    environment_mismatch: 'Den andre hendelsen er fra et annet miljø. Produksjon og test holdes alltid atskilt.',
    correction_on_resolved: 'En løst hendelse kan ikke slås sammen eller få flere meldinger. Åpne den igjen først.',
    incident_resolved: 'Hendelsen er allerede løst og kan ikke endres.',
    incident_not_resolved: 'Hendelsen er ikke løst, så den er allerede åpen.',
    no_escalation_address:
      'Bilag 2 har ingen eskaleringsadresse for tjenestene i hendelsen. Legg inn adressen i katalogen før du eskalerer.',
    no_personal_data: 'Meldingen har ingen lagrede originalopplysninger.',
    escalation_not_pending: 'Den første e-posten er allerede sendt, eller hendelsen er ikke eskalert.',
    escalation_not_sent: 'Hendelsen har ingen tråd til Skatteetaten ennå. Eskaler den først.',
    escalation_not_movable:
      'Bare en sendt tråd til den ordinære kanalen for en hendelse på sikkerhetssiden kan flyttes til sikkerhetskanalen.',
    no_municipality_contacts: 'Ingen av de valgte kommunene har registrerte kontaktpersoner å skrive til.',
    unknown_assignee: 'Saksbehandleren finnes ikke, er deaktivert eller har bare lesetilgang.',
    unknown_group: 'Gruppen finnes ikke eller er arkivert.',
    assignee_not_in_group: 'Saksbehandleren er ikke medlem av gruppen. Velg et medlem, eller ingen saksbehandler.',
  },
  errorFields: { unknown_assignee: 'assigneeId', unknown_group: 'groupId', assignee_not_in_group: 'assigneeId' },
  // Merging and moving both name another incident by reference, each in a field of its own.
  formErrorFields: {
    merge: {
      incident_not_found: 'other',
      merge_with_itself: 'other',
      already_merged: 'other',
      track_mismatch: 'other',
      environment_mismatch: 'other',
      correction_on_resolved: 'other',
    },
    move: { incident_not_found: 'target', environment_mismatch: 'target', correction_on_resolved: 'target' },
  },
  fields: {
    body: { label: 'Melding', message: 'Skriv meldingen (høyst 10 000 tegn).' },
    consumerIds: { label: 'Kommuner', message: 'Velg blant kommunene som er berørt av hendelsen.' },
    message: {
      label: 'Melding til konsumentene',
      message: 'Skriv hva som var galt og hva som er gjort, eller velg et svar fra kunnskapsbasen.',
    },
    reportIds: { label: 'Meldinger', message: 'Kryss av for minst én melding i denne hendelsen.' },
    reason: { label: 'Begrunnelse', message: 'Skriv hvorfor du trenger originalteksten (3–500 tegn).' },
    target: { label: 'Hendelse', message: 'Skriv referansen til en hendelse, for eksempel KS-2025-0042.' },
    other: { label: 'Hendelse', message: 'Skriv referansen til en hendelse, for eksempel KS-2025-0042.' },
    title: { label: 'Tittel', message: 'Tittelen kan ha høyst 200 tegn.' },
    assigneeId: { label: 'Saksbehandler', message: 'Velg en aktiv bruker, eller ingen.' },
    groupId: { label: 'Gruppe', message: 'Velg en aktiv gruppe, eller ingen.' },
  },
};

export const ESCALATION_TEXTS = { title: (reference: string) => `Eskaler ${reference}` };

export const REVEAL_TEXTS = {
  title: (reference: string) => `Originaltekst for ${reference}`,
  fields: {
    title: 'Tittel',
    description: 'Beskrivelse',
    errorCode: 'Feilkode',
    correlationId: 'Korrelasjons-ID',
    vendorInvolved: 'Leverandør',
    reporterName: 'Innmelder',
  } as Record<string, string>,
};

/** The report form's fields in form order, with what a correct value looks like. */
export const REPORT_FIELDS = {
  service: { label: 'Tjeneste', message: 'Velg tjenesten det gjelder.' },
  environment: { label: 'Miljø', message: 'Velg om det gjelder produksjon eller test.' },
  category: { label: 'Hva slags melding', message: 'Velg hva slags melding dette er.' },
  title: { label: 'Kort tittel', message: 'Skriv en kort tittel (høyst 300 tegn).' },
  description: { label: 'Hva skjedde', message: 'Beskriv hva som skjedde (høyst 20 000 tegn).' },
  occurredAt: { label: 'Når startet det', message: 'Oppgi tidspunktet som dato og klokkeslett, ikke senere enn nå.' },
  errorCode: { label: 'Feilkode', message: 'Feilkoden kan ha høyst 100 tegn.' },
  httpStatus: { label: 'HTTP-status', message: 'HTTP-status er et tall mellom 100 og 599, for eksempel 503.' },
  correlationId: { label: 'Korrelasjons-ID', message: 'Korrelasjons-ID-en kan ha høyst 200 tegn.' },
  hasWorkedBefore: { label: 'Har det virket før', message: 'Svar ja, nei eller vet ikke.' },
  vendorInvolved: { label: 'Fagsystemleverandør', message: 'Leverandørens navn kan ha høyst 200 tegn.' },
};

/** Staff fill in who called or wrote first, then the checklist. */
export const STAFF_REPORT_FIELDS = {
  consumerId: { label: 'Konsument', message: 'Velg konsumenten meldingen gjelder.' },
  channel: { label: 'Kanal', message: 'Velg om meldingen kom på telefon eller e-post.' },
  reporterName: { label: 'Innmelderens navn', message: 'Skriv navnet på den som meldte fra (høyst 200 tegn).' },
  reporterEmail: {
    label: 'Innmelderens e-postadresse',
    message: 'Skriv en gyldig e-postadresse, for eksempel ola.nordmann@kommune.no.',
  },
  ...REPORT_FIELDS,
};

const REPORT_FORM_ERRORS = {
  unknown_service: 'Tjenesten finnes ikke i gjeldende versjon av Bilag 2. Velg en tjeneste fra listen.',
  idempotency_key_reused:
    'Dette skjemaet er allerede sendt med annet innhold. Vi har laget et nytt skjema med det du skrev; send det på nytt.',
  consumer_choice_unknown: 'Fant ikke konsumenten. Velg en fra listen.',
  unknown_consumer: 'Ingen konsument med dette organisasjonsnummeret er registrert.',
};

export const PORTAL_REPORT_FORM_TEXTS: PageTexts = {
  errors: { ...REPORT_FORM_ERRORS, idempotency_in_flight: 'Meldingen blir sendt nå. Se listen over meldinger om et øyeblikk.' },
  fields: REPORT_FIELDS,
  errorFields: { unknown_service: 'service' },
};

export const STAFF_REPORT_FORM_TEXTS: PageTexts = {
  errors: { ...REPORT_FORM_ERRORS, idempotency_in_flight: 'Meldingen blir registrert nå. Se hendelsene om et øyeblikk.' },
  fields: STAFF_REPORT_FIELDS,
  errorFields: { unknown_service: 'service', consumer_choice_unknown: 'consumerId' },
};

export const REPORT_FORM_TEXTS = {
  portalTitle: 'Ny feil- eller avviksmelding',
  staffTitle: 'Registrer feil- eller avviksmelding',
  listTitle: 'Meldinger',
  reportTitle: (reference: string) => `Melding ${reference}`,
  staffChannels: { phone: 'Telefon', email: 'E-post' },
};

const municipalities = (n: number) => countOf(n, { one: 'kommune', other: 'kommuner' });

/** "Kjent feil": a problem KS already knows of, shown while a report is written and on the report. */
export const KNOWN_INCIDENT_TEXTS = {
  heading: 'Kjent feil',
  summary: (reference: string, count: number, escalated: boolean) =>
    escalated
      ? `KS har meldt dette til Skatteetaten (${reference}), ${municipalities(count)} berørt`
      : `KS kjenner til feilen (${reference}), ${municipalities(count)} berørt`,
  title: (title: string) => `Gjelder: ${title}`,
  join: 'Vi er også berørt',
  joinHelp: 'Er dette samme feil som dere har, trenger dere ikke skrive mer. Meldingen deres legges til den kjente feilen.',
  alreadyAffected:
    'Dere har allerede meldt at dere er berørt av denne feilen. Har dere noe nytt å fortelle om den, skriver dere det til KS i meldingen dere sendte (under «Meldinger»), så havner det hos den kjente feilen. En ny melding blir vurdert for seg.',
  joined: (reference: string) => `Dere er registrert som berørt av ${reference}. Dere får beskjed når feilen er løst.`,
  alreadyJoined: (reference: string) => `Dere var allerede registrert som berørt av ${reference}. Ingen ny melding er lagt til.`,
  /** The same box on the staff form, where KS registers a report for a municipality. */
  staff: {
    join: 'Kommunen er også berørt',
    joinHelp:
      'Er dette samme feil som kommunen melder om, trenger du ikke skrive mer. Meldingen legges til den kjente feilen for kommunen.',
    alreadyAffected: 'Kommunen har allerede meldt at den er berørt av denne feilen.',
  },
};

/** The incident's conversation: who each message is between, as a heading over it. */
export const CONVERSATION_TEXTS = {
  fromSkatteetaten: (from: string) => `Svar fra Skatteetaten (${from})`,
  toSkatteetaten: 'Til Skatteetaten',
  toMunicipalities: (names: string[], addresses: number) =>
    `Til ${names.length ? names.join(', ') : 'de berørte kommunene'} (${countOf(addresses, COUNTED_NOUNS.address)})`,
  fromMunicipality: (name: string, channel: MessageChannel) => `Fra ${name || 'kommunen'} (${MESSAGE_CHANNEL_PHRASES[channel]})`,
  internal: 'Internt notat',
  fromKs: 'Fra KS',
  fromUs: (channel: MessageChannel) => `Fra dere (${MESSAGE_CHANNEL_PHRASES[channel]})`,
};

/** How an answer from a municipality came, as said in brackets after who wrote it. */
export const MESSAGE_CHANNEL_PHRASES: Record<MessageChannel, string> = {
  portal: 'i portalen',
  email: 'e-post',
  api: 'via API',
  desk: 'registrert av KS',
};

/** The portal report page: messages with KS, the reply form and reopening. */
export const PORTAL_REPORT_TEXTS: PageTexts = {
  errors: {
    report_not_found: 'Fant ikke meldingen.',
    incident_not_resolved: 'Meldingen er ikke løst, så den er allerede åpen.',
    reopen_window_closed: 'Fristen for å gjenåpne meldingen er ute. Send en ny melding.',
    unknown_assignee: 'Saksbehandleren finnes ikke, er deaktivert eller har bare lesetilgang.',
    unknown_group: 'Gruppen finnes ikke eller er arkivert.',
    assignee_not_in_group: 'Saksbehandleren er ikke medlem av gruppen. Velg et medlem, eller ingen saksbehandler.',
  },
  errorFields: { unknown_assignee: 'assigneeId', unknown_group: 'groupId', assignee_not_in_group: 'assigneeId' },
  fields: { body: { label: 'Svar til KS', message: 'Skriv svaret (høyst 10 000 tegn).' } },
};

export const PORTAL_REPORT_DONE_TEXTS: Record<string, string> = {
  replied: 'Svaret er sendt til KS.',
  'replied-masked':
    'Svaret er sendt til KS. Noe som lignet et fødselsnummer eller D-nummer er fjernet fra teksten før lagring. Ikke send personopplysninger om skattytere.',
  reopened: 'Meldingen er åpnet igjen. KS har fått beskjed.',
};

/** A security case's checklist, as staff and the evidence export name it. */
export const SECURITY_STEP_TEXTS = {
  skeCalled: (name?: string, at?: string) => `Skatteetaten er ringt (${name ?? 'ukjent'}${at ? `, ${at}` : ''})`,
  municipalityInformed: () => 'Kommunen er kjent med plikten til å melde avviket til Datatilsynet innen 72 timer',
  containment: (text?: string) => `Begrenset: ${text ?? ''}`,
};

export const SECURITY_CASE_NAV: NavSection[] = [
  { menu: 'staff', label: 'Sikkerhetssaker', href: '/security-cases', order: 25, permission: 'incident.read' },
];

export const SECURITY_CASE_TEXTS = {
  listTitle: 'Sikkerhetssaker',
  caseTitle: (reference: string) => `Sikkerhetssak ${reference}`,
  evidenceTitle: (reference: string) => `Dokumentasjon for sikkerhetssak ${reference}`,
  restricted: 'Bare sikkerhetsrollen og administratorer kan se innholdet.',
  restrictedTitle: 'Sikkerhetssak (innholdet er skjermet)',
  left: (time: string) => `${time} igjen`,
  overdue: (time: string) => `${time} over fristen`,
};

export const SECURITY_STATE_LABELS = {
  running: 'Løper',
  warning: 'Fristen nærmer seg',
  overdue: 'Fristen er ute',
  done: 'Sjekklisten er fullført',
} as const;
export const SECURITY_STATE_COLOURS = { running: 'info', warning: 'warning', overdue: 'danger', done: 'success' } as const;

/** The checklist in the order staff work through it. */
export const SECURITY_CHECKLIST_LABELS = {
  skeCalled: 'Skatteetaten er ringt (straks ved kritiske hendelser)',
  municipalityInformed: 'Kommunen er kjent med plikten til å melde avviket til Datatilsynet innen 72 timer',
  containment: 'Tiltak for å begrense skaden (for eksempel å trekke tilbake nøkler)',
} as const;

export const SECURITY_CASE_DONE_TEXTS: Record<string, string> = { recorded: 'Sjekklisten er oppdatert.' };

export const SECURITY_CASE_PAGE_TEXTS: PageTexts = {
  errors: {
    security_case_not_found: 'Fant ingen sikkerhetssak for denne hendelsen.',
    security_case_restricted: 'Bare sikkerhetsrollen og administratorer kan se innholdet i en sikkerhetssak.',
  },
  fields: {
    item: { label: 'Punkt', message: 'Velg et punkt på sjekklisten.' },
    calledName: { label: 'Hvem svarte', message: 'Skriv hvem hos Skatteetaten du snakket med.' },
    calledAt: { label: 'Når ringte du', message: 'Oppgi når du ringte, som dato og klokkeslett (ikke fram i tid).' },
    text: { label: 'Hva ble gjort', message: 'Skriv hva som ble gjort for å begrense skaden (høyst 2000 tegn).' },
  },
};

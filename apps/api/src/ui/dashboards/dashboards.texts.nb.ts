import type { OnboardingStep } from '@domain/consumers';
import type { AgeBucket, IncidentStatus, ReportCategory } from '@domain/incidents';
import type { TicketCategory, TicketStatus } from '@domain/support';

import type { NavSection } from '../shared/navigation';

export const DASHBOARD_NAV: NavSection[] = [
  { menu: 'staff', label: 'Statistikk', href: '/statistics', order: 15, permission: 'dashboard.read' },
];

export const DASHBOARD_TEXTS = {
  title: 'Statistikk',
  intro: (weeks: number) =>
    `Tall for de siste ${weeks} ukene og for det som er åpent nå. Ukene går fra mandag til søndag, norsk tid. Hvert diagram har en tabell med de samme tallene.`,
  showTable: 'Vis tallene som tabell',
  chartFallback: 'Diagrammet vises ikke. Tallene står i tabellen.',
  total: 'Sum',
  nothingYet: 'Ingen tall ennå.',
  /** Week 47 of a year; `days` is the Monday to Sunday it spans, written out. */
  week: (n: number) => `Uke ${n}`,
  weekWithDays: (n: number, days: string) => `Uke ${n} (${days})`,
  others: 'Andre',
  /** A figure that does not apply (a notice that asks for no work has no "ready"). */
  notApplicable: 'Ikke aktuelt',
};

/** Each panel's heading, what it shows and the table's first column. */
export const PANEL_TEXTS = {
  reportsByService: {
    title: 'Meldinger per uke etter tjeneste',
    intro:
      'Feil- og avviksmeldinger fra kommunene, fordelt på tjenesten de gjelder. De fem tjenestene med flest meldinger vises hver for seg.',
    corner: 'Uke',
  },
  reportsByCategory: {
    title: 'Meldinger per uke etter kategori',
    intro: 'De samme meldingene, fordelt på feil, avvik i data, sikkerhetshendelser og personvernavvik.',
    corner: 'Uke',
  },
  openIncidents: {
    title: 'Åpne hendelser etter status og alder',
    intro: 'Hendelser som ikke er løst eller lukket, etter hvor lenge siden den første meldingen kom.',
    corner: 'Åpen i',
  },
  escalations: {
    title: 'Eskaleringer til Skatteetaten per uke',
    intro: 'Hendelser KS har meldt til Skatteetaten, i uken eskaleringen ble startet.',
    corner: 'Uke',
  },
  onboarding: {
    title: 'Påkobling',
    intro:
      'Konsumentene i registeret (uten avsluttede), hver talt én gang etter hvor langt den har kommet med minst én tjeneste. «Nådd» teller også dem som har kommet lenger.',
    corner: 'Steg',
    reached: 'Nådd',
    furthest: 'Står her nå',
    registered: 'Registrert',
  },
  mostOpen: {
    title: 'Kommuner med flest åpne hendelser',
    intro: 'Konsumentene som har meldt om flest hendelser som fortsatt er åpne, og hvor mange meldinger de har sendt om dem.',
    corner: 'Konsument',
    incidents: 'Åpne hendelser',
    reports: 'Meldinger i dem',
  },
  notices: {
    title: 'Kvittering på endringsvarsler',
    intro:
      'De siste sendte endringsvarslene: hvor stor del av konsumentene som har bekreftet at de har lest varselet, og at de er klare for endringen. En konsument teller når én av kontaktpersonene har bekreftet.',
    corner: 'Varsel',
    consumers: 'Konsumenter',
    read: 'Lest',
    ready: 'Klar',
    share: (count: string, percent: string) => `${count} (${percent})`,
  },
};

/** The support panels' words; the statuses and categories as the ticket pages name them. */
export const TICKET_PANEL_TEXTS = {
  openTickets: {
    title: 'Åpne henvendelser etter status og alder',
    intro: 'Henvendelser som ikke er løst eller lukket, etter hvor lenge siden de kom inn.',
    corner: 'Åpen i',
  },
  slaCompliance: {
    title: 'Tjenestenivå per uke',
    intro:
      'Hvor stor del av de første svarene og løsningene som kom innen fristen for henvendelsens prioritet, i uken de kom. Fristene regnes i åpningstiden og står stille mens henvendelsen venter på kommunen.',
    corner: 'Uke',
    firstResponse: 'Første svar',
    resolution: 'Løsning',
    share: (kept: string, total: string, percent: string) => `${kept} av ${total} (${percent})`,
  },
  ticketsByService: {
    title: 'Henvendelser per uke etter tjeneste',
    intro: 'Spørsmål fra kommunene, fordelt på tjenesten de gjelder. De fem tjenestene med flest henvendelser vises hver for seg.',
    corner: 'Uke',
    noService: 'Uten tjeneste',
  },
  ticketsByCategory: {
    title: 'Henvendelser per uke etter hva de gjelder',
    intro: 'De samme henvendelsene, fordelt på hva de gjelder.',
    corner: 'Uke',
  },
};

/** The knowledge base's deflection: the rate is defined here, once, in the words the panel uses. */
export const KNOWLEDGE_PANEL_TEXTS = {
  deflectionRate: {
    title: 'Løst av kunnskapsbasen per uke',
    intro:
      'Avvisningsraten er andelen av utfylte skjemaer som ble løst av et forslag: antall skjemaer der kommunen trykket «Dette løste saken» på en artikkel, delt på antall skjemaer som fikk vist minst ett forslag. Skjemaene er feilmeldingsskjemaet og «Still et spørsmål» i portalen; hvert skjema telles én gang, i uken det første gang fikk forslag.',
    corner: 'Uke',
    rate: 'Avvisningsrate',
    share: (helped: string, shown: string, percent: string) => `${helped} av ${shown} (${percent})`,
  },
  topArticles: {
    title: 'Artiklene som løste flest saker',
    intro:
      'Artiklene i kunnskapsbasen som oftest fikk en kommune til å trykke «Dette løste saken» i stedet for å sende skjemaet, de siste ukene. «Vist» er hvor mange skjemaer artikkelen ble foreslått i.',
    corner: 'Artikkel',
    helped: 'Løste saken',
    shown: 'Vist',
    rate: 'Andel',
  },
};

export const TICKET_STATUS_LABELS: Partial<Record<TicketStatus, string>> = {
  new: 'Ny',
  open: 'Åpen',
  waiting_on_consumer: 'Venter på kommunen',
  waiting_on_skatteetaten: 'Venter på Skatteetaten',
};

export const TICKET_CATEGORY_LABELS: Record<TicketCategory, string> = {
  access: 'Tilgang og påkobling',
  data: 'Innholdet i dataene',
  legal: 'Hjemmel og rettigheter',
  technical: 'Teknisk',
  other: 'Annet',
};

export const AGE_LABELS: Record<AgeBucket, string> = {
  'under-1-day': 'Under 1 dag',
  '1-6-days': '1–6 dager',
  '7-29-days': '7–29 dager',
  '30-days-or-more': '30 dager eller mer',
};

export const STATUS_LABELS: Partial<Record<IncidentStatus, string>> = { new: 'Ny', triaged: 'Vurdert', escalated: 'Eskalert' };

export const CATEGORY_LABELS: Record<ReportCategory, string> = {
  incident: 'Feil',
  deviation: 'Avvik i data',
  security: 'Sikkerhetshendelse',
  privacy: 'Personvernavvik',
};

export const ESCALATION_KIND_LABELS: Record<string, string> = { ordinary: 'Ordinære', security: 'Sikkerhet og personvern' };

export const STEP_LABELS: Record<OnboardingStep, string> = {
  requested: 'Bestilt',
  qualified: 'Kvalifisert',
  'readiness-tested': 'Klartestet',
  connected: 'Påkoblet',
};

export const SUMMARY_TEXTS = {
  inWeeks: (counted: string, weeks: number) => `${counted} de siste ${weeks} ukene.`,
  open: (counted: string) => `${counted} nå.`,
  connected: (connected: string, registered: string) => `${connected} av ${registered} er påkoblet med minst én tjeneste.`,
  mostOpen: (name: string, counted: string) => `Flest: ${name} med ${counted}.`,
  latestNotice: (read: string, consumers: string) => `Siste varsel: ${read} av ${consumers} har lest det.`,
  deflectionRate: (percent: string, helped: string, shown: string, weeks: number) =>
    `De siste ${weeks} ukene: avvisningsrate ${percent} (${helped} av ${shown} med forslag ble løst uten å sendes).`,
  topArticle: (title: string, helped: string) => `Flest: «${title}», som løste ${helped}.`,
  /** A share is null when no such clock stopped in the weeks. */
  slaCompliance: (firstResponse: string | null, resolution: string | null, weeks: number) =>
    `De siste ${weeks} ukene: ${[firstResponse && `${firstResponse} av de første svarene`, resolution && `${resolution} av løsningene`]
      .filter(Boolean)
      .join(' og ')} innen fristen.`,
};

import type { PageTexts } from '../shared/form-errors';
import type { NavSection } from '../shared/navigation';

export const HOME_NAV: NavSection[] = [
  { menu: 'staff', label: 'Oversikt', href: '/', order: 10, exact: true, permission: 'incident.read' },
];

export const HOME_TEXTS = {
  title: 'Oversikt',
  open: 'Åpne hendelser',
  criticalOrHigh: 'Kritiske eller høye (satt eller foreslått)',
  escalated: 'Eskalert og ikke løst',
  awaitingTriage: 'Venter på vurdering',
  proposals: 'Forslag om sammenslåing',
  securityDeadlines: 'Sikkerhetssaker med frist',
  securityDeadline: (reference: string) => `${reference}: fristen på 72 timer går ut`,
  securityOverdue: (reference: string) => `${reference}: fristen på 72 timer gikk ut`,
};

/** The checklist of a new installation, shown on the overview until each step is done. */
export const GETTING_STARTED_TEXTS = {
  heading: 'Kom i gang',
  intro: 'Segmentdesken er klar. Disse stegene gjør den i stand til å ta imot meldinger fra kommunene.',
  done: 'Ferdig',
  notDone: 'Ikke gjort',
  steps: {
    catalogue: { label: 'Publiser Bilag 2 (tjenestekatalogen)', href: '/catalogue' },
    consumer: { label: 'Registrer den første konsumenten (kommunen)', href: '/consumers/new' },
    report: { label: 'Ta imot den første meldingen', href: '/incidents/reports/new' },
  },
  demoHeading: 'Vil du se hvordan det ser ut i bruk?',
  demoIntro:
    'Last inn demonstrasjonsdata: Bilag 2, nesten to hundre kommuner med oppdiktede kontaktpersoner og API-nøkler, og flere hundre syntetiske meldinger med sine opprinnelige tidspunkter, gruppert til hendelser. Det tar inntil et minutt.',
  demoButton: 'Last inn demonstrasjonsdata',
};

export const HOME_DONE_TEXTS: Readonly<Record<string, string>> = {
  demo: 'Demonstrasjonsdataene er lastet inn. Se hendelseskøen, forslagene om sammenslåing og Sendt e-post.',
};

export const HOME_PAGE_TEXTS: PageTexts = {
  errors: {
    demo_refused:
      'Demonstrasjonsdata lastes bare inn i en ny installasjon. Konsumentregisteret har allerede konsumenter som ikke hører til demonstrasjonen.',
  },
};

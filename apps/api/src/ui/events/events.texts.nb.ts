import type { NavSection } from '../shared/navigation';

export const EVENTS_NAV: NavSection[] = [
  { menu: 'staff', label: 'Bakgrunnsjobber', href: '/events', order: 75, permission: 'domain-event.read' },
];

export const EVENTS_TITLE = 'Bakgrunnsjobber';

export const EVENTS_COLUMNS = { created: 'Laget', type: 'Hva skjedde', status: 'Status', attempts: 'Forsøk', error: 'Siste feil' };

export const EVENT_STATUS_TEXTS = { pending: 'Venter', processing: 'Behandles', done: 'Ferdig', failed: 'Feilet' } as const;

/** What each kind of event means to a reader; an unknown type is shown as its code. */
export const EVENT_TYPE_TEXTS: Record<string, string> = {
  'catalogue.version-published': 'Ny versjon av Bilag 2 publisert (utkast til endringsvarsel)',
};

export const EVENTS_DONE_TEXTS = { retried: 'Bakgrunnsjobben er satt i kø og prøves igjen straks.' };

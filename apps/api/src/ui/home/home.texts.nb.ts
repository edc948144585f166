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
};

import { HOME_TEXTS } from './home.texts.nb';

export interface IncidentOverview {
  open: number;
  criticalOrHigh: number;
  escalated: number;
  awaitingTriage: number;
  proposals: number;
}

/** The overview's cards; each opens the incident queue filtered to exactly what it counts, coloured when it needs attention. */
export function homeViewModel(n: IncidentOverview) {
  return {
    title: HOME_TEXTS.title,
    cards: [
      { label: HOME_TEXTS.open, value: n.open, href: '/incidents', color: 'neutral' },
      {
        label: HOME_TEXTS.criticalOrHigh,
        value: n.criticalOrHigh,
        href: '/incidents?severity=critical%2Chigh',
        color: n.criticalOrHigh ? 'danger' : 'neutral',
      },
      { label: HOME_TEXTS.escalated, value: n.escalated, href: '/incidents?status=escalated', color: 'neutral' },
      {
        label: HOME_TEXTS.awaitingTriage,
        value: n.awaitingTriage,
        href: '/incidents?status=new',
        color: n.awaitingTriage ? 'warning' : 'neutral',
      },
      { label: HOME_TEXTS.proposals, value: n.proposals, href: '/incidents#proposals', color: n.proposals ? 'info' : 'neutral' },
    ],
  };
}

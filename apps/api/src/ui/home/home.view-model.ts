import { GETTING_STARTED_TEXTS, HOME_DONE_TEXTS, HOME_TEXTS } from './home.texts.nb';

export interface IncidentOverview {
  open: number;
  criticalOrHigh: number;
  escalated: number;
  awaitingTriage: number;
  proposals: number;
}

/** How far a new installation has come: each step of the checklist done or not, and whether the viewer may load the demonstration. */
export interface InstallationProgress {
  catalogue: boolean;
  consumer: boolean;
  report: boolean;
  mayLoadDemo: boolean;
}

/** The checklist until every step is done; the demonstration only on an empty registry and history. */
function gettingStarted(p: InstallationProgress) {
  if (p.catalogue && p.consumer && p.report) return undefined;
  const T = GETTING_STARTED_TEXTS;
  return {
    ...T,
    steps: (['catalogue', 'consumer', 'report'] as const).map((key) => ({
      ...T.steps[key],
      done: p[key],
      state: p[key] ? T.done : T.notDone,
    })),
    offerDemo: p.mayLoadDemo && !p.consumer && !p.report,
  };
}

/** The overview's cards; each opens the incident queue filtered to exactly what it counts, coloured when it needs attention. */
/** A security case whose checklist is not done: its deadline, soonest first, on the overview. */
export interface SecurityDeadline {
  incidentId: string;
  reference: string;
  deadline: Date;
  state: 'running' | 'warning' | 'overdue' | 'done';
}

export function homeViewModel(n: IncidentOverview, progress?: InstallationProgress, done?: string, security: SecurityDeadline[] = []) {
  return {
    title: HOME_TEXTS.title,
    securityHeading: HOME_TEXTS.securityDeadlines,
    securityDeadlines: security
      .filter((c) => c.state !== 'done')
      .sort((a, b) => a.deadline.getTime() - b.deadline.getTime())
      .map((c) => ({
        href: `/security-cases/${c.incidentId}`,
        text: c.state === 'overdue' ? HOME_TEXTS.securityOverdue(c.reference) : HOME_TEXTS.securityDeadline(c.reference),
        deadline: c.deadline,
        color: c.state === 'running' ? 'info' : 'danger',
      })),
    done: HOME_DONE_TEXTS[done ?? ''],
    gettingStarted: progress && gettingStarted(progress),
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

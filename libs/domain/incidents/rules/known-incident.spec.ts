import { isKnownIncident, type KnownIncidentCandidate, pickKnownIncident } from './known-incident';
import type { MatchDecision } from './match-report';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 10, 8, minutes));
const incident = (id: string, patch: Partial<KnownIncidentCandidate> = {}): KnownIncidentCandidate => ({
  id,
  track: 'ordinary',
  side: 'undetermined',
  escalated: false,
  consumerCount: 3,
  lastSeenAt: at(0),
  ...patch,
});
const attach = (incidentId: string, runnerUp?: string): MatchDecision => ({
  action: 'attach',
  incidentId,
  score: 0.8,
  confidence: 'likely',
  reasons: [],
  runnerUp: runnerUp ? { incidentId: runnerUp, score: 0.5, reasons: [] } : null,
});
const open: MatchDecision = { action: 'open', incidentId: null, score: 0.1, confidence: 'new', reasons: [], runnerUp: null };

describe('isKnownIncident', () => {
  it.each<[string, Partial<KnownIncidentCandidate>, boolean]>([
    ['reported by several municipalities', { consumerCount: 2 }, true],
    ['reported by one municipality', { consumerCount: 1 }, false],
    ['escalated, though reported by one', { consumerCount: 1, escalated: true }, true],
    ['answered as a local problem', { side: 'local', consumerCount: 5 }, false],
    ['a security case', { track: 'security', side: 'security', escalated: true }, false],
    ['on Skatteetaten’s side', { side: 'ske', consumerCount: 2 }, true],
  ])('%s: %s', (_, patch, expected) => {
    expect(isKnownIncident(incident('a', patch))).toBe(expected);
  });
});

describe('pickKnownIncident', () => {
  const wide = incident('wide', { consumerCount: 24 });
  const escalated = incident('escalated', { consumerCount: 2, escalated: true });
  const narrow = incident('narrow', { consumerCount: 2, lastSeenAt: at(30) });
  const lone = incident('lone', { consumerCount: 1 });

  it.each<[string, KnownIncidentCandidate[], MatchDecision | null, string | null]>([
    ['none open', [], null, null],
    ['only one municipality’s own', [lone], attach('lone'), null],
    ['grouping attaches to a known one', [wide, narrow], attach('narrow'), 'narrow'],
    ['grouping attaches to an unknown one, its runner-up is known', [lone, narrow, wide], attach('lone', 'narrow'), 'narrow'],
    ['grouping opens a new one: escalated first', [wide, escalated], open, 'escalated'],
    ['no decision: the most municipalities', [narrow, wide], null, 'wide'],
    ['same breadth: the most recently active', [incident('older', { consumerCount: 2 }), narrow], null, 'narrow'],
  ])('%s', (_, candidates, decision, expected) => {
    expect(pickKnownIncident(candidates, decision)).toBe(expected);
  });
});

import type { IncidentSnapshot, ReportFacts } from './match-report';
import { incidentOf, reportFactory } from './matching-fixtures';
import { proposeMerges } from './merge-incidents';

const { rep } = reportFactory('2026-03-25T06:30:00Z', 'm');
const incident = incidentOf;

/** One municipality's bare 403 with no stated cause: could be its own mistake, or the provider's. */
const bare403 = (id: string, minutes: number, consumer: string, extra: Partial<ReportFacts> = {}): IncidentSnapshot =>
  incident(id, [rep(minutes, consumer, 'Forbidden ved oppslag', 'Vi får 403 Forbidden når vi henter skattegrunnlag.', { httpStatus: 403, errorCode: 'SSG-008', ...extra })]);

/** One municipality stating its own cause: missing Altinn delegation. */
const delegation403 = (id: string, minutes: number, consumer: string): IncidentSnapshot =>
  incident(id, [rep(minutes, consumer, 'Mangler rettighet', 'Vi får 403. Vi har nettopp tatt i bruk tjenesten og har kanskje ikke delegert i Altinn.', { httpStatus: 403, errorCode: 'SSG-008' })]);

const outageA = incident('outage-a', [
  rep(0, 'A', 'Summert skattegrunnlag svarer ikke', 'Alle kall feiler med 503 Service Unavailable. Feilkode SSG-007.', { httpStatus: 503, errorCode: 'SSG-007' }),
  rep(20, 'C', 'SSG nede?', 'Alle kall mot summert skattegrunnlag feiler med 503, feilkode SSG-007.', { httpStatus: 503 }),
]);
const outageB = incident('outage-b', [
  rep(6, 'B', 'Summert skattegrunnlag API returning 503', 'HTTP 503 with errorCode SSG-007 on every call to the production endpoint.', { httpStatus: 503, errorCode: 'SSG-007' }),
  rep(12, 'D', 'Summert skattegrunnlag er nede', 'Alle kall endar med 503, feilkode SSG-007.', { httpStatus: 503, errorCode: 'SSG-007' }),
]);

interface Case {
  name: string;
  incidents: IncidentSnapshot[];
  /** expected certain merges as "merged→survivor" */
  certain: string[];
}

const cases: Case[] = [
  {
    name: 'three municipalities with the same bare 403 at once are one provider-side incident',
    incidents: [bare403('x1', 0, 'A'), bare403('x2', 20, 'B'), bare403('x3', 45, 'C')],
    certain: ['x2→x1', 'x3→x1'],
  },
  {
    name: 'two municipalities with the same bare 403 may be two local mistakes',
    incidents: [bare403('x1', 0, 'A'), bare403('x2', 20, 'B')],
    certain: [],
  },
  {
    name: 'the same bare 403 spread over a day is not a burst',
    incidents: [bare403('x1', 0, 'A'), bare403('x2', 5 * 60, 'B'), bare403('x3', 10 * 60, 'C')],
    certain: [],
  },
  {
    name: 'a stated local cause is never merged, however many share it',
    incidents: [delegation403('d1', 0, 'A'), delegation403('d2', 10, 'B'), delegation403('d3', 20, 'C'), delegation403('d4', 30, 'D')],
    certain: [],
  },
  {
    name: 'a local-looking early report joins the provider-side wave once the wave is clear',
    incidents: [
      bare403('early', 0, 'A'),
      incident('wave', [
        rep(5, 'B', 'SSG-008 på alle kall', 'Fra i morges får vi 403 med SSG-008 på alle oppslag. Vi har ikke endret noe.', { httpStatus: 403, errorCode: 'SSG-008' }),
        rep(9, 'C', '403 på alle oppslag', 'Alle oppslag vert avviste med SSG-008.', { httpStatus: 403, errorCode: 'SSG-008' }),
      ]),
    ],
    certain: ['wave→early'],
  },
  {
    name: 'an outage split early converges into the older incident',
    incidents: [outageA, outageB],
    certain: ['outage-b→outage-a'],
  },
  {
    name: 'the same outage in another environment is never merged',
    incidents: [outageA, incident('outage-test', outageB.recentReports.map((r) => ({ ...r, id: `${r.id}t`, environment: 'test' as const })))],
    certain: [],
  },
  {
    name: 'security cases are never merged automatically',
    incidents: [
      incident('s1', [rep(0, 'A', 'Phishing', 'Ansatte har fått phishing-e-post om å fornye API-tilgang.', { category: 'security' })]),
      incident('s2', [rep(10, 'B', 'Phishing', 'Ansatte har fått phishing-e-post om å fornye API-tilgang.', { category: 'security' })]),
    ],
    certain: [],
  },
  {
    name: 'outages on different services are different problems',
    incidents: [outageA, incident('inntekt', [rep(5, 'E', 'Inntekt svarer ikke', 'Inntekts-APIet gir 503 på alle kall.', { service: 'inntekt', httpStatus: 503 })])],
    certain: [],
  },
  {
    name: 'the same symptom days apart is a recurrence, not one incident',
    incidents: [outageA, incident('later', outageB.recentReports.map((r) => ({ ...r, id: `${r.id}l`, receivedAt: new Date(r.receivedAt.getTime() + 4 * 86_400_000) })))],
    certain: [],
  },
];

describe('proposeMerges', () => {
  it.each(cases)('$name', ({ incidents, certain }) => {
    const proposals = proposeMerges(incidents);
    const applied = proposals.filter((p) => p.certain).map((p) => `${p.mergedId}→${p.survivorId}`).sort();
    expect(applied).toEqual([...certain].sort());
  });

  it('always keeps the older incident as survivor and gives Norwegian reasons', () => {
    for (const p of proposeMerges([outageB, outageA, bare403('x1', 0, 'A'), bare403('x2', 20, 'B'), bare403('x3', 45, 'C')])) {
      const all = [outageA, outageB];
      const survivor = all.find((i) => i.id === p.survivorId);
      const merged = all.find((i) => i.id === p.mergedId);
      if (survivor && merged) expect(survivor.openedAt.getTime()).toBeLessThanOrEqual(merged.openedAt.getTime());
      expect(p.reasons.length).toBeGreaterThan(0);
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBeLessThanOrEqual(1);
    }
  });

  it('merges each incident away at most once per call', () => {
    const proposals = proposeMerges([bare403('x1', 0, 'A'), bare403('x2', 10, 'B'), bare403('x3', 20, 'C'), bare403('x4', 30, 'D')]);
    const merged = proposals.filter((p) => p.certain).map((p) => p.mergedId);
    expect(new Set(merged).size).toBe(merged.length);
    expect(merged).not.toContain('x1');
  });

  it('returns nothing for an empty or single list', () => {
    expect(proposeMerges([])).toEqual([]);
    expect(proposeMerges([outageA])).toEqual([]);
  });
});

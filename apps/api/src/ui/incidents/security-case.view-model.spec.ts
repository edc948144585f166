import type { SecurityCaseDetail, SecurityCaseEvidence, SecurityCaseSummary } from '@domain/incidents';

import { deadlineText, securityCaseListViewModel, securityCaseViewModel, securityEvidenceViewModel } from './security-case.view-model';

const HOUR = 3_600_000;
const summary = (over: Partial<SecurityCaseSummary> = {}): SecurityCaseSummary => ({
  incidentId: 'i1',
  reference: 'KS-2026-0042',
  receivedAt: new Date('2026-12-04T18:30:00Z'),
  deadline: new Date('2026-12-07T18:30:00Z'),
  state: 'running',
  remainingMs: 30 * HOUR,
  readable: true,
  title: 'Personopplysninger til feil mottaker',
  ...over,
});
const detail = (over: Partial<SecurityCaseDetail> = {}): SecurityCaseDetail => ({
  ...summary(),
  title: 'Personopplysninger til feil mottaker',
  critical: false,
  checklist: {},
  required: ['municipalityInformed', 'containment'],
  complete: false,
  warningsSent: [],
  reports: [],
  ...over,
});

describe('the time to a security case deadline', () => {
  it.each<[string, number, string]>([
    ['hours left, rounded towards the deadline', 5.99 * HOUR, '5 timer igjen'],
    ['one hour left', 1.5 * HOUR, '1 time igjen'],
    ['less than an hour left', 0.2 * HOUR, '0 timer igjen'],
    ['at the deadline', 0, '0 timer igjen'],
    ['more than two days left, still in hours', 71 * HOUR, '71 timer igjen'],
    ['a moment over', -1, '1 time over fristen'],
    ['hours begun over', -1.5 * HOUR, '2 timer over fristen'],
    ['just under two days over, in hours', -47 * HOUR, '47 timer over fristen'],
    ['two days over, in days', -48 * HOUR, '2 dager over fristen'],
    ['two and a half days over, in whole days', -60 * HOUR, '2 dager over fristen'],
    ['most of a year over', -7457 * HOUR, '310 dager over fristen'],
    ['years over, with a thousands separator', -1200 * 24 * HOUR, '1\u00a0200 dager over fristen'],
  ])('%s: %s ms is "%s"', (_case, remainingMs, text) => {
    expect(deadlineText(remainingMs).replace(/\s/g, ' ')).toBe(text.replace(/\s/g, ' '));
  });
});

describe('security case view models', () => {
  it.each<[Partial<SecurityCaseSummary>, object]>([
    [{}, { stateLabel: 'Løper', stateColour: 'info', hoursLeftText: '30 timer igjen', href: '/security-cases/i1' }],
    [
      { state: 'warning', remainingMs: 5.99 * HOUR },
      { stateLabel: 'Fristen nærmer seg', hoursLeftText: '5 timer igjen' },
    ],
    [
      { state: 'overdue', remainingMs: -0.5 * HOUR },
      { stateLabel: 'Fristen er ute', stateColour: 'danger', hoursLeftText: '1 time over fristen' },
    ],
    [{ state: 'done' }, { stateLabel: 'Sjekklisten er fullført', hoursLeftText: '' }],
    [
      { readable: false, title: undefined },
      { title: 'Bare sikkerhetsrollen og administratorer kan se innholdet.', href: null },
    ],
  ])('lists a case %j with its deadline in Norwegian', (over, expected) => {
    expect(securityCaseListViewModel([summary(over)]).cases[0]).toMatchObject(expected);
  });

  it('offers a form for each item not done to those who may record it, and shows who did the rest', () => {
    const model = securityCaseViewModel(
      detail({ checklist: { municipalityInformed: { by: 'sikkerhet@ks.no', at: '2026-12-04T19:00:00Z' } } }),
      true,
      undefined,
      'recorded',
    );
    expect(model.items.map((i) => [i.item, i.required, i.done, i.form])).toEqual([
      ['skeCalled', false, false, true],
      ['municipalityInformed', true, true, false],
      ['containment', true, false, true],
    ]);
    expect(model.items[1]).toMatchObject({ by: 'sikkerhet@ks.no' });
    expect(model.done).toBe('Sjekklisten er oppdatert.');
    expect(securityCaseViewModel(detail(), false).items.some((i) => i.form)).toBe(false);
  });

  it('writes the evidence timeline in words, with the reveal log', () => {
    const evidence: SecurityCaseEvidence = {
      ...detail(),
      exportedAt: new Date('2026-12-05T10:00:00Z'),
      timeline: [
        {
          at: new Date('2026-12-04T19:00:00Z'),
          actorLabel: 'sikkerhet@ks.no',
          kind: 'security_step',
          details: { item: 'containment', text: 'Nøkkelen er trukket' },
        },
      ],
      personalDataRevealed: [
        { at: new Date('2026-12-04T20:00:00Z'), actorLabel: 'sikkerhet@ks.no', report: 'M-1', reason: 'Avviksmelding' },
      ],
    };
    const model = securityEvidenceViewModel(evidence);
    expect(model.title).toBe('Dokumentasjon for sikkerhetssak KS-2026-0042');
    expect(model.timeline[0].text).toBe('Begrenset: Nøkkelen er trukket');
    expect(model.reveals).toHaveLength(1);
  });
});

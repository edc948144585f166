import { homeViewModel } from './home.view-model';

describe('homeViewModel', () => {
  it('colours only the cards that need attention', () => {
    const quiet = homeViewModel({ open: 3, criticalOrHigh: 0, escalated: 1, awaitingTriage: 0, proposals: 0 });
    expect(quiet.cards.map((c) => c.color)).toEqual(['neutral', 'neutral', 'neutral', 'neutral', 'neutral']);
    const busy = homeViewModel({ open: 9, criticalOrHigh: 2, escalated: 1, awaitingTriage: 4, proposals: 1 });
    expect(busy.cards.map((c) => [c.value, c.color])).toEqual([
      [9, 'neutral'],
      [2, 'danger'],
      [1, 'neutral'],
      [4, 'warning'],
      [1, 'info'],
    ]);
  });

  it('links each card to the queue filtered to what it counts', () => {
    expect(homeViewModel({ open: 0, criticalOrHigh: 0, escalated: 0, awaitingTriage: 0, proposals: 0 }).cards.map((c) => c.href)).toEqual([
      '/incidents',
      '/incidents?severity=critical%2Chigh',
      '/incidents?status=escalated',
      '/incidents?status=new',
      '/incidents#proposals',
    ]);
  });
});

describe('the getting-started checklist', () => {
  const quiet = { open: 0, criticalOrHigh: 0, escalated: 0, awaitingTriage: 0, proposals: 0 };
  const progress = (done: Partial<Record<'catalogue' | 'consumer' | 'report', boolean>>, mayLoadDemo = true) => ({
    catalogue: false,
    consumer: false,
    report: false,
    mayLoadDemo,
    ...done,
  });

  it('links each step to where it is done and says whether it is', () => {
    const start = homeViewModel(quiet, progress({ catalogue: true })).gettingStarted!;
    expect(start.steps.map((s) => [s.href, s.done, s.state])).toEqual([
      ['/catalogue', true, 'Ferdig'],
      ['/consumers/new', false, 'Ikke gjort'],
      ['/incidents/reports/new', false, 'Ikke gjort'],
    ]);
  });

  it.each([
    [{}, true, true],
    [{ catalogue: true }, true, true],
    [{}, false, false],
    [{ consumer: true }, true, false],
    [{ report: true }, true, false],
  ])('with %j done and mayLoadDemo %s offers the demonstration: %s', (done, may, offered) => {
    expect(homeViewModel(quiet, progress(done, may)).gettingStarted!.offerDemo).toBe(offered);
  });

  it('is gone once a catalogue is published and the first consumer and report exist, or when not asked for', () => {
    expect(homeViewModel(quiet, progress({ catalogue: true, consumer: true, report: true })).gettingStarted).toBeUndefined();
    expect(homeViewModel(quiet).gettingStarted).toBeUndefined();
  });

  it('says what was done by its code, and nothing for an unknown code', () => {
    expect(homeViewModel(quiet, undefined, 'demo').done).toContain('Demonstrasjonsdataene er lastet inn');
    expect(homeViewModel(quiet, undefined, 'bogus').done).toBeUndefined();
  });
});

describe('security deadlines on the overview', () => {
  const overview = { open: 0, criticalOrHigh: 0, escalated: 0, awaitingTriage: 0, proposals: 0 } as Parameters<typeof homeViewModel>[0];
  it('lists the cases not done, soonest deadline first, overdue ones said so', () => {
    const model = homeViewModel(overview, undefined, undefined, [
      { incidentId: 'a', reference: 'KS-2026-0002', deadline: new Date('2026-12-08T10:00:00Z'), state: 'running' },
      { incidentId: 'b', reference: 'KS-2026-0001', deadline: new Date('2026-12-06T10:00:00Z'), state: 'overdue' },
      { incidentId: 'c', reference: 'KS-2026-0003', deadline: new Date('2026-12-05T10:00:00Z'), state: 'done' },
    ]);
    expect(model.securityDeadlines.map((d) => [d.href, d.text, d.color])).toEqual([
      ['/security-cases/b', 'KS-2026-0001: fristen på 72 timer gikk ut', 'danger'],
      ['/security-cases/a', 'KS-2026-0002: fristen på 72 timer går ut', 'info'],
    ]);
  });
});

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

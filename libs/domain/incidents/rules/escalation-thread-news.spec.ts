import { type ThreadEvent, untoldReopening, untoldThreadMerges } from './escalation-thread-news';

const NOW = new Date('2030-03-15T12:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const reopened = (m: number): ThreadEvent => ({ kind: 'reopened', at: at(m) });
const followUp = (m: number): ThreadEvent => ({ kind: 'follow_up_sent', at: at(m) });
const toSke = (m: number): ThreadEvent => ({ kind: 'message_sent', at: at(m), details: { audience: 'skatteetaten' } });
const toMunicipalities = (m: number): ThreadEvent => ({ kind: 'message_sent', at: at(m), details: { audience: 'municipalities' } });
const merged = (m: number, from = 'KS-2', skeCaseReference: string | null = null, joined = true): ThreadEvent => ({
  kind: 'escalation_thread_merged',
  at: at(m),
  details: { from, skeCaseReference, joined },
});
const resolved = (m: number): ThreadEvent => ({ kind: 'resolved', at: at(m) });
const movedToSecurityChannel = (m: number): ThreadEvent => ({ kind: 'escalation_moved', at: at(m) });

describe('untoldReopening', () => {
  const threadStarted = at(0);

  it.each<[string, ThreadEvent[], Date | null]>([
    ['never reopened', [followUp(5)], null],
    ['nothing at all', [], null],
    ['reopened after the thread began, nothing sent since', [followUp(5), reopened(10)], at(10)],
    ['reopened twice, the last one counts', [reopened(10), reopened(20)], at(20)],
    ['an update has gone since', [reopened(10), followUp(15)], null],
    ['staff wrote to Skatteetaten since', [reopened(10), toSke(12)], null],
    ['staff wrote only to the municipalities since', [reopened(10), toMunicipalities(12)], at(10)],
    ['reopened before the thread began (no closing message in it)', [reopened(-10)], null],
    ['reopened again after an update that told of the first reopening', [reopened(10), followUp(15), reopened(30)], at(30)],
    ['another thread merged in after the reopening: still untold', [reopened(10), merged(12)], at(10)],
    ['resolved again (the closing message) after the reopening', [reopened(10), resolved(12)], null],
    [
      'moved to the security channel after the reopening: the new first message told everything',
      [reopened(10), movedToSecurityChannel(12)],
      null,
    ],
  ])('%s', (_case, events, expected) => {
    expect(untoldReopening(events, threadStarted)).toEqual(expected);
  });
});

describe('untoldThreadMerges', () => {
  it.each<[string, ThreadEvent[], Array<{ reference: string; skeCaseReference: string | null }>]>([
    ['nothing merged', [followUp(5), reopened(10)], []],
    ['merged in, nothing sent since', [followUp(5), merged(10, 'KS-2', 'SKE-9')], [{ reference: 'KS-2', skeCaseReference: 'SKE-9' }]],
    [
      'two merged in, oldest first',
      [merged(10, 'KS-2'), merged(20, 'KS-3')],
      [
        { reference: 'KS-2', skeCaseReference: null },
        { reference: 'KS-3', skeCaseReference: null },
      ],
    ],
    ['an update has gone since', [merged(10), followUp(15)], []],
    ['staff wrote to Skatteetaten since', [merged(10), toSke(12)], []],
    ['staff wrote only to the municipalities since', [merged(10), toMunicipalities(12)], [{ reference: 'KS-2', skeCaseReference: null }]],
    [
      'one told, one merged after the update',
      [merged(10, 'KS-2'), followUp(15), merged(20, 'KS-3')],
      [{ reference: 'KS-3', skeCaseReference: null }],
    ],
    ['a reopening does not count as telling', [merged(10), reopened(12)], [{ reference: 'KS-2', skeCaseReference: null }]],
    ['the closing message of a resolution told it', [merged(10), resolved(12), reopened(20)], []],
    ['a thread of the other channel, not joined, is never named', [merged(10, 'KS-2', 'SKE-9', false)], []],
    [
      'merged into the ordinary thread before it moved to the security channel: the new thread never had it',
      [merged(10, 'KS-2', 'SKE-9'), movedToSecurityChannel(12)],
      [],
    ],
    ['only the joined one of two', [merged(10, 'KS-2', null, false), merged(12, 'KS-3')], [{ reference: 'KS-3', skeCaseReference: null }]],
  ])('%s', (_case, events, expected) => {
    expect(untoldThreadMerges(events)).toEqual(expected);
  });
});

import {
  canForward,
  canRecordAnswer,
  canSetStatus,
  type ChangeRequestStatus,
  compareByRank,
  mayReadText,
  type MergeCandidate,
  mergeRefusal,
  supportsToMove,
} from './change-request-rules';

describe('change request rules', () => {
  it.each<[ChangeRequestStatus, ChangeRequestStatus, boolean]>([
    ['new', 'assessing', true],
    ['new', 'declined', true],
    ['new', 'forwarded', false],
    ['new', 'answered', false],
    ['assessing', 'new', true],
    ['forwarded', 'done', true],
    ['forwarded', 'new', false],
    ['answered', 'done', true],
    ['declined', 'assessing', true],
    ['declined', 'done', false],
    ['done', 'new', false],
    ['done', 'done', true],
  ])('status %s → %s allowed by hand: %s', (from, to, allowed) => {
    expect(canSetStatus(from, to)).toBe(allowed);
  });

  it.each<[ChangeRequestStatus, boolean, boolean]>([
    ['new', true, false],
    ['assessing', true, false],
    ['forwarded', false, true],
    ['answered', false, true],
    ['declined', false, false],
    ['done', false, false],
  ])('%s: may forward %s, may record an answer %s', (status, forward, answer) => {
    expect(canForward(status)).toBe(forward);
    expect(canRecordAnswer(status)).toBe(answer);
  });

  const req = (over: Partial<MergeCandidate>): MergeCandidate => ({
    id: 'a',
    serviceCode: 's',
    status: 'new',
    mergedIntoId: null,
    ...over,
  });
  it.each<[string, MergeCandidate, MergeCandidate, ReturnType<typeof mergeRefusal>]>([
    ['two new requests on one service', req({ id: 'a' }), req({ id: 'b' }), null],
    ['into a forwarded survivor', req({ id: 'a' }), req({ id: 'b', status: 'forwarded' }), null],
    ['a request into itself', req({ id: 'a' }), req({ id: 'a' }), 'same_request'],
    ['a merged duplicate', req({ id: 'a', mergedIntoId: 'c' }), req({ id: 'b' }), 'already_merged'],
    ['into a merged survivor', req({ id: 'a' }), req({ id: 'b', mergedIntoId: 'c' }), 'already_merged'],
    ['across services', req({ id: 'a' }), req({ id: 'b', serviceCode: 't' }), 'service_mismatch'],
    ['a forwarded duplicate', req({ id: 'a', status: 'forwarded' }), req({ id: 'b' }), 'already_forwarded'],
  ])('merging %s: %s', (_case, duplicate, survivor, refusal) => {
    expect(mergeRefusal(duplicate, survivor)).toBe(refusal);
  });

  it.each<[string, string[], string[], string[]]>([
    ['all move when none overlap', ['x', 'y'], ['z'], ['x', 'y']],
    ['a consumer already supporting stays behind', ['x', 'z'], ['z'], ['x']],
    ['nothing moves into a request every one supports', ['x'], ['x'], []],
    ['a consumer twice in the duplicate moves once', ['x', 'x'], [], ['x']],
  ])('%s', (_case, duplicate, survivor, moved) => {
    const rows = (ids: string[]) => ids.map((consumerId) => ({ consumerId }));
    expect(supportsToMove(rows(duplicate), rows(survivor)).map((s) => s.consumerId)).toEqual(moved);
  });

  it('ranks by supporters, then service area, then age', () => {
    const at = (d: number) => new Date(Date.UTC(2026, 0, d));
    const rows = [
      { id: 'few', supporterCount: 1, serviceArea: 'A', createdAt: at(1) },
      { id: 'many', supporterCount: 3, serviceArea: 'B', createdAt: at(5) },
      { id: 'area-b', supporterCount: 2, serviceArea: 'B', createdAt: at(1) },
      { id: 'area-a-new', supporterCount: 2, serviceArea: 'A', createdAt: at(3) },
      { id: 'area-a-old', supporterCount: 2, serviceArea: 'A', createdAt: at(2) },
      { id: 'no-area', supporterCount: 2, serviceArea: null, createdAt: at(1) },
    ];
    expect([...rows].sort(compareByRank).map((r) => r.id)).toEqual(['many', 'area-a-old', 'area-a-new', 'area-b', 'no-area', 'few']);
  });

  it.each<[string, string | null, boolean, boolean]>([
    ['staff', null, false, true],
    ['the author', 'sub', false, true],
    ['another consumer', 'other', false, false],
    ['another consumer once public', 'other', true, true],
  ])('%s reads the texts: %s/%s → %s', (_case, viewer, isPublic, reads) => {
    expect(mayReadText({ viewerConsumerId: viewer, authorConsumerId: 'sub', isPublic })).toBe(reads);
  });
});

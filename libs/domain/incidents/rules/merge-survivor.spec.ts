import type { Escalation } from '../escalation.entity';
import { escalationRank } from './merge-survivor';

type Thread = Pick<Escalation, 'status' | 'security'> | null;
const thread = (status: Escalation['status'], security: boolean): Thread => ({ status, security });
const ordinary = { track: 'ordinary', side: 'ske' };
const judgedSecurity = { track: 'ordinary', side: 'security' };
const rank = (e: Thread, incident = ordinary) => escalationRank(e, incident);

describe('escalationRank: which incident of a merge goes on', () => {
  it.each<[string, Thread, Thread]>([
    ['a thread beats none', thread('pending', false), null],
    ['a sent thread beats one about to be sent', thread('sent', false), thread('pending', false)],
    ['a security thread beats an ordinary one Skatteetaten has seen', thread('pending', true), thread('sent', false)],
    ['a sent security thread beats one about to be sent', thread('sent', true), thread('pending', true)],
  ])('%s', (_case, winner, loser) => {
    expect(rank(winner)).toBeGreaterThan(rank(loser));
  });

  it.each<[string, Thread, Thread]>([
    ['no thread on either side', null, null],
    ['two sent ordinary threads', thread('sent', false), thread('sent', false)],
    ['two sent security threads', thread('sent', true), thread('sent', true)],
  ])('ties, left to age: %s', (_case, a, b) => {
    expect(rank(a)).toBe(rank(b));
  });

  it('ranks a waiting first message as a security thread once staff judged its incident a security matter', () => {
    expect(rank(thread('pending', false), judgedSecurity)).toBeGreaterThan(rank(thread('sent', false)));
    expect(rank(thread('pending', false), judgedSecurity)).toBe(rank(thread('pending', true)));
  });

  it('keeps a sent ordinary thread ordinary though its incident was judged a security matter afterwards', () => {
    expect(rank(thread('sent', false), judgedSecurity)).toBe(rank(thread('sent', false)));
  });
});

import type { StaffRole } from '@domain/shared';

import { type Assignment, type AssignmentChange, decideAssignment, mayBeAssigned } from './assignment';

const G1 = 'g1';
const G2 = 'g2';
const members = new Set(['kari', 'ola']);

describe('decideAssignment', () => {
  it.each<[string, Assignment, AssignmentChange, ReturnType<typeof decideAssignment>]>([
    [
      'a member of the group may be assigned',
      { groupId: G1, assigneeId: null },
      { assigneeId: 'kari' },
      { ok: true, next: { groupId: G1, assigneeId: 'kari' }, groupChanged: false, assigneeChanged: true, assigneeCleared: false },
    ],
    [
      'someone outside the group is refused',
      { groupId: G1, assigneeId: null },
      { assigneeId: 'per' },
      { ok: false, refusal: 'assignee_not_in_group' },
    ],
    [
      'naming an outsider together with a new group is refused too',
      { groupId: null, assigneeId: null },
      { groupId: G2, assigneeId: 'per' },
      { ok: false, refusal: 'assignee_not_in_group' },
    ],
    [
      'a new group drops an assignee who is not a member of it',
      { groupId: G1, assigneeId: 'per' },
      { groupId: G2 },
      { ok: true, next: { groupId: G2, assigneeId: null }, groupChanged: true, assigneeChanged: true, assigneeCleared: true },
    ],
    [
      'a new group keeps an assignee who is a member of it',
      { groupId: G1, assigneeId: 'ola' },
      { groupId: G2 },
      { ok: true, next: { groupId: G2, assigneeId: 'ola' }, groupChanged: true, assigneeChanged: false, assigneeCleared: false },
    ],
    [
      'without a group anyone may be assigned',
      { groupId: G1, assigneeId: null },
      { groupId: null, assigneeId: 'per' },
      { ok: true, next: { groupId: null, assigneeId: 'per' }, groupChanged: true, assigneeChanged: true, assigneeCleared: false },
    ],
    [
      'unassigning is always allowed',
      { groupId: G1, assigneeId: 'kari' },
      { assigneeId: null },
      { ok: true, next: { groupId: G1, assigneeId: null }, groupChanged: false, assigneeChanged: true, assigneeCleared: false },
    ],
    [
      'nothing asked changes nothing, even for an assignee who has since left the group',
      { groupId: G1, assigneeId: 'per' },
      {},
      { ok: true, next: { groupId: G1, assigneeId: 'per' }, groupChanged: false, assigneeChanged: false, assigneeCleared: false },
    ],
  ])('%s', (_case, current, change, expected) => {
    expect(decideAssignment(current, change, members)).toEqual(expected);
  });
});

describe('mayBeAssigned', () => {
  it.each<[StaffRole, boolean, boolean]>([
    ['agent', true, true],
    ['admin', true, true],
    ['security', true, true],
    ['viewer', true, false],
    ['agent', false, false],
  ])('%s, active %s: %s', (role, active, expected) => expect(mayBeAssigned({ role, active })).toBe(expected));
});

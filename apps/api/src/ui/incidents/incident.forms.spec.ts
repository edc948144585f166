import { OPEN_STATUSES } from '@domain/incidents';
import { ValidationFailed } from '@platform/errors';

import { assignInput, incidentReference, queueFilter, queueQuery, resolveInput, revealReason, triageInput } from './incident.forms';

describe('queue filter', () => {
  it.each([
    [{}, OPEN_STATUSES],
    [{ status: 'open' }, OPEN_STATUSES],
    [{ status: 'all' }, undefined],
    [{ status: 'resolved,closed,bogus' }, ['resolved', 'closed']],
  ])('status %p', (q, status) => expect(queueFilter(q).status).toEqual(status));

  it('keeps only known values and trims the search', () => {
    expect(
      queueFilter(queueQuery({ side: 'ske', environment: 'staging', severity: 'critical,high,x', q: '  SSG-008 ', service: ' SSG ' })),
    ).toEqual({
      status: OPEN_STATUSES,
      side: 'ske',
      service: 'SSG',
      environment: undefined,
      impact: ['critical', 'high'],
      assignee: undefined,
      q: 'SSG-008',
    });
  });

  it('reads «Mine» as the staff member, and nobody’s as none', () => {
    expect(queueFilter(queueQuery({ assignee: 'me' }), 's1').assignee).toBe('s1');
    expect(queueFilter(queueQuery({ assignee: 'none' }), 's1').assignee).toBe('none');
    expect(queueFilter(queueQuery({ assignee: 'someone' }), 's1').assignee).toBeUndefined();
  });
});

describe('the assignment form', () => {
  const G = '11111111-1111-4111-8111-111111111111';
  const S = '22222222-2222-4222-8222-222222222222';
  it.each<[string, Record<string, string>, Record<string, unknown>]>([
    [
      'a new group only, keeping the assignee shown',
      { groupId: G, assigneeId: S, currentGroupId: '', currentAssigneeId: S },
      { groupId: G },
    ],
    [
      'no group and nobody',
      { groupId: 'none', assigneeId: '', currentGroupId: G, currentAssigneeId: S },
      { groupId: null, assigneeId: null },
    ],
    ['nothing changed', { groupId: G, assigneeId: S, currentGroupId: G, currentAssigneeId: S }, {}],
  ])('sends only what changed: %s', (_case, body, changes) => {
    expect(assignInput(body)).toEqual(changes);
  });

  it('refuses a group that is no id, naming the field', () => {
    expect(() => assignInput({ groupId: 'x' })).toThrow(ValidationFailed);
  });
});

describe('incident forms', () => {
  it('reads a triage, refusing a title over 200 characters', () => {
    expect(triageInput({ side: 'local', severity: '', title: ' Ny ', skeCaseReference: 'SAK-1' })).toEqual({
      side: 'local',
      severity: null,
      title: 'Ny',
      skeCaseReference: 'SAK-1',
    });
    expect(() => triageInput({ title: 'x'.repeat(201) })).toThrow(ValidationFailed);
  });

  it.each([
    [{ message: 'Rettet' }, { message: 'Rettet', side: undefined, notLocal: false }],
    [
      { message: '', articleId: 'a1', local: 'on' },
      { message: 'Kanonisk svar', side: 'local', notLocal: false },
    ],
    [
      { message: 'Eget', articleId: 'a1' },
      { message: 'Eget', side: undefined, notLocal: false },
    ],
    [
      { message: 'Lokal feil', local: '1', wasLocal: '1' },
      { message: 'Lokal feil', side: 'local', notLocal: false },
    ],
    [
      { message: 'Likevel ikke lokal', wasLocal: '1' },
      { message: 'Likevel ikke lokal', side: undefined, notLocal: true },
    ],
  ])('resolution %p', (body, expected) => {
    expect(resolveInput(body, [{ id: 'a1', answer: 'Kanonisk svar' }])).toEqual(expected);
  });

  it('requires the other incident and a reason of 3–500 characters', () => {
    expect(incidentReference({ other: ' KS-2026-0001 ' }, 'other')).toBe('KS-2026-0001');
    expect(() => incidentReference({}, 'target')).toThrow(
      expect.objectContaining({ fields: [{ field: 'target', message: 'is required' }] }),
    );
    expect(revealReason({ reason: ' Sak 42 ' })).toBe('Sak 42');
    expect(() => revealReason({ reason: 'ab' })).toThrow(ValidationFailed);
  });
});

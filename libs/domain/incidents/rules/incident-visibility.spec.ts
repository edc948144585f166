import type { Principal } from '@domain/shared';

import { automaticUpdatesAllowed, isRestricted, judgedSecurityMatter, mayReadIncidentContent } from './incident-visibility';

const staff = (role: 'admin' | 'agent' | 'security' | 'viewer'): Principal => ({
  kind: 'staff',
  id: role,
  email: `${role}@ks.example.test`,
  name: role,
  role,
  via: 'token',
});
const consumer: Principal = { kind: 'consumer', consumerId: 'c', orgNumber: '921234562', name: 'Kommune', via: 'api-key' };

describe('incident visibility', () => {
  it.each([
    [{ track: 'security', side: 'security' }, true],
    [{ track: 'security', side: 'local' }, true],
    [{ track: 'ordinary', side: 'security' }, true],
    [{ track: 'ordinary', side: 'ske' }, false],
    [{ track: 'ordinary', side: 'undetermined' }, false],
  ])('%j is a security case: %s', (facts, expected) => {
    expect(isRestricted(facts)).toBe(expected);
  });

  const restricted = { track: 'ordinary', side: 'security' };
  const ordinary = { track: 'ordinary', side: 'ske' };

  it.each([
    ['admin', staff('admin'), true],
    ['security', staff('security'), true],
    ['agent', staff('agent'), false],
    ['viewer', staff('viewer'), false],
    ['a consumer (scoped to its own reports elsewhere)', consumer, true],
    ['the system', undefined, true],
  ])('a security case is readable by %s: %s', (_who, caller, expected) => {
    expect(mayReadIncidentContent(caller, restricted)).toBe(expected);
  });

  it('leaves an ordinary incident readable by every staff role', () => {
    for (const role of ['admin', 'agent', 'security', 'viewer'] as const) expect(mayReadIncidentContent(staff(role), ordinary)).toBe(true);
  });
});

describe('automatic updates in a thread to Skatteetaten', () => {
  it.each<[string, { track: string; side: string }, boolean, boolean, boolean]>([
    // incident, thread to the security channel, judged a security matter, updates allowed
    ['an ordinary incident, ordinary thread', { track: 'ordinary', side: 'ske' }, false, false, true],
    ['an ordinary incident staff moved to the security side, ordinary thread', { track: 'ordinary', side: 'security' }, false, true, false],
    ['the same, its thread to the security channel', { track: 'ordinary', side: 'security' }, true, true, true],
    [
      'security track by a report’s words, ordinary thread (the contract’s channel)',
      { track: 'security', side: 'undetermined' },
      false,
      false,
      true,
    ],
    ['security track, security thread', { track: 'security', side: 'security' }, true, false, true],
    ['undetermined side, ordinary thread', { track: 'ordinary', side: 'undetermined' }, false, false, true],
  ])('%s', (_case, incident, securityThread, judged, allowed) => {
    expect(judgedSecurityMatter(incident)).toBe(judged);
    expect(automaticUpdatesAllowed(incident, { security: securityThread })).toBe(allowed);
  });
});

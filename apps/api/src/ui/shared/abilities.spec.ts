import { ALL_PERMISSIONS, type ConsumerPrincipal, type StaffPrincipal, type StaffRole } from '@domain/shared';

import { abilitiesOf, abilityName } from './abilities';

const staff = (role: StaffRole): StaffPrincipal => ({ kind: 'staff', id: 's', email: 'a@ks.no', name: 'A', role, via: 'session' });
const consumer: ConsumerPrincipal = { kind: 'consumer', consumerId: 'c', orgNumber: '974760673', name: 'Kommune', via: 'portal-session' };

describe('abilities', () => {
  it.each([
    ['incident.triage', 'incidentTriage'],
    ['report.reveal-personal-data', 'reportRevealPersonalData'],
    ['consumer-api-key.manage', 'consumerApiKeyManage'],
  ] as const)('%s is %s in a template', (permission, name) => expect(abilityName(permission)).toBe(name));

  it('names every permission distinctly', () => {
    expect(new Set(ALL_PERMISSIONS.map(abilityName)).size).toBe(ALL_PERMISSIONS.length);
  });

  it.each<[string, StaffPrincipal | ConsumerPrincipal | undefined, Record<string, boolean>]>([
    ['an agent', staff('agent'), { incidentTriage: true, reportRevealPersonalData: false, staffUserManage: false, portalUse: false }],
    ['a viewer', staff('viewer'), { incidentTriage: false, incidentRead: true, consumerUpdate: false }],
    ['the security officer', staff('security'), { reportRevealPersonalData: true, auditRead: true, staffUserManage: false }],
    ['an admin', staff('admin'), { staffUserManage: true, mailReadCredentials: true, reportRevealPersonalData: false }],
    ['a consumer', consumer, { portalUse: true, incidentRead: false, reportListOwn: true }],
    ['nobody signed in', undefined, { incidentRead: false, portalUse: false }],
  ])('%s', (_who, principal, expected) => {
    expect(abilitiesOf(principal)).toMatchObject(expected);
  });
});

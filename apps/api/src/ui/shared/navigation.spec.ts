import type { ConsumerPrincipal, StaffPrincipal } from '@domain/shared';

import { menuFor, NavSection } from './navigation';

const staff = (role: StaffPrincipal['role']): StaffPrincipal => ({
  kind: 'staff',
  id: 's',
  email: 'a@ks.no',
  name: 'A',
  role,
  via: 'session',
});
const consumer: ConsumerPrincipal = { kind: 'consumer', consumerId: 'c', orgNumber: '974760673', name: 'Kommune', via: 'portal-session' };

const sections: NavSection[] = [
  { menu: 'staff', label: 'Hendelser', href: '/incidents', order: 20, permission: 'incident.read' },
  { menu: 'staff', label: 'Oversikt', href: '/', order: 10, exact: true, permission: 'incident.read' },
  { menu: 'staff', label: 'Brukere', href: '/staff', order: 90, permission: 'staff-user.manage' },
  { menu: 'portal', label: 'Meldinger', href: '/portal/reports', order: 20, permission: 'portal.use' },
  { menu: 'portal', label: 'Oversikt', href: '/portal', order: 10, exact: true, permission: 'portal.use' },
];

describe('menuFor', () => {
  it.each<[string, StaffPrincipal, string, string[], string | undefined]>([
    ['an agent on the home page', staff('agent'), '/', ['Oversikt', 'Hendelser'], 'Oversikt'],
    ['an agent on an incident', staff('agent'), '/incidents/42', ['Oversikt', 'Hendelser'], 'Hendelser'],
    ['an admin sees the users', staff('admin'), '/staff', ['Oversikt', 'Hendelser', 'Brukere'], 'Brukere'],
    ['a path that only shares a prefix is not current', staff('agent'), '/incidentsx', ['Oversikt', 'Hendelser'], undefined],
  ])('%s', (_label, principal, path, labels, current) => {
    const menu = menuFor(sections, 'staff', principal, path);
    expect(menu.map((m) => m.label)).toEqual(labels);
    expect(menu.find((m) => m.current)?.label).toBe(current);
  });

  it('builds the portal menu from the portal sections only', () => {
    expect(menuFor(sections, 'portal', consumer, '/portal/reports/1')).toEqual([
      { label: 'Oversikt', href: '/portal', current: false },
      { label: 'Meldinger', href: '/portal/reports', current: true },
    ]);
  });
});

import type { ListStaffUsers, StaffGroups } from '@domain/identity';

import { assignmentChoices } from './assignment-choices';

const users = (list: Array<{ id: string; name: string; email: string; active: boolean; role: string }>) =>
  ({ execute: async () => list }) as unknown as ListStaffUsers;
const groups = (list: Array<{ id: string; name: string; members: Array<{ id: string }> }>) =>
  ({ list: async () => list }) as unknown as StaffGroups;

describe('assignmentChoices', () => {
  it('offers active staff who may work cases by name (or e-mail) with the groups each is a member of, and the groups', async () => {
    const choices = await assignmentChoices(
      users([
        { id: 's1', name: 'Kari', email: 'kari@ks.example.test', active: true, role: 'agent' },
        { id: 's2', name: '', email: 'ola@ks.example.test', active: true, role: 'admin' },
        { id: 's3', name: 'Per', email: 'per@ks.example.test', active: false, role: 'agent' },
        { id: 's4', name: 'Liv', email: 'liv@ks.example.test', active: true, role: 'security' },
        { id: 's5', name: 'Vera', email: 'vera@ks.example.test', active: true, role: 'viewer' },
      ]),
      groups([
        { id: 'g1', name: 'Tilgang', members: [{ id: 's1' }, { id: 's2' }] },
        { id: 'g2', name: 'Drift', members: [{ id: 's1' }, { id: 's3' }] },
      ]),
    );
    expect(choices.staff).toEqual([
      { value: 's1', label: 'Kari', groups: 'g1 g2' },
      { value: 's2', label: 'ola@ks.example.test', groups: 'g1' },
      { value: 's4', label: 'Liv', groups: '' },
    ]);
    expect(choices.groups).toEqual([
      { value: 'g1', label: 'Tilgang' },
      { value: 'g2', label: 'Drift' },
    ]);
  });
});

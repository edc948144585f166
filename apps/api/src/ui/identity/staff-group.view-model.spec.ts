import type { StaffGroupView, StaffUserView } from '@domain/identity';

import type { FormFailure } from '../shared/page-form';
import { groupsOfStaff, staffGroupsViewModel } from './staff-group.view-model';

const at = new Date('2026-11-30T10:00:00Z');
const user = (id: string, active = true): StaffUserView => ({
  id,
  email: `${id}@ks.no`,
  name: id,
  role: 'agent',
  active,
  lastLoginAt: null,
  createdAt: at,
  locked: false,
});
const group = (over: Partial<StaffGroupView>): StaffGroupView => ({
  id: 'g1',
  name: 'Tilgang',
  description: '',
  categories: ['access'],
  archived: false,
  archivedAt: null,
  members: [{ id: 'kari', name: 'kari', email: 'kari@ks.no', active: true }],
  createdAt: at,
  version: 'v1',
  ...over,
});
const categories = [
  { value: 'access', label: 'Tilgang og påkobling' },
  { value: 'data', label: 'Innholdet i dataene' },
];

describe('the assignment groups page', () => {
  it('names categories in Norwegian, ticks those the group takes, and offers active staff not yet in it', () => {
    const [g] = staffGroupsViewModel([group({})], [user('kari'), user('ola'), user('per', false)], categories).groups;
    expect(g.categoriesText).toBe('Tilgang og påkobling');
    expect(g.categoryOptions.map((c) => [c.value, c.checked])).toEqual([
      ['access', true],
      ['data', false],
    ]);
    expect(g.candidates).toEqual([{ value: 'ola', label: 'ola' }]);
    expect(g.stateLabel).toBe('I bruk');
  });

  it('says when a group routes nothing, and marks an archived one', () => {
    const [g] = staffGroupsViewModel([group({ categories: [], archived: true })], [], categories).groups;
    expect(g.categoriesText).toBe('Ingen (bare tildeling for hånd)');
    expect(g.stateLabel).toBe('Arkivert');
  });

  it('shows a failed form beside its group, and the new-group form’s failure at the top', () => {
    const failure = { params: { id: 'g1' }, error: 'x', fieldErrors: [] } as unknown as FormFailure;
    const model = staffGroupsViewModel([group({}), group({ id: 'g2' })], [], categories, { failure, done: 'saved' });
    expect(model.groups.map((g) => !!g.failure)).toEqual([true, false]);
    expect(model.failure).toBeUndefined();
    expect(model.done).toBe('Gruppen er lagret.');
    const top = staffGroupsViewModel([group({})], [], categories, {
      failure: { params: {}, error: 'y', fieldErrors: [] } as unknown as FormFailure,
    });
    expect(top.failure).toBeDefined();
  });

  it.each<[string, Partial<FormFailure>, number | 'new']>([
    ['a group’s own form', { form: 'g2', params: { id: 'g2' } }, 1],
    ['the new-group form', { form: 'staff-groups', params: {} }, 'new'],
  ])('shows %s again as it was entered when it is refused, its field marked, and the others as stored', (_label, where, at) => {
    const failure = {
      ...where,
      body: { name: '', description: 'Spørsmål om data', categories: ['data'] },
      fieldErrors: [{ field: 'name', name: 'name', label: 'Navn', message: 'x' }],
      error: 'x',
    } as unknown as FormFailure;
    const model = staffGroupsViewModel([group({}), group({ id: 'g2', name: 'Data', categories: ['access'] })], [], categories, { failure });
    const refused = at === 'new' ? model.newGroup : model.groups[at].form;
    const boxes = at === 'new' ? model.categoryOptions : model.groups[at].categoryOptions;
    expect(refused).toEqual({ name: '', description: 'Spørsmål om data', categories: ['data'], invalid: { name: true } });
    expect(boxes.map((c) => [c.value, c.checked])).toEqual([
      ['access', false],
      ['data', true],
    ]);
    const shownFailure = at === 'new' ? model.failure : model.groups[at].failure;
    expect(shownFailure?.fieldErrors.map((f) => f.href)).toEqual([at === 'new' ? '#new-name' : '#name-g2']);
    expect(model.groups[0].form).toEqual({ name: 'Tilgang', description: '', categories: ['access'], invalid: {} });
    if (at === 'new') expect(model.groups[1].form.name).toBe('Data');
    else expect(model.newGroup).toEqual({ invalid: {} });
  });

  it('lists the active groups of each staff member', () => {
    const of = groupsOfStaff([group({}), group({ id: 'g2', name: 'Data' }), group({ id: 'g3', name: 'Gammel', archived: true })]);
    expect(of.get('kari')).toEqual(['Tilgang', 'Data']);
  });
});

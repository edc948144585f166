import { diffCatalogueVersions, FieldChange } from './catalogue-diff';
import { CatalogueServiceView } from './catalogue-service.view';

const base: CatalogueServiceView = {
  code: 'inntekt',
  name: 'Inntekt API',
  description: 'A-ordningen',
  maskinportenScopes: ['skatteetaten:inntekt'],
  entitlementPackages: [{ code: 'saernamsmann', purpose: 'Innkreving' }],
  serviceAreas: ['Særnamsmannsmyndighet'],
  environments: ['production', 'test'],
  escalationEmails: ['drift@skatteetaten.example'],
  securityEmails: ['sikkerhet@skatteetaten.example'],
  lifecycle: 'active',
  sunsetDate: null,
  altinnResource: 'Inntekt API – På vegne av',
  documentationUrl: null,
  informationTypes: ['Lønn'],
};
const svc = (over: Partial<CatalogueServiceView> = {}): CatalogueServiceView => ({ ...base, ...over });
const side = (id: string, services: CatalogueServiceView[]) => ({ id, label: `label ${id}`, services });

describe('diffCatalogueVersions: field changes of one service', () => {
  it.each<[string, Partial<CatalogueServiceView>, FieldChange[]]>([
    ['identical', {}, []],
    ['list order is not a change', { environments: ['test', 'production'] }, []],
    ['renamed', { name: 'Inntekt API v2' }, [{ field: 'name', before: 'Inntekt API', after: 'Inntekt API v2' }]],
    [
      'a scope added',
      { maskinportenScopes: ['skatteetaten:inntekt', 'skatteetaten:inntekt.v2'] },
      [
        {
          field: 'maskinportenScopes',
          before: ['skatteetaten:inntekt'],
          after: ['skatteetaten:inntekt', 'skatteetaten:inntekt.v2'],
          added: ['skatteetaten:inntekt.v2'],
          removed: [],
        },
      ],
    ],
    [
      'an environment removed',
      { environments: ['test'] },
      [{ field: 'environments', before: ['production', 'test'], after: ['test'], added: [], removed: ['production'] }],
    ],
    [
      'escalation address replaced',
      { escalationEmails: ['ny@skatteetaten.example'] },
      [
        {
          field: 'escalationEmails',
          before: ['drift@skatteetaten.example'],
          after: ['ny@skatteetaten.example'],
          added: ['ny@skatteetaten.example'],
          removed: ['drift@skatteetaten.example'],
        },
      ],
    ],
    [
      'security address added',
      { securityEmails: ['sikkerhet@skatteetaten.example', 'csirt@skatteetaten.example'] },
      [
        {
          field: 'securityEmails',
          before: ['sikkerhet@skatteetaten.example'],
          after: ['sikkerhet@skatteetaten.example', 'csirt@skatteetaten.example'],
          added: ['csirt@skatteetaten.example'],
          removed: [],
        },
      ],
    ],
    [
      'a package purpose reworded',
      { entitlementPackages: [{ code: 'saernamsmann', purpose: 'Utlegg' }] },
      [
        {
          field: 'entitlementPackages',
          before: [{ code: 'saernamsmann', purpose: 'Innkreving' }],
          after: [{ code: 'saernamsmann', purpose: 'Utlegg' }],
          added: [{ code: 'saernamsmann', purpose: 'Utlegg' }],
          removed: [{ code: 'saernamsmann', purpose: 'Innkreving' }],
        },
      ],
    ],
    [
      'deprecated with a sunset date (lifecycle first)',
      { lifecycle: 'deprecated', sunsetDate: '2026-12-31' },
      [
        { field: 'lifecycle', before: 'active', after: 'deprecated' },
        { field: 'sunsetDate', before: null, after: '2026-12-31' },
      ],
    ],
    [
      'documentation link set',
      { documentationUrl: 'https://example.org/doc' },
      [{ field: 'documentationUrl', before: null, after: 'https://example.org/doc' }],
    ],
  ])('%s', (_name, change, expected) => {
    const diff = diffCatalogueVersions(side('1', [svc()]), side('2', [svc(change)]));
    expect(diff.changed).toEqual(expected.length ? [{ code: 'inntekt', name: change.name ?? 'Inntekt API', changes: expected }] : []);
    expect(diff.unchanged).toEqual(expected.length ? [] : ['inntekt']);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
  });
});

describe('diffCatalogueVersions: services added and removed', () => {
  const folk = svc({ code: 'folkeregister', name: 'Folkeregisteret' });
  const ssg = svc({ code: 'summert-skattegrunnlag', name: 'Summert skattegrunnlag' });

  it.each<[string, CatalogueServiceView[], CatalogueServiceView[], string[], string[], string[]]>([
    ['both empty', [], [], [], [], []],
    ['one added', [base], [base, folk], ['folkeregister'], [], []],
    ['one removed', [base, folk], [base], [], ['folkeregister'], []],
    ['one replaced by another', [folk], [ssg], ['summert-skattegrunnlag'], ['folkeregister'], []],
    [
      'added, removed and changed at once',
      [base, folk],
      [svc({ name: 'Ny' }), ssg],
      ['summert-skattegrunnlag'],
      ['folkeregister'],
      ['inntekt'],
    ],
  ])('%s', (_name, from, to, added, removed, changed) => {
    const diff = diffCatalogueVersions(side('a', from), side('b', to));
    expect(diff.from).toEqual({ id: 'a', label: 'label a' });
    expect(diff.to).toEqual({ id: 'b', label: 'label b' });
    expect(diff.added.map((s) => s.code)).toEqual(added);
    expect(diff.removed.map((s) => s.code)).toEqual(removed);
    expect(diff.changed.map((c) => c.code)).toEqual(changed);
  });

  it('returns whole services for added and removed ones', () => {
    const diff = diffCatalogueVersions(side('a', [folk]), side('b', [ssg]));
    expect(diff.added[0]).toEqual(ssg);
    expect(diff.removed[0]).toEqual(folk);
  });
});

import { proposeFromCatalogue } from './catalogue-proposal';

const NOW = new Date('2030-01-10T12:00:00Z');
const changes = {
  label: '2030.1',
  effectiveFrom: '2030-02-01',
  added: [{ code: 'ny', name: 'Ny tjeneste' }],
  removed: [],
  changed: [{ code: 'ssg', name: 'Summert skattegrunnlag', fields: ['maskinportenScopes', 'environments'] }],
};

describe('a notice proposed from a catalogue diff', () => {
  it('targets every changed, added and removed service and summarises the diff in Norwegian', () => {
    const p = proposeFromCatalogue(changes, NOW);
    expect(p).toMatchObject({ title: 'Endringer i Bilag 2: 2030.1', kind: 'interface-change', services: ['ny', 'ssg'] });
    expect(p.body).toContain('gjelder fra 01.02.2030');
    expect(p.body).toContain('Endret: Summert skattegrunnlag (ssg): Maskinporten-scopes, miljøer.');
    expect(p.body).toContain('Ny tjeneste: Ny tjeneste (ny).');
    expect(p.effectiveAt.toISOString()).toBe('2030-02-01T00:00:00.000Z');
  });

  it.each([
    ['a removed service makes it a deprecation', { removed: [{ code: 'gammel', name: 'Gammel' }] }, 'deprecation'],
    ['only changes: an interface change', {}, 'interface-change'],
  ])('%s', (_, over, kind) => {
    expect(proposeFromCatalogue({ ...changes, ...over }, NOW).kind).toBe(kind);
  });

  it('dates a version recorded after the fact no earlier than tomorrow', () => {
    expect(proposeFromCatalogue({ ...changes, effectiveFrom: '2029-12-01' }, NOW).effectiveAt.toISOString()).toBe(
      '2030-01-11T12:00:00.000Z',
    );
  });
});

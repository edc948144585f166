import { DomainException } from '@platform/errors';

import { articleFromForm, editedVersion, listFilter, statusFromForm, versionNumber } from './knowledge.forms';

const fieldsOf = (call: () => unknown) => {
  try {
    call();
  } catch (e) {
    if (e instanceof DomainException) return e.fields.map((f) => f.field);
    throw e;
  }
  throw new Error('expected a validation failure');
};

describe('knowledge forms', () => {
  it('reads the editor: lists one per line, statuses by comma or space, Markdown kept as written', () => {
    const input = articleFromForm({
      title: ' Tittel ',
      slug: '',
      category: 'data',
      serviceCodes: 'inntekt',
      keywords: 'a\n\n b \n',
      errorCodes: 'SSG-008',
      httpStatuses: '403, 404 429',
      answer: 'Svar',
      body: '## Overskrift\n\n  - innrykk',
      checklist: 'én\nto',
      ownerId: '',
      reviewDue: '2027-01-01',
    });
    expect(input).toEqual({
      title: 'Tittel',
      slug: undefined,
      category: 'data',
      serviceCodes: ['inntekt'],
      keywords: ['a', 'b'],
      errorCodes: ['SSG-008'],
      httpStatuses: [403, 404, 429],
      answer: 'Svar',
      body: '## Overskrift\n\n  - innrykk',
      checklist: ['én', 'to'],
      ownerId: null,
      reviewDue: '2027-01-01',
    });
  });

  it.each([['40x'], ['4030'], ['abc']])('refuses the HTTP statuses %p naming the field', (statuses) => {
    expect(fieldsOf(() => articleFromForm({ title: 'T', category: 'data', answer: 'S', httpStatuses: statuses }))).toEqual([
      'httpStatuses',
    ]);
  });

  it.each<[Record<string, string>, object]>([
    [{}, { text: undefined, status: undefined, category: undefined, service: undefined, reviewDue: false }],
    [
      { q: ' altinn ', status: 'draft', category: 'data', review: 'due' },
      { text: 'altinn', status: 'draft', category: 'data', reviewDue: true },
    ],
    [
      { status: 'deleted', category: 'misc' },
      { status: undefined, category: undefined },
    ],
  ])('reads the list filter %p, ignoring unknown values', (query, expected) => {
    expect(listFilter(query)).toMatchObject(expected);
  });

  it.each<[string, number | undefined]>([
    ['3', 3],
    ['0', undefined],
    ['x', undefined],
    ['', undefined],
  ])('reads the version the editor was opened on from %p', (value, version) => {
    expect(editedVersion({ version: value })).toBe(version);
  });

  it('refuses an unknown status and a version that is no number', () => {
    expect(statusFromForm({ status: 'archived' })).toBe('archived');
    expect(fieldsOf(() => statusFromForm({ status: 'gone' }))).toEqual(['status']);
    expect(versionNumber('12')).toBe(12);
    expect(fieldsOf(() => versionNumber('1e3'))).toEqual(['version']);
    expect(fieldsOf(() => versionNumber('0'))).toEqual(['version']);
  });
});

import { diffFields, diffLines } from './version-diff';

describe('line diff', () => {
  it.each<[string, string, string, string]>([
    ['identical texts', 'a\nb', 'a\nb', '=a =b'],
    ['a line added', 'a\nc', 'a\nb\nc', '=a +b =c'],
    ['a line removed', 'a\nb\nc', 'a\nc', '=a -b =c'],
    ['a line changed', 'a\nb\nc', 'a\nB\nc', '=a -b +B =c'],
    ['everything new', '', 'x', '- +x'],
  ])('%s', (_name, before, after, expected) => {
    const marks = { same: '=', added: '+', removed: '-' };
    expect(
      diffLines(before, after)
        .map((l) => `${marks[l.kind]}${l.text}`)
        .join(' '),
    ).toBe(expected);
  });
});

describe('field diff', () => {
  it('names only the fields that changed, lists compared line by line', () => {
    const changes = diffFields(
      { title: 'A', checklist: ['én', 'to'], reviewDue: null },
      { title: 'A', checklist: ['én', 'tre'], reviewDue: '2027-01-01' },
      ['title', 'checklist', 'reviewDue'],
    );
    expect(changes.map((c) => c.field)).toEqual(['checklist', 'reviewDue']);
    expect(changes[0].lines).toEqual([
      { kind: 'same', text: 'én' },
      { kind: 'removed', text: 'to' },
      { kind: 'added', text: 'tre' },
    ]);
  });
});

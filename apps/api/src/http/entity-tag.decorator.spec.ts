import { acceptedVersions } from './entity-tag.decorator';

describe('acceptedVersions', () => {
  it.each<[string, string | undefined, string[] | undefined]>([
    ['no header: no condition', undefined, undefined],
    ['any stored version', '*', undefined],
    ['one strong tag', '"abc"', ['abc']],
    ['a list', '"abc", "def"', ['abc', 'def']],
    ['a weak tag never matches a change', 'W/"abc"', []],
    ['weak and strong together', 'W/"abc", "def"', ['def']],
    ['a tag without quotes is not read', 'abc', []],
    ['an empty header accepts nothing', '', []],
  ])('%s', (_, header, expected) => {
    expect(acceptedVersions(header)).toEqual(expected);
  });
});

import { HttpLayerProblem } from './problem.filter';
import { scalarBodyProblem, textBody } from './request-body';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const latin1 = (s: string) => Buffer.from(s, 'latin1');
const utf16le = (s: string) => Buffer.from(s, 'utf16le');

describe('textBody', () => {
  it.each<[string, Buffer, string | undefined, string]>([
    ['UTF-8 without a charset', utf8('Bærum'), 'application/json', 'Bærum'],
    ['UTF-8 labelled UTF-8', utf8('Bærum'), 'application/json; charset=utf-8', 'Bærum'],
    ['UTF-8 labelled Latin-1 (the label is wrong, the bytes are not)', utf8('Bærum'), 'application/json; charset=iso-8859-1', 'Bærum'],
    ['UTF-8 under an unknown label', utf8('Bærum'), 'text/csv; charset=klingon', 'Bærum'],
    ['Latin-1 labelled Latin-1', latin1('Bærum Øst'), 'text/csv; charset=iso-8859-1', 'Bærum Øst'],
    ['Windows-1252, quoted label', latin1('Bærum'), 'text/csv; charset="windows-1252"', 'Bærum'],
    ['plain ASCII without a type', utf8('abc'), undefined, 'abc'],
    // ASCII in UTF-16 is valid UTF-8 (every other byte NUL): only the label tells them apart.
    ['UTF-16LE CSV without a byte order mark', utf16le('navn;e-post'), 'text/csv; charset=utf-16le', 'navn;e-post'],
    [
      'UTF-16LE CSV with a byte order mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le('Bærum')]),
      'text/csv; charset=utf-16le',
      'Bærum',
    ],
    // "Ã¸" in Windows-1252 is the UTF-8 bytes of "ø": a CSV labelled Windows-1252 means what it says.
    ['Windows-1252 CSV whose bytes also form UTF-8', latin1('Ã¸'), 'text/csv; charset=windows-1252', 'Ã¸'],
    ['the same bytes as JSON, labelled Windows-1252 (JSON is UTF-8)', latin1('Ã¸'), 'application/json; charset=windows-1252', 'ø'],
    ['UTF-8 text labelled UTF-8', utf8('Bærum'), 'text/plain; charset=UTF-8', 'Bærum'],
  ])('reads %s', (_, body, type, expected) => {
    expect(textBody(body, type)).toBe(expected);
  });

  it.each<[string, Buffer, string | undefined, number, string]>([
    ['Latin-1 without a charset', latin1('Bærum'), 'text/csv', 400, 'invalid_text_encoding'],
    ['Latin-1 labelled UTF-8', latin1('Bærum'), 'application/json; charset=UTF-8', 400, 'invalid_text_encoding'],
    ['Latin-1 under an unknown label', latin1('Bærum'), 'text/csv; charset=klingon', 415, 'unsupported_media_type'],
  ])('refuses %s', (_, body, type, status, code) => {
    const problem = textBody(body, type);
    expect(problem).toBeInstanceOf(HttpLayerProblem);
    expect((problem as HttpLayerProblem).problem).toMatchObject({ status, code });
  });
});

describe('scalarBodyProblem', () => {
  it.each<[unknown, boolean]>([
    [{}, false],
    [[], false],
    [null, false],
    ['tekst', true],
    [42, true],
    [false, true],
  ])('%j refused: %s', (value, refused) => {
    expect(scalarBodyProblem(value) !== null).toBe(refused);
  });
});

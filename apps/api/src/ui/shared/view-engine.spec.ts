import { serviceNames } from './view-engine';

describe('serviceNames', () => {
  const names = { ssg: 'Summert skattegrunnlag API', inntekt: 'Inntekt API' };

  it.each<[string, unknown, Readonly<Record<string, string>> | undefined, string]>([
    ['one code', 'ssg', names, 'Summert skattegrunnlag API'],
    ['a list, in its order', ['inntekt', 'ssg'], names, 'Inntekt API, Summert skattegrunnlag API'],
    ['a code the catalogue lacks, kept as it is', ['ssg', 'gammel-tjeneste'], names, 'Summert skattegrunnlag API, gammel-tjeneste'],
    ['no names on the page', ['ssg'], undefined, 'ssg'],
    ['nothing', undefined, names, ''],
    ['an empty list', [], names, ''],
    ['empty and odd entries left out', ['', null, 'ssg', 7], names, 'Summert skattegrunnlag API'],
  ])('%s', (_, codes, known, shown) => {
    expect(serviceNames(codes, known)).toBe(shown);
  });
});

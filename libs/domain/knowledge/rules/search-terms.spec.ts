import { codeTerms, foldCode, statusTerms } from './search-terms';

describe('error codes in a search text', () => {
  it.each<[string, string[]]>([
    ['SSG-008', ['ssg008']],
    ['Feilkode ssg_008 fra API-et', ['ssg008']],
    ['fikk unauthorized_client fra Maskinporten', ['unauthorizedclient']],
    ['invalid_scope og invalid_scope igjen', ['invalidscope']],
    ['E1234 i loggen', ['e1234']],
    ['delegering i Altinn', []],
    ['403 Forbidden', []],
  ])('%s → %p', (query, codes) => {
    expect(codeTerms(query)).toEqual(codes);
  });

  it('folds a stored code the way it folds a searched one', () => {
    expect(foldCode('SSG-008')).toBe(codeTerms('ssg_008')[0]);
  });
});

describe('HTTP statuses in a search text', () => {
  it.each<[string, number[]]>([
    ['403 Forbidden', [403]],
    ['HTTP 503 og 503 igjen, så 429', [503, 429]],
    ['år 2025 og 12345', []],
    ['kode 700', []],
  ])('%s → %p', (query, statuses) => {
    expect(statusTerms(query)).toEqual(statuses);
  });
});

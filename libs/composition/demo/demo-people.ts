/**
 * Fictional contact persons for the demonstration: common Norwegian given names and surnames
 * combined by position, at addresses on the reserved `.example` domain, so no real person is
 * named and no e-mail can reach anyone.
 */
const GIVEN = [
  'Kari',
  'Ola',
  'Ingrid',
  'Per',
  'Marit',
  'Lars',
  'Anne',
  'Jon',
  'Sigrid',
  'Knut',
  'Liv',
  'Arne',
  'Hilde',
  'Nils',
  'Ragnhild',
  'Erik',
];
const FAMILY = [
  'Nordmann',
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Berg',
  'Haugen',
  'Bakken',
];

const FOLD: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', é: 'e', á: 'a' };

/** `Sør-Varanger kommune` → `sor-varanger`: the municipality's part of its demonstration addresses. */
export function addressSlug(municipality: string): string {
  return municipality
    .toLowerCase()
    .replace(/\s+(kommune|herad)$/u, '')
    .replace(/[æøåéá]/g, (c) => FOLD[c])
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The n-th fictional person, at the given municipality. */
export function demoPerson(n: number, municipality: string): { name: string; email: string } {
  const given = GIVEN[n % GIVEN.length];
  const family = FAMILY[Math.floor(n / GIVEN.length) % FAMILY.length];
  const local = `${given}.${family}`.toLowerCase().replace(/[æøå]/g, (c) => FOLD[c]);
  return { name: `${given} ${family}`, email: `${local}@${addressSlug(municipality)}.kommune.example` };
}

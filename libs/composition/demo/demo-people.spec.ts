import { addressSlug, demoPerson } from './demo-people';

describe('demonstration contacts', () => {
  it.each([
    ['Sør-Varanger kommune', 'sor-varanger'],
    ['Bjørnafjorden kommune', 'bjornafjorden'],
    ['Voss herad', 'voss'],
    ['Våler kommune (Innlandet)', 'valer-kommune-innlandet'],
    ['Ås kommune', 'as'],
  ])('address part of %s is %s', (name, slug) => {
    expect(addressSlug(name)).toBe(slug);
  });

  it('names distinct fictional people on the reserved .example domain', () => {
    const people = Array.from({ length: 200 }, (_, i) => demoPerson(i, 'Bærum kommune'));
    expect(new Set(people.map((p) => p.email)).size).toBe(200);
    expect(people[0]).toEqual({ name: 'Kari Nordmann', email: 'kari.nordmann@baerum.kommune.example' });
    for (const p of people) expect(p.email).toMatch(/^[a-z.]+@baerum\.kommune\.example$/);
  });
});

import type { ContactRole } from './consumer-contact.entity';
import {
  checkServiceCodes,
  detectDelimiter,
  type ExistingConsumer,
  IMPORT_TEMPLATE_HEADERS,
  importChanges,
  importColumnOf,
  importConflicts,
  importedContact,
  ImportFileInvalid,
  parseConsumerCsv,
} from './consumer-import';

const HEADER = 'orgNumber,name,kind,municipalityNumber,contactName,contactEmail,contactRole,services';

describe('parseConsumerCsv', () => {
  it('reads rows with quoted fields, a BOM and services with environments', () => {
    const rows = parseConsumerCsv(
      `\uFEFF${HEADER}\n974760673,"Oslo kommune",kommune,0301,Kari,Kari@Oslo.Kommune.no,technical,"ssg;inntekt:test;fiks:production+test"\n`,
    );
    expect(rows).toEqual([
      {
        line: 2,
        orgNumber: '974760673',
        name: 'Oslo kommune',
        kind: 'kommune',
        municipalityNumber: '0301',
        contact: { name: 'Kari', email: 'kari@oslo.kommune.no', phone: null, role: 'technical' },
        services: [
          { code: 'ssg', environments: null },
          { code: 'inntekt', environments: ['test'] },
          { code: 'fiks', environments: ['production', 'test'] },
        ],
        errors: [],
      },
    ]);
  });

  it('accepts a file with only the required columns', () => {
    const [row] = parseConsumerCsv('orgNumber,name\n938801363,Bergen kommune');
    expect(row).toMatchObject({ orgNumber: '938801363', contact: null, services: [], errors: [] });
  });

  it('reports invalid values per row, naming the line', () => {
    const rows = parseConsumerCsv(`${HEADER}\n123456789,Feil,kommune,,,,,\n938801363,Bergen,bydel,301,Per,per@,boss,ssg:staging`);
    expect(rows[0].errors.map((e) => e.field)).toEqual(['orgNumber']);
    expect(rows[0].errors[0].message).toContain('line 2');
    expect(rows[1].errors.map((e) => e.field)).toEqual(['kind', 'municipalityNumber', 'contactEmail', 'contactRole', 'services']);
  });

  it('flags every row of an organisation number that appears twice', () => {
    const rows = parseConsumerCsv(`${HEADER}\n974760673,Oslo,,,,,,\n938801363,Bergen,,,,,,\n974 760 673,Oslo igjen,,,,,,`);
    expect(rows.map((r) => r.errors.length)).toEqual([1, 0, 1]);
    expect(rows[2].errors[0].message).toContain('lines 2, 4');
  });

  it.each([
    ['', 'empty'],
    ['name,contactEmail\nOslo,a@b.no', 'missing: orgNumber'],
    [`${HEADER},extra\n974760673,Oslo,,,,,,,x`, 'Unknown columns: extra'],
    ['orgNumber,name\n"974760673,Oslo', 'not valid CSV'],
  ])('rejects the file %j', (csv, message) => {
    expect(() => parseConsumerCsv(csv)).toThrow(ImportFileInvalid);
    expect(() => parseConsumerCsv(csv)).toThrow(message);
  });

  it('flags services missing from the catalogue', () => {
    const rows = parseConsumerCsv(`${HEADER}\n974760673,Oslo,,,,,,ssg;finnes-ikke`);
    checkServiceCodes(rows, new Set(['ssg']));
    expect(rows[0].errors).toEqual([
      { field: 'services', message: 'line 2: finnes-ikke is not a service in the Bilag 2 version in force' },
    ]);
  });
});

describe('Norwegian and English files', () => {
  it.each<[string, string]>([
    ['organisasjonsnummer', 'orgNumber'],
    ['Orgnr', 'orgNumber'],
    ['Org.nr.', 'orgNumber'],
    ['orgNumber', 'orgNumber'],
    ['Navn', 'name'],
    ['Type', 'kind'],
    ['Kommunenummer', 'municipalityNumber'],
    ['Kontaktnavn', 'contactName'],
    ['E-post', 'contactEmail'],
    ['epost', 'contactEmail'],
    ['contactEmail', 'contactEmail'],
    ['Telefon', 'contactPhone'],
    ['Rolle', 'contactRole'],
    ['Tjenester', 'services'],
  ])('reads the header %j as %s', (header, column) => {
    expect(importColumnOf(header)).toBe(column);
  });

  it.each<[string, string, string]>([
    ['a comma-separated header', 'orgNumber,name\n974760673,Oslo', ','],
    ['Norwegian Excel (semicolons)', 'organisasjonsnummer;navn;tjenester\n974760673;Oslo;"a,b"', ';'],
    ['semicolons after a BOM', '\uFEFForgnr;navn', ';'],
    ['tabs', 'orgnr\tnavn', '\t'],
    ['one column', 'orgnr', ','],
  ])('detects the separator of %s', (_, text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it.each<[string, string, Partial<Record<string, unknown>>]>([
    ['teknisk', 'teknisk', { role: 'technical' }],
    ['faglig', 'Faglig', { role: 'professional' }],
    ['sikkerhet', 'sikkerhet', { role: 'security' }],
    ['an English code', 'security', { role: 'security' }],
    ['no role: none given', '', { role: null }],
  ])('reads the role %s', (_, role, contact) => {
    const [row] = parseConsumerCsv(
      `\uFEFForganisasjonsnummer;navn;kontaktnavn;e-post;telefon;rolle\n974760673;Oslo kommune;Kari;kari@oslo.no;22 00 00 00;${role}`,
    );
    expect(row.errors).toEqual([]);
    expect(row.contact).toEqual({ name: 'Kari', email: 'kari@oslo.no', phone: '22 00 00 00', ...contact });
  });

  it('reads a Norwegian Excel file: BOM, semicolons, quoted services, a Norwegian kind', () => {
    const [row] = parseConsumerCsv(
      `\uFEFF${IMPORT_TEMPLATE_HEADERS.join(';')}\r\n974760673;Oslo kommune;kommune;0301;Kari;kari@oslo.no;;faglig;"ssg;inntekt:test"\r\n`,
    );
    expect(row).toMatchObject({
      orgNumber: '974760673',
      kind: 'kommune',
      municipalityNumber: '0301',
      contact: { role: 'professional' },
      services: [
        { code: 'ssg', environments: null },
        { code: 'inntekt', environments: ['test'] },
      ],
      errors: [],
    });
  });

  it.each<[string, string]>([
    ['juridisk (no such role)', 'contactRole'],
    ['boss', 'contactRole'],
  ])('refuses the role %s', (role, field) => {
    const [row] = parseConsumerCsv(`orgnr;navn;kontaktnavn;e-post;rolle\n974760673;Oslo;Kari;kari@oslo.no;${role.split(' ')[0]}`);
    expect(row.errors.map((e) => e.field)).toEqual([field]);
  });

  it('refuses a header that names one column twice, in two languages', () => {
    expect(() => parseConsumerCsv('orgnr;organisasjonsnummer;navn\n1;2;3')).toThrow('Columns named twice: orgNumber');
  });
});

describe('importChanges', () => {
  const [row] = parseConsumerCsv(`${HEADER}\n974760673,Oslo kommune,kommune,0301,Kari,kari@oslo.no,technical,ssg;inntekt:test`);
  const stored: ExistingConsumer = {
    id: 'c1',
    name: 'Oslo kommune',
    kind: 'kommune',
    municipalityNumber: '0301',
    contacts: [{ id: 'k1', name: 'Kari', email: 'kari@oslo.no', role: 'technical' }],
    services: [
      { code: 'ssg', environments: ['test'] },
      { code: 'inntekt', environments: ['test'] },
    ],
    connected: false,
  };

  it('creates what is not there', () => {
    expect(importChanges(row, null).action).toBe('create');
  });

  it('leaves a consumer already in that state unchanged (an environment-less code keeps the stored environments)', () => {
    expect(importChanges(row, stored)).toEqual({ action: 'unchanged', changes: [] });
  });

  it('lists what would change', () => {
    const changed = importChanges(row, {
      ...stored,
      name: 'Oslo',
      contacts: [{ ...stored.contacts[0], role: 'security' }],
      services: [{ code: 'inntekt', environments: ['production'] }],
    });
    expect(changed.action).toBe('update');
    expect(changed.changes).toEqual([
      'navn: Oslo → Oslo kommune',
      'kontakt kari@oslo.no endret',
      'ny tjeneste ssg',
      'miljøer for inntekt: production → test',
    ]);
  });
});

describe('contacts a file gives without name or role', () => {
  const rowOf = (name: string, role: string) =>
    parseConsumerCsv(`orgnr;navn;kontaktnavn;e-post;rolle\n974760673;Oslo kommune;${name};kari@oslo.no;${role}`)[0];
  const stored = (over: Partial<ExistingConsumer> = {}): ExistingConsumer => ({
    id: 'c1',
    name: 'Oslo kommune',
    kind: 'kommune',
    municipalityNumber: null,
    contacts: [{ id: 'k1', name: 'Kari Nordmann', email: 'kari@oslo.no', role: 'security' }],
    services: [],
    connected: false,
    ...over,
  });

  it.each<[string, string, string, { name: string; role: string } | undefined, { name: string; role: string }]>([
    [
      'keeps a stored contact’s name and role for empty cells',
      '',
      '',
      { name: 'Kari Nordmann', role: 'security' },
      { name: 'Kari Nordmann', role: 'security' },
    ],
    [
      'changes what the cells give',
      'Kari N.',
      'faglig',
      { name: 'Kari Nordmann', role: 'security' },
      { name: 'Kari N.', role: 'professional' },
    ],
    ['names a new contact by its address, technical', '', '', undefined, { name: 'kari@oslo.no', role: 'technical' }],
    ['takes a new contact’s name and role as given', 'Kari', 'sikkerhet', undefined, { name: 'Kari', role: 'security' }],
  ])('%s', (_, name, role, have, expected) => {
    const row = rowOf(name, role);
    expect(row.errors).toEqual([]);
    expect(importedContact(row.contact!, have as { name: string; role: ContactRole } | undefined)).toEqual(expected);
  });

  it('lists nothing to change for a row of the address alone', () => {
    expect(importChanges(rowOf('', ''), stored())).toEqual({ action: 'unchanged', changes: [] });
  });

  const technical = { id: 'k1', name: 'Kari', email: 'kari@oslo.no', role: 'technical' as const };
  it.each<[string, string, Partial<ExistingConsumer>, string[]]>([
    [
      'refuses making the last technical contact of a connected consumer professional',
      'faglig',
      { contacts: [technical], connected: true },
      ['contactRole'],
    ],
    ['lets it be when the consumer is not connected', 'faglig', { contacts: [technical] }, []],
    [
      'lets it be when another technical contact stays',
      'faglig',
      { contacts: [technical, { id: 'k2', name: 'Per', email: 'per@oslo.no', role: 'technical' }], connected: true },
      [],
    ],
    ['lets an empty role cell keep the technical role', '', { contacts: [technical], connected: true }, []],
  ])('%s', (_, role, over, fields) => {
    expect(importConflicts(rowOf('Kari', role), stored(over)).map((e) => e.field)).toEqual(fields);
  });
});

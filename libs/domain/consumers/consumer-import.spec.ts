import { checkServiceCodes, type ExistingConsumer, importChanges, ImportFileInvalid, parseConsumerCsv } from './consumer-import';

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
        contact: { name: 'Kari', email: 'kari@oslo.kommune.no', role: 'technical' },
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

import { type Environment, ENVIRONMENTS } from '@domain/shared';
import type { FieldError } from '@platform/errors';
import { parse } from 'csv-parse/sync';

import type { ConsumerKind } from './consumer.entity';
import { CONTACT_ROLES, type ContactRole } from './consumer-contact.entity';
import { inferKind, normaliseEmail, normaliseOrgNumber, optionalText, validateConsumerFields, validateContact } from './consumer-rules';

export const IMPORT_COLUMNS = [
  'orgNumber',
  'name',
  'kind',
  'municipalityNumber',
  'contactName',
  'contactEmail',
  'contactPhone',
  'contactRole',
  'services',
] as const;
type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/**
 * Header names in Norwegian (as KS's spreadsheets and the downloadable template have them) and
 * English, folded: lower case without spaces, dashes, dots or underscores.
 */
const COLUMN_ALIASES: Record<string, ImportColumn> = {
  orgnumber: 'orgNumber',
  organisasjonsnummer: 'orgNumber',
  orgnr: 'orgNumber',
  orgnummer: 'orgNumber',
  name: 'name',
  navn: 'name',
  kind: 'kind',
  type: 'kind',
  municipalitynumber: 'municipalityNumber',
  kommunenummer: 'municipalityNumber',
  kommunenr: 'municipalityNumber',
  contactname: 'contactName',
  kontaktnavn: 'contactName',
  kontaktperson: 'contactName',
  contactemail: 'contactEmail',
  epost: 'contactEmail',
  email: 'contactEmail',
  kontaktepost: 'contactEmail',
  contactphone: 'contactPhone',
  telefon: 'contactPhone',
  tlf: 'contactPhone',
  kontakttelefon: 'contactPhone',
  contactrole: 'contactRole',
  rolle: 'contactRole',
  kontaktrolle: 'contactRole',
  services: 'services',
  tjenester: 'services',
  tjeneste: 'services',
};

/** Values in Norwegian, as the codes they stand for (the codes themselves are accepted too). */
const ROLE_ALIASES: Record<string, ContactRole> = { teknisk: 'technical', faglig: 'professional', sikkerhet: 'security' };
const KIND_ALIASES: Record<string, ConsumerKind> = { annen: 'other', annet: 'other' };

/** The headers of the downloadable template: Norwegian, in column order. */
export const IMPORT_TEMPLATE_HEADERS = [
  'organisasjonsnummer',
  'navn',
  'type',
  'kommunenummer',
  'kontaktnavn',
  'e-post',
  'telefon',
  'rolle',
  'tjenester',
] as const;

/** The file staff download to fill in: a BOM and `;`, so Excel in Norwegian opens it in columns with æøå intact. */
export function importTemplateCsv(): string {
  return `\uFEFF${IMPORT_TEMPLATE_HEADERS.join(';')}\r\n`;
}

const fold = (header: string) => header.toLowerCase().replace(/[\s._-]/g, '');

/** The column a header names, in Norwegian or English. */
export function importColumnOf(header: string): ImportColumn | null {
  return COLUMN_ALIASES[fold(header)] ?? null;
}

/** The separator the header line uses: Norwegian Excel writes `;`, most other tools `,`; tabs are accepted too. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  const [best] = ([',', ';', '\t'] as const).map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ',';
}
const REQUIRED_COLUMNS = ['orgNumber', 'name'];
export const MAX_IMPORT_ROWS = 5000;

export interface ImportServiceEntry {
  code: string;
  /** Null when the file names only the code: an existing access keeps its environments, a new one gets both. */
  environments: Environment[] | null;
}

export interface ImportRow {
  /** Line in the file (the header is line 1). */
  line: number;
  orgNumber: string;
  name: string;
  kind: ConsumerKind | null;
  municipalityNumber: string | null;
  contact: ImportContact | null;
  services: ImportServiceEntry[];
  errors: FieldError[];
}

/** A contact as a row gives it; name and role are null where their cells are empty. */
export interface ImportContact {
  name: string | null;
  email: string;
  phone: string | null;
  role: ContactRole | null;
}

/**
 * What a row makes of a contact: an empty cell keeps what is stored, so a file that lists only
 * addresses changes no one's name or role; a new contact is named by its address and technical.
 */
export function importedContact(contact: ImportContact, stored?: { name: string; role: ContactRole }): { name: string; role: ContactRole } {
  return { name: contact.name ?? stored?.name ?? contact.email, role: contact.role ?? stored?.role ?? 'technical' };
}

/** What is already stored for one organisation number, as the import compares it. */
export interface ExistingConsumer {
  id: string;
  name: string;
  kind: ConsumerKind;
  municipalityNumber: string | null;
  contacts: Array<{ id: string; name: string; email: string; role: ContactRole }>;
  services: Array<{ code: string; environments: Environment[] }>;
  /** Connected to a service: go-live needed a technical contact, and the consumer must keep one. */
  connected: boolean;
}

export type ImportAction = 'create' | 'update' | 'unchanged' | 'error';

export interface ImportRowResult {
  line: number;
  orgNumber: string;
  name: string;
  action: ImportAction;
  /** The consumer already registered with this organisation number: the row updates it (or leaves it as it is). */
  existingId?: string;
  changes: string[];
  errors: FieldError[];
}

export class ImportFileInvalid extends Error {}

/**
 * `code` means both environments for new access; `code:production`, `code:test` or
 * `code:production+test` name them.
 */
function parseServices(raw: string, line: number): { services: ImportServiceEntry[]; errors: FieldError[] } {
  const services: ImportServiceEntry[] = [];
  const errors: FieldError[] = [];
  // `;` as in the English format; `,` too, since a `;`-separated file may list codes with commas.
  for (const part of raw
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [code, envPart] = part.split(':').map((s) => s.trim());
    let environments: Environment[] | null = null;
    if (envPart !== undefined) {
      const envs = envPart.split('+').map((e) => e.trim());
      if (!envs.length || envs.some((e) => !ENVIRONMENTS.includes(e as Environment))) {
        errors.push({
          field: 'services',
          message: `line ${line}: "${part}" names an unknown environment (use production, test or production+test)`,
        });
        continue;
      }
      environments = [...new Set(envs)] as Environment[];
    }
    if (services.some((s) => s.code === code)) errors.push({ field: 'services', message: `line ${line}: ${code} is listed twice` });
    else services.push({ code, environments });
  }
  return { services, errors };
}

/** Parses and checks the file on its own: format, identifiers, e-mail, roles, duplicates within the file. */
export function parseConsumerCsv(text: string): ImportRow[] {
  let records: string[][];
  try {
    const delimiter = detectDelimiter(text);
    records = parse(text.replace(/^\uFEFF/, ''), { delimiter, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (e) {
    throw new ImportFileInvalid(`The file is not valid CSV: ${(e as Error).message}`);
  }
  if (!records.length) throw new ImportFileInvalid('The file is empty.');
  const raw = records[0].map((h) => h.trim());
  const header = raw.map(importColumnOf);
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c as ImportColumn));
  if (missing.length)
    throw new ImportFileInvalid(`The header must name the columns ${IMPORT_COLUMNS.join(',')}; missing: ${missing.join(', ')}.`);
  const unknown = raw.filter((_, i) => header[i] === null);
  if (unknown.length) throw new ImportFileInvalid(`Unknown columns: ${unknown.join(', ')}. Expected ${IMPORT_COLUMNS.join(',')}.`);
  const twice = IMPORT_COLUMNS.filter((c) => header.filter((h) => h === c).length > 1);
  if (twice.length) throw new ImportFileInvalid(`Columns named twice: ${twice.join(', ')}.`);
  if (records.length - 1 > MAX_IMPORT_ROWS) throw new ImportFileInvalid(`At most ${MAX_IMPORT_ROWS} rows per file.`);

  const rows = records.slice(1).map((record, i): ImportRow => {
    const line = i + 2;
    const cell = (name: ImportColumn) => {
      const at = header.indexOf(name);
      return at >= 0 ? (record[at] ?? '').trim() : '';
    };
    const orgNumber = normaliseOrgNumber(cell('orgNumber'));
    const name = cell('name');
    const kindText = optionalText(cell('kind'));
    const kind = ((kindText && (KIND_ALIASES[kindText.toLowerCase()] ?? kindText.toLowerCase())) as ConsumerKind | null) ?? null;
    const municipalityNumber = optionalText(cell('municipalityNumber'));
    const errors = validateConsumerFields({ orgNumber, name, kind: kind ?? undefined, municipalityNumber }).map((e) => ({
      ...e,
      message: `line ${line}: ${e.message}`,
    }));

    let contact: ImportRow['contact'] = null;
    const contactName = cell('contactName');
    const contactEmail = normaliseEmail(cell('contactEmail'));
    const roleText = cell('contactRole').toLowerCase();
    const contactRole = roleText ? (ROLE_ALIASES[roleText] ?? roleText) : null;
    const contactPhone = optionalText(cell('contactPhone'));
    if (contactName || contactEmail) {
      const contactErrors = validateContact({
        name: contactName || contactEmail,
        email: contactEmail,
        phone: contactPhone,
        role: (contactRole ?? 'technical') as ContactRole,
      });
      errors.push(
        ...contactErrors.map((e) => ({
          field: `contact${e.field[0].toUpperCase()}${e.field.slice(1)}`,
          message: `line ${line}: ${e.message}`,
        })),
      );
      if (!contactErrors.length)
        contact = { name: contactName || null, email: contactEmail, phone: contactPhone, role: contactRole as ContactRole | null };
    } else if (cell('contactRole') && !CONTACT_ROLES.includes(contactRole as ContactRole)) {
      errors.push({ field: 'contactRole', message: `line ${line}: must be one of ${CONTACT_ROLES.join(', ')}` });
    }
    const parsed = parseServices(cell('services'), line);
    errors.push(...parsed.errors);
    return { line, orgNumber, name, kind, municipalityNumber, contact, services: parsed.services, errors };
  });

  const lines = new Map<string, number[]>();
  for (const r of rows) if (r.orgNumber) lines.set(r.orgNumber, [...(lines.get(r.orgNumber) ?? []), r.line]);
  for (const r of rows) {
    const same = lines.get(r.orgNumber) ?? [];
    if (same.length > 1)
      r.errors.push({
        field: 'orgNumber',
        message: `line ${r.line}: ${r.orgNumber} appears more than once in the file (lines ${same.join(', ')})`,
      });
  }
  return rows;
}

/** Flags service codes that are not in the catalogue in force. */
export function checkServiceCodes(rows: ImportRow[], codesInForce: ReadonlySet<string>): void {
  for (const r of rows) {
    for (const s of r.services)
      if (!codesInForce.has(s.code))
        r.errors.push({ field: 'services', message: `line ${r.line}: ${s.code} is not a service in the Bilag 2 version in force` });
  }
}

/** What importing a valid row would change; nothing listed means the row is already in place. */
export function importChanges(
  row: ImportRow,
  existing: ExistingConsumer | null,
): { action: Exclude<ImportAction, 'error'>; changes: string[] } {
  if (!existing) {
    return {
      action: 'create',
      changes: [
        `ny konsument ${row.name}`,
        ...(row.contact ? [`kontakt ${row.contact.email}`] : []),
        ...row.services.map((s) => `tjeneste ${s.code}`),
      ],
    };
  }
  const changes: string[] = [];
  if (existing.name !== row.name) changes.push(`navn: ${existing.name} → ${row.name}`);
  if (row.kind && existing.kind !== row.kind) changes.push(`type: ${existing.kind} → ${row.kind}`);
  if (row.municipalityNumber && existing.municipalityNumber !== row.municipalityNumber)
    changes.push(`kommunenummer: ${existing.municipalityNumber ?? '–'} → ${row.municipalityNumber}`);
  if (row.contact) {
    const c = existing.contacts.find((x) => x.email === row.contact!.email);
    if (!c) changes.push(`ny kontakt ${row.contact.email}`);
    else {
      const next = importedContact(row.contact, c);
      if (c.name !== next.name || c.role !== next.role) changes.push(`kontakt ${row.contact.email} endret`);
    }
  }
  for (const s of row.services) {
    const have = existing.services.find((x) => x.code === s.code);
    if (!have) changes.push(`ny tjeneste ${s.code}`);
    else if (s.environments && !sameSet(have.environments, s.environments))
      changes.push(`miljøer for ${s.code}: ${have.environments.join('+')} → ${s.environments.join('+')}`);
  }
  return { action: changes.length ? 'update' : 'unchanged', changes };
}

/** What a valid row may not do to what is stored: leave a connected consumer without a technical contact. */
export function importConflicts(row: ImportRow, existing: ExistingConsumer | null): FieldError[] {
  if (!row.contact || !existing?.connected) return [];
  const stored = existing.contacts.find((c) => c.email === row.contact!.email);
  if (stored?.role !== 'technical' || importedContact(row.contact, stored).role === 'technical') return [];
  if (existing.contacts.some((c) => c.id !== stored.id && c.role === 'technical')) return [];
  return [
    {
      field: 'contactRole',
      message: `line ${row.line}: ${stored.email} is the last technical contact of a consumer connected to a service`,
    },
  ];
}

export function newConsumerKind(row: ImportRow): ConsumerKind {
  return row.kind ?? inferKind(row.name);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

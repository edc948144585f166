import fc, { type Arbitrary } from 'fast-check';

/** The part of an OpenAPI 3.0 schema the document uses. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  example?: unknown;
  default?: unknown;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses?: Record<string, { description?: string }>;
}

/** Real values a property of this name can take (service codes, addresses, ids), so valid requests get past the first check. */
export type Vocabulary = Record<string, readonly unknown[]>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true });

/** Dates that do not exist, lie outside what is stored, or come as something else than a date. */
export const ODD_DATES = [
  '2026-02-30',
  '2025-02-29',
  '2026-13-01',
  '2026-00-10',
  '0001-01-01',
  '9999-12-31',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2026-01-01T25:00:00Z',
  '2026-03-01T08:00:00',
  '2026-03-01T08:00:00+25:00',
  '20260301',
  '1 March 2026',
  '1767225600000',
];

const ODD_NUMBERS = [1e20, -1e20, -1, 0, 0.5, -0.0001, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, 1.5e-10, 100000];
const ODD_STRINGS = ['', ' ', '1e20', '-1', '0.5', 'NaN', 'Infinity', 'null', 'true', '[]', '{}', '%00', '../..', "'; --", '<b>x</b>'];

/** A value no field should take: NUL characters, lone surrogates, very long text, wrong types, odd numbers and dates, deep nesting. */
export function hostile(): Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom('\u0000', 'a\u0000b', 'summert-skattegrunnlag\u0000', '\u0000\u0000\u0000'),
    fc.constantFrom('x\ud800', '\udc00', 'kari\ud800@kommune.example.test', 'tittel \ud83d'),
    fc.constantFrom(300, 5_000, 100_000).map((n) => 'x'.repeat(n)),
    fc.constantFrom(...ODD_NUMBERS),
    fc.constantFrom(...ODD_STRINGS),
    fc.constantFrom(...ODD_DATES),
    fc.constantFrom(true, false, null, {}, [], [1, 2], { a: 1 }, [{}], [null]),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.integer({ min: 17, max: 60 }).map((depth) => nest(depth)),
  );
}

function nest(depth: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/**
 * Generates values for a schema: with `hostileWeight` 0 only values the schema allows (with
 * `vocabulary` supplying real codes and ids by property name); otherwise any node may instead
 * be hostile, an object may carry extra properties or lose a required one, and an array may
 * stand where an object belongs.
 */
export class SchemaArbitraries {
  constructor(
    private readonly doc: OpenApiDocument,
    private readonly vocabulary: Vocabulary,
  ) {}

  resolve(schema: Schema): Schema {
    let s = schema;
    while (s.$ref) s = this.doc.components.schemas[s.$ref.replace('#/components/schemas/', '')];
    if (s.allOf?.length) {
      const merged: Schema = { ...s, allOf: undefined };
      for (const part of s.allOf) Object.assign(merged, this.resolve(part), { nullable: s.nullable ?? merged.nullable });
      return merged;
    }
    return s;
  }

  value(schema: Schema, hostileWeight: number, name = ''): Arbitrary<unknown> {
    const valid = this.valid(this.resolve(schema), hostileWeight, name);
    return hostileWeight > 0 ? fc.oneof({ weight: 6, arbitrary: valid }, { weight: hostileWeight, arbitrary: hostile() }) : valid;
  }

  private valid(s: Schema, hostileWeight: number, name: string): Arbitrary<unknown> {
    const known = this.vocabulary[name];
    const withNull = (a: Arbitrary<unknown>) => (s.nullable ? fc.option(a, { nil: null, freq: 8 }) : a);
    if (s.oneOf?.length) return fc.oneof(...s.oneOf.map((o) => this.value(o, hostileWeight, name)));
    if (s.enum) return withNull(fc.constantFrom(...s.enum));
    switch (s.type) {
      case 'object':
        return withNull(this.object(s, hostileWeight));
      case 'array': {
        const item = this.value(s.items ?? {}, hostileWeight, name);
        const max = Math.min(s.maxItems ?? 3, 3);
        return withNull(fc.uniqueArray(item, { maxLength: max, selector: (v) => JSON.stringify(v) }));
      }
      case 'integer':
      case 'number':
        return withNull(known ? fc.constantFrom(...known) : fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1000 }));
      case 'boolean':
        return withNull(fc.boolean());
      default:
        return withNull(this.string(s, known));
    }
  }

  private string(s: Schema, known?: readonly unknown[]): Arbitrary<unknown> {
    if (known?.length) return fc.constantFrom(...known);
    if (s.format === 'uuid')
      return fc.oneof(fc.uuid(), fc.constantFrom(...(this.vocabulary['*uuid'] ?? ['00000000-0000-4000-8000-000000000000'])));
    if (s.format === 'date' || (typeof s.example === 'string' && DAY.test(s.example))) return day.map((d) => d.toISOString().slice(0, 10));
    if (s.format === 'date-time') return day.map((d) => d.toISOString());
    if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(s.maxLength ?? 40, 40) });
    return typeof s.example === 'string' ? fc.oneof(fc.constant(s.example), text) : text;
  }

  private object(s: Schema, hostileWeight: number): Arbitrary<unknown> {
    const props = s.properties ?? {};
    const model = Object.fromEntries(Object.entries(props).map(([key, p]) => [key, this.value(p, hostileWeight, key)]));
    const record = fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    if (hostileWeight === 0) return record;
    const extra = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'id', 'createdAt', 'extra', 'x'.repeat(300)), hostile(), {
      maxKeys: 2,
    });
    const mangled = fc.tuple(record, extra, fc.nat({ max: 9 })).map(([r, more, drop]) => {
      const out: Record<string, unknown> = { ...(r as object), ...more };
      const required = s.required ?? [];
      // Now and then a required property goes missing.
      if (drop === 0 && required.length) delete out[required[0]];
      return out;
    });
    return fc.oneof({ weight: 8, arbitrary: mangled }, { weight: 1, arbitrary: record.map((r) => [r]) });
  }
}

type Place = Array<string | number>;
const REMOVED = Symbol('removed');

/** Every place in a JSON value: the value itself, each property and item, and a new property of each object. */
function places(value: unknown, at: Place = []): Place[] {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => places(v, [...at, i]))];
  if (value !== null && typeof value === 'object')
    return [at, ...Object.entries(value).flatMap(([k, v]) => places(v, [...at, k])), [...at, 'unexpected']];
  return [at];
}

function replaced(value: unknown, at: Place, by: unknown): unknown {
  if (at.length === 0) return by;
  const [head, ...rest] = at;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  if (rest.length === 0 && by === REMOVED) delete copy[head];
  else copy[head] = replaced(copy[head], rest, by);
  return copy;
}

/**
 * Request bodies for a schema: valid ones; valid ones with exactly one place made hostile or
 * removed (so the one bad value is the only reason to refuse); and ones hostile anywhere.
 */
export function requestBodies(schemas: SchemaArbitraries, schema: Schema): Arbitrary<unknown> {
  const valid = schemas.value(schema, 0);
  const oneBad = fc
    .tuple(valid, fc.nat(), fc.oneof({ weight: 8, arbitrary: hostile() }, { weight: 1, arbitrary: fc.constant(REMOVED) }))
    .map(([v, n, bad]) => {
      const all = places(v);
      const at = all[n % all.length];
      return bad === REMOVED && at.length === 0 ? v : replaced(v, at, bad);
    });
  return fc.oneof({ weight: 2, arbitrary: valid }, { weight: 6, arbitrary: oneBad }, { weight: 2, arbitrary: schemas.value(schema, 1) });
}

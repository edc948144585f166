import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailed } from '@platform/errors';

import { HttpLayerProblem } from './problem.filter';

/** Deeper than any DTO we accept; deeper input would only exhaust the stack of the transformer. */
export const MAX_INPUT_DEPTH = 16;

/**
 * Far more fields than any DTO or form has. The transformer removes duplicate keys in time that
 * grows with the square of their number: 150,000 keys in a 1.7 MB body held the process for 12 s.
 */
export const MAX_FIELDS_PER_OBJECT = 1000;

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(new RegExp(`^${e.property}\\s`), ''),
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

function childPath(parent: string, key: string): string {
  if (/^\d+$/.test(key)) return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/** Half of a UTF-16 surrogate pair without its other half: JSON can carry one (`"\\ud800"`), UTF-8 cannot. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Input that no field or parameter (`name`, when it is one) may hold, found before the DTO is transformed: nesting deeper than any
 * DTO (it would exhaust the transformer's stack), objects with more fields than any DTO (the
 * transformer's time grows with their square), NUL characters (PostgreSQL text cannot
 * store them) and lone surrogates (no UTF-8 text or JSON column can store them, and the e-mail
 * validator throws on them). Iterative, so the check itself cannot overflow.
 */
export function inputShapeErrors(value: unknown, name = ''): FieldError[] {
  const errors: FieldError[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: name, depth: 0 }];
  while (stack.length > 0 && errors.length < 20) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) errors.push({ field: path || 'body', message: 'must not contain NUL characters (\\u0000)' });
      else if (LONE_SURROGATE.test(v))
        errors.push({ field: path || 'body', message: 'must not contain a lone UTF-16 surrogate (\\ud800–\\udfff)' });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      errors.push({ field: path || 'body', message: `is nested more than ${MAX_INPUT_DEPTH} levels deep` });
      continue;
    }
    const entries = Object.entries(v);
    if (!Array.isArray(v) && entries.length > MAX_FIELDS_PER_OBJECT) {
      errors.push({ field: path || 'body', message: `has more than ${MAX_FIELDS_PER_OBJECT} fields` });
      continue;
    }
    for (const [key, child] of entries) {
      if (LONE_SURROGATE.test(key))
        errors.push({ field: path || 'body', message: 'must not contain a lone UTF-16 surrogate (\\ud800–\\udfff) in a key' });
      else stack.push({ value: child, path: childPath(path, key), depth: depth + 1 });
    }
  }
  return errors;
}

/** DTO validation; failures become 400 problems naming each offending field. */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Text (CSV) is read only where a route takes it; a field-by-field DTO wants JSON.
    if (metadata.type === 'body' && typeof value === 'string' && metadata.metatype && metadata.metatype !== Object)
      throw new HttpLayerProblem({
        status: 415,
        code: 'unsupported_media_type',
        message: 'This route reads JSON: send the body with Content-Type: application/json.',
        fields: [{ field: 'Content-Type', message: 'must be application/json' }],
      });
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const errors = inputShapeErrors(value, metadata.data);
      if (errors.length) throw new ValidationFailed(errors);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => new ValidationFailed(flatten(errors)),
  });
}

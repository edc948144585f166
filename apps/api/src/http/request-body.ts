import type { IncomingHttpHeaders } from 'node:http';

import { HttpLayerProblem, type Problem } from './problem.filter';

/** What the API reads: JSON, and CSV text for the consumer import. */
const API_BODY_TYPES = /^(application\/json|text\/csv|text\/plain)\s*(;|$)/i;

const hasBody = (headers: IncomingHttpHeaders) => headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;

/**
 * Why the API cannot read a request's body, or null. A form post, a body without a type, or a
 * compressed one would otherwise be read as no body and answered as missing fields; the caller
 * is told what the API reads instead. Pages (their forms post form data) are not the API's.
 */
export function unreadableApiBody(path: string, headers: IncomingHttpHeaders): Problem | null {
  if (!path.startsWith('/api/') || !hasBody(headers)) return null;
  const type = headers['content-type'];
  if (!type || !API_BODY_TYPES.test(type))
    return {
      status: 415,
      code: 'unsupported_media_type',
      message: 'The API reads JSON: send the body with Content-Type: application/json.',
      fields: [{ field: 'Content-Type', message: `must be application/json${type ? `, not ${type.split(';')[0].trim()}` : ''}` }],
    };
  const encoding = headers['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity')
    return {
      status: 415,
      code: 'unsupported_media_type',
      message: 'The API reads bodies as sent, not compressed.',
      fields: [{ field: 'Content-Encoding', message: `must be left out, not ${encoding}` }],
    };
  return null;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A text body as a string. JSON is UTF-8 by definition (RFC 8259 gives it no charset) and clients
 * label it by habit, so JSON bytes that are UTF-8 are read as UTF-8 whatever the label says. CSV
 * and plain text are read in the character set the Content-Type names: UTF-16 text without a byte
 * order mark, or Windows-1252 whose bytes happen to form UTF-8, would be misread by guessing.
 * Without a named set, bytes that are not UTF-8 are refused rather than stored as replacement
 * characters (Excel's Norwegian CSV export is Windows-1252 and must say so).
 */
export function textBody(body: Buffer, contentType: string | undefined): string | HttpLayerProblem {
  const charset = /;\s*charset="?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  const declared = charset === undefined ? UTF8 : decoderFor(charset);
  const isJson = /^application\/json\s*(;|$)/i.test(contentType ?? '');
  if (!isJson && declared && declared.encoding !== 'utf-8') return decodedOrProblem(declared, body, charset);
  try {
    return UTF8.decode(body);
  } catch {
    // Not UTF-8: the declared character set decides.
  }
  if (!declared)
    return new HttpLayerProblem({
      status: 415,
      code: 'unsupported_media_type',
      message: `The character set ${charset} is not one the API reads.`,
      fields: [{ field: 'Content-Type', message: 'must name a known charset, e.g. utf-8 or windows-1252' }],
    });
  return decodedOrProblem(declared, body, charset ?? 'utf-8');
}

function decoderFor(charset: string): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(charset, { fatal: true });
  } catch {
    return null;
  }
}

function decodedOrProblem(decoder: InstanceType<typeof TextDecoder>, body: Buffer, charset = decoder.encoding): string | HttpLayerProblem {
  try {
    return decoder.decode(body);
  } catch {
    return new HttpLayerProblem({
      status: 400,
      code: 'invalid_text_encoding',
      message: `The body is not ${charset} text.`,
      fields: [{ field: 'body', message: `is not ${charset} text; name its charset in Content-Type (e.g. charset=windows-1252)` }],
    });
  }
}

/**
 * Fastify's JSON parser refuses `__proto__` and `constructor.prototype` keys (they could change
 * every object's prototype) with the same error as broken JSON. When the text is JSON after all,
 * the caller is told which rule it met.
 */
export function prototypeKeyProblem(text: string): HttpLayerProblem | null {
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  return new HttpLayerProblem({
    status: 400,
    code: 'forbidden_json_key',
    message: 'The body has a key named __proto__ or constructor.prototype, which the API does not accept.',
    fields: [{ field: 'body', message: 'must not have a key named __proto__ or constructor.prototype' }],
  });
}

/**
 * A JSON body that is a bare string, number or boolean: every route reads an object (or a list).
 * `null` is let through as no body, as routes whose body is optional take it.
 */
export function scalarBodyProblem(value: unknown): HttpLayerProblem | null {
  if (value === null || typeof value === 'object') return null;
  return new HttpLayerProblem({
    status: 400,
    code: 'invalid_body',
    message: 'The body must be a JSON object.',
    fields: [{ field: 'body', message: 'must be a JSON object' }],
  });
}

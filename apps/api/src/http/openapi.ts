import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

import { MASKINPORTEN_SCHEME } from '../auth/access.decorator';

/** Every tag an operation may carry, in the order the document lists them. */
const TAGS: Array<[name: string, description: string]> = [
  ['reports', 'Incident and deviation reports (feil- og avviksmeldinger) from consumers, and their history'],
  ['incidents', 'The problems reports describe: triage, escalation to Skatteetaten, resolution, merging and splitting'],
  [
    'security cases',
    'Security and privacy incidents: the 72-hour clock, the checklist, and the evidence for the municipality’s breach record',
  ],
  [
    'change requests',
    'Change requests (endringsønsker) from the segment: submitted, supported, ranked, merged and forwarded to Skatteetaten once',
  ],
  [
    'tickets',
    'Questions to KS first-line support (henvendelser): opened by consumers or staff, answered by e-mail, noted internally, assigned, merged; canned responses and macros',
  ],
  ['knowledge base', 'First-line answers to known consumer-side causes'],
  ['catalogue', 'Bilag 2: versions of the catalogue of services Skatteetaten distributes to the segment'],
  ['consumers', 'The consumer registry: municipalities and county municipalities, contacts, service access, agreements, API keys'],
  ['onboarding', 'Connecting consumers to services (påkobling): steps, checklist and queue'],
  ['identity', 'Who the caller is, staff users and personal API tokens'],
  ['notifications', 'The e-mail outbox: what the desk has sent or will send'],
  ['notices', 'Change notices to the consumers affected: audience, sending, acknowledgement'],
  ['health', 'Readiness of the service'],
];

/** The OpenAPI document of the JSON API, from which clients are generated. */
export function createOpenApiDocument(app: INestApplication, publicUrl: string): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Segment desk API')
    .setDescription(
      'KS segment desk: Bilag 2 catalogue, consumer registry, incident and deviation reports, escalation to Skatteetaten. ' +
        'Errors are RFC 9457 problem details (`application/problem+json`) with a stable `code`.',
    )
    .setVersion('1')
    .addServer(publicUrl, 'This installation')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'opaque', description: 'Staff API token or consumer API key' })
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'A Maskinporten access token with the configured scope (when this installation accepts them), on the routes a consumer may use. ' +
          'A vendor acting for a municipality through Altinn delegation sends the token whose `consumer` is the municipality.',
      },
      MASKINPORTEN_SCHEME,
    );
  for (const [name, description] of TAGS) builder.addTag(name, description);
  return withFailedAuthenticationLimit(withCsvBodiesAsText(SwaggerModule.createDocument(app, builder.build())));
}

function operationsOf(document: OpenAPIObject) {
  return Object.values(document.paths).flatMap((item) => [item.get, item.put, item.post, item.patch, item.delete].filter((o) => !!o));
}

/**
 * The decorators give a request body one schema for all its media types; a text/csv body is the
 * CSV text itself, whatever object the JSON variant wraps it in.
 */
function withCsvBodiesAsText(document: OpenAPIObject): OpenAPIObject {
  for (const operation of operationsOf(document)) {
    const body = operation.requestBody;
    const csv = body && 'content' in body ? body.content['text/csv'] : undefined;
    if (csv) csv.schema = { type: 'string', description: 'The CSV file itself' };
  }
  return document;
}

/** Every route that reads a Bearer credential also refuses an address that keeps sending unknown ones (AuthGuard). */
function withFailedAuthenticationLimit(document: OpenAPIObject): OpenAPIObject {
  for (const operation of operationsOf(document)) {
    const unauthenticated = operation.responses['401'];
    if (!unauthenticated || !('content' in unauthenticated)) continue;
    operation.responses['429'] = {
      description:
        'too_many_failed_authentications: this address sent too many unknown or refused credentials within the minute; `Retry-After` says when to try again',
      headers: { 'Retry-After': { description: 'Seconds until the address may try again', schema: { type: 'integer' } } },
      content: unauthenticated.content,
    };
  }
  return document;
}

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { ROOT } from '../../support/app-process';
import { bearer, createTestApp, TestApp } from '../../support/test-app';

interface SpectralFinding {
  code: string;
  message: string;
  path: string[];
}

interface Operation {
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  summary?: string;
  description?: string;
  responses: Record<string, { content?: Record<string, { schema?: object }>; headers?: Record<string, object> }>;
  requestBody?: { content: Record<string, { schema?: object }> };
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Spectral's `oas` ruleset (.spectral.yaml) over the document; every finding, however minor, is returned. */
async function spectral(file: string): Promise<SpectralFinding[]> {
  const args = ['lint', file, '--ruleset', join(ROOT, '.spectral.yaml'), '--fail-severity=hint', '-f', 'json', '--quiet'];
  const { stdout } = await promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'spectral'), args, { cwd: ROOT }).catch(
    (e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }),
  );
  return JSON.parse(stdout) as SpectralFinding[];
}

/** Operations anyone may call without a credential: readiness, liveness and KS's public help articles. */
const PUBLIC_OPERATIONS = [
  'GET /health',
  'GET /health/live',
  'GET /health/worker',
  'GET /api/v1/knowledge/articles',
  'GET /api/v1/knowledge/articles/{slug}',
];

/** The OpenAPI document clients are generated from: clean by Spectral's rules, every operation typed and described. */
describe('OpenAPI document', () => {
  let t: TestApp;
  let dir: string;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, { properties: object }>; securitySchemes: Record<string, { bearerFormat?: string }> };
  };
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ name: `${m.toUpperCase()} ${path}`, op: item[m] })),
    );

  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'segment-desk-openapi-'));
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("passes Spectral's oas rules with no error, warning, information or hint", async () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const findings = await spectral(file);
    expect(findings.map((f) => `${f.code} at ${f.path.join('.')}: ${f.message}`)).toEqual([]);
  });

  it('gives every operation a tag, a summary, a description and a typed success response', () => {
    const untyped = operations()
      .filter(({ op }) => {
        const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
        const typed = success.some(([status, r]) => status === '204' || r.content?.['application/json']?.schema);
        return !op.tags?.length || !op.summary || !op.description || !typed;
      })
      .map(({ name }) => name);
    expect(operations().length).toBeGreaterThan(50);
    expect(untyped).toEqual([]);
  });

  it('declares each header once, and none that a client must send (credentials are security schemes)', () => {
    const headers = operations().flatMap(({ name, op }) =>
      (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => ({ name, header: p.name.toLowerCase(), required: !!p.required })),
    );
    const seen = new Set<string>();
    const twice = headers.filter((h) => seen.size === seen.add(`${h.name} ${h.header}`).size).map((h) => `${h.name} ${h.header}`);
    expect(twice).toEqual([]);
    expect(headers.filter((h) => h.required).map((h) => `${h.name} ${h.header}`)).toEqual([]);
    expect(headers).toContainEqual({ name: 'POST /api/v1/reports', header: 'idempotency-key', required: false });
  });

  it('describes a CSV body as the text itself and the JSON body as the object the API reads', async () => {
    const body = operations().find((o) => o.name === 'POST /api/v1/consumers/import')?.op.requestBody;
    expect(body?.content['text/csv'].schema).toMatchObject({ type: 'string' });
    expect(body?.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ImportConsumersDto' });
    // The JSON body as documented is read; a bare JSON string is not an object the API takes.
    const csv = `orgNumber,name\n${'9'.repeat(9)},Kommune\n`;
    await t.http.post('/api/v1/consumers/import?dryRun=true').set(bearer(t.adminToken)).send({ csv }).expect(200);
    await t.http.post('/api/v1/consumers/import?dryRun=true').set(bearer(t.adminToken)).type('json').send(JSON.stringify(csv)).expect(400);
  });

  it('gives the address of what a POST creates in Location, wherever it can be read at its own address', async () => {
    const created = operations().filter(({ name, op }) => name.startsWith('POST ') && op.responses['201']);
    const readable = created.filter(({ name }) => doc.paths[`${name.slice(5)}/{id}`]?.get);
    expect(readable.length).toBeGreaterThanOrEqual(7);
    expect(readable.filter(({ op }) => !op.responses['201'].headers?.Location).map(({ name }) => name)).toEqual([]);
    const res = await t.http
      .post('/api/v1/catalogue/versions')
      .set(bearer(t.adminToken))
      .send({ label: 'Med adresse', effectiveFrom: '2030-01-01' })
      .expect(201);
    expect(res.headers.location).toBe(`/api/v1/catalogue/versions/${res.body.id}`);
    expect((await t.http.get(res.headers.location).set(bearer(t.adminToken)).expect(200)).body.label).toBe('Med adresse');
  });

  it('documents the ETag where a change takes If-Match, and on reading the same resource', () => {
    const conditional = operations().filter(({ op }) => op.parameters?.some((p) => p.in === 'header' && p.name === 'If-Match'));
    expect(conditional.map(({ name }) => name).sort()).toEqual([
      'PATCH /api/v1/consumers/{id}',
      'PATCH /api/v1/staff-groups/{id}',
      'PUT /api/v1/canned-responses/{id}',
      'PUT /api/v1/catalogue/versions/{id}',
      'PUT /api/v1/notices/{id}',
    ]);
    for (const { name, op } of conditional) {
      const read = operations().find((o) => o.name === `GET ${name.split(' ')[1]}`);
      expect([name, op.responses['200'].headers?.ETag]).toEqual([name, expect.anything()]);
      expect([read?.name, read?.op.responses['200'].headers?.ETag]).toEqual([read?.name, expect.anything()]);
      expect(op.responses['412']).toBeDefined();
    }
  });

  it('documents the problems of every authenticated operation as application/problem+json', () => {
    const missing = operations()
      .filter(({ name }) => !PUBLIC_OPERATIONS.includes(name))
      .filter(({ op }) => !op.responses['401']?.content?.['application/problem+json'])
      .map(({ name }) => name);
    expect(missing).toEqual([]);
    const withoutLimit = operations()
      .filter(({ op }) => op.responses['401'] && !op.responses['429']?.headers?.['Retry-After'])
      .map(({ name }) => name);
    expect(withoutLimit).toEqual([]);
  });

  it('describes the problem document the API actually sends', async () => {
    const res = await t.http.post('/api/v1/catalogue/versions').set(bearer(t.adminToken)).send({ label: 7 }).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(Object.keys(res.body).sort()).toEqual(Object.keys(doc.components.schemas.ProblemDto.properties).sort());
  });

  it('declares the API key and the Maskinporten token, and offers the token on the routes a consumer may use', () => {
    expect(doc.components.securitySchemes).toMatchObject({ bearer: { bearerFormat: 'opaque' }, maskinporten: { bearerFormat: 'JWT' } });
    const schemes = (name: string) =>
      operations()
        .find((o) => o.name === name)
        ?.op.security?.flatMap((s) => Object.keys(s))
        .sort();
    expect(schemes('POST /api/v1/reports')).toEqual(['bearer', 'maskinporten']);
    expect(schemes('GET /api/v1/reports')).toEqual(['bearer', 'maskinporten']);
    expect(schemes('POST /api/v1/incidents/{id}/escalate')).toEqual(['bearer']);
    const withToken = operations().filter(({ op }) => op.security?.some((s) => 'maskinporten' in s));
    expect(withToken.length).toBeGreaterThan(5);
  });
});

import fc, { type Arbitrary } from 'fast-check';

import { nationalId, publishCatalogue, registerConsumer, RegisteredConsumer } from '../../support/fixtures';
import { INCIDENT_SERVICES, reportBody } from '../../support/incident-fixtures';
import {
  hostile,
  type OpenApiDocument,
  type Operation,
  type Parameter,
  requestBodies,
  SchemaArbitraries,
} from '../../support/openapi-arbitraries';
import { storedChangeCounts } from '../../support/stored-data';
import { bearer, createTestApp, TestApp } from '../../support/test-app';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const MUTATING = new Set(['post', 'put', 'patch', 'delete']);
const RUNS = 100;

/**
 * Written by any authenticated request, so not evidence of a partial write: the audit log
 * (denied access is recorded) and the last-used time of tokens and keys.
 */
const CHANGES_ON_ANY_REQUEST = { tables: ['audit_entry'], columns: ['last_used_at'] };

const JUNK_IDS = [
  'x',
  '0',
  '-1',
  '1e20',
  "'",
  '%00',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffffff',
  'a'.repeat(300),
];

interface Request {
  method: (typeof METHODS)[number];
  path: string;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  contentType?: string;
  body?: unknown;
  as: 'admin' | 'consumer';
}

/** Every id of objects in an API answer, by the property holding it (`id` unless told). */
function idsIn(value: unknown, key = 'id'): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => idsIn(v, key));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === key && typeof v === 'string' ? [v] : idsIn(v, key)));
}

function describeRequest(r: Request): string {
  const text = JSON.stringify(r.body, (_k, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length})` : v));
  const query = r.query.map(([k, v]) => `${k}=${v.length > 80 ? `${v.slice(0, 40)}…(${v.length})` : v}`).join('&');
  return `${r.method.toUpperCase()} ${r.path}${query ? `?${query}` : ''} as ${r.as}${r.body === undefined ? '' : ` ${r.contentType} ${text?.slice(0, 600)}`}`;
}

/**
 * Every operation of the OpenAPI document, called with requests generated from its own schemas:
 * real ids mixed with random and junk ones, valid values mixed with hostile ones at any leaf.
 * Nothing may answer 500; a refused write leaves every stored row as it was; a 400 names fields.
 */
describe('API under generated input', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let credential: RegisteredConsumer;
  let other: RegisteredConsumer;
  let pools: Record<string, { read: string[]; write: string[] }>;
  let schemas: SchemaArbitraries;

  beforeAll(async () => {
    // Its feed points at a closed local port, which only the allow-list lets it name.
    t = await createTestApp({ NOTICE_FEED_ALLOWED_HOSTS: '127.0.0.1' });
    const admin = bearer(t.adminToken);
    await publishCatalogue(t, INCIDENT_SERVICES);
    credential = await registerConsumer(t, 101, INCIDENT_SERVICES);
    other = await registerConsumer(t, 202, INCIDENT_SERVICES);
    const spareKey = await t.http.post(`/api/v1/consumers/${credential.id}/api-keys`).set(admin).send({ name: 'Reserve' }).expect(201);
    const staff = await t.http.post('/api/v1/staff').set(admin).send({ email: 'agent@ks.example.test', name: 'Agent', role: 'agent' });
    const group = await t.http
      .post('/api/v1/staff-groups')
      .set(admin)
      .send({ name: 'Tilgang', categories: ['access'] })
      .expect(201);
    await t.http.post(`/api/v1/staff-groups/${group.body.id}/members`).set(admin).send({ staffId: staff.body.id }).expect(201);
    for (const [who, over] of [
      [credential, {}],
      [other, { title: 'Feil i skattegrunnlag', httpStatus: 200, category: 'deviation' }],
      [credential, { category: 'security', description: `Vi ser fødselsnummer ${nationalId('010190123')} i loggen hos leverandøren.` }],
    ] as const)
      await t.http.post('/api/v1/reports').set(bearer(who.key)).send(reportBody(over)).expect(201);
    const wish = {
      title: 'Inntekt per måned',
      description: 'Inntekt per måned, ikke per år.',
      useCase: 'Foreldrebetaling.',
      urgency: 'high',
    };
    for (const who of [credential, other])
      await t.http
        .post('/api/v1/change-requests')
        .set(bearer(who.key))
        .send({ ...wish, service: INCIDENT_SERVICES[0] })
        .expect(201);
    for (const who of [credential, other])
      await t.http
        .post('/api/v1/tickets')
        .set(bearer(who.key))
        .send({ subject: 'Tilgang i test', body: 'Vi får 403.', category: 'access', requesterEmail: who.emails[0] })
        .expect(201);
    const canned = await t.http
      .post('/api/v1/canned-responses')
      .set(admin)
      .send({ title: 'Takk', body: 'Hei {{navn}}, takk for {{referanse}}.', setStatus: 'waiting_on_consumer' })
      .expect(201);
    const effectiveAt = new Date(Date.now() + 60 * 86_400_000).toISOString();
    await t.http
      .post('/api/v1/notices')
      .set(admin)
      .send({ title: 'Nytt format', body: 'Feltet endres.', services: [INCIDENT_SERVICES[0]], environments: ['production'], effectiveAt })
      .expect(201);
    // A feed on a closed local port: reading it now fails at once, and nothing leaves the machine.
    await t.http.post('/api/v1/notice-feeds').set(admin).send({ url: 'http://127.0.0.1:9/feed.atom', kind: 'operational' }).expect(201);
    await t.http
      .post('/api/v1/operational-messages')
      .set(admin)
      .send({ title: 'Driftsmelding', services: [INCIDENT_SERVICES[1]] })
      .expect(201);
    const draft = await t.http
      .post('/api/v1/catalogue/versions')
      .set(admin)
      .send({ label: 'Utkast', effectiveFrom: '2031-01-01', services: [] })
      .expect(201);
    // A privacy report opens a security case, so its routes are fuzzed on a real one.
    await t.http
      .post('/api/v1/reports')
      .set(bearer(other.key))
      .send({ ...reportBody({ environment: 'test' }), category: 'privacy', title: 'Personopplysninger til feil mottaker' })
      .expect(201);
    const get = async (path: string, part = (body: unknown) => body, as = admin) =>
      idsIn(part((await t.http.get(path).set(as).expect(200)).body));
    const consumerIds = [credential.id, other.id];
    const contactsOf = (body: unknown) => (body as { contacts: unknown }).contacts;
    const itemsOf = (body: unknown) => (body as { items: unknown }).items;
    const contacts = [
      ...(await get(`/api/v1/consumers/${credential.id}`, contactsOf)),
      ...(await get(`/api/v1/consumers/${other.id}`, contactsOf)),
    ];
    const keys = [spareKey.body.id as string, ...(await get(`/api/v1/consumers/${other.id}/api-keys`))];
    const same = (ids: string[]) => ({ read: ids, write: ids });
    pools = {
      reports: same([
        ...(await get('/api/v1/reports', itemsOf, bearer(credential.key))),
        ...(await get('/api/v1/reports', itemsOf, bearer(other.key))),
      ]),
      incidents: same(await get('/api/v1/incidents')),
      // `/incidents/{reference}/affected` takes an incident's reference or its id.
      reference: same([
        ...idsIn((await t.http.get('/api/v1/incidents').set(admin).expect(200)).body, 'reference'),
        ...(await get('/api/v1/incidents')),
      ]),
      // `/security-cases/{incidentId}` takes the id of an incident with a case.
      incidentId: same(idsIn((await t.http.get('/api/v1/security-cases').set(admin).expect(200)).body, 'incidentId')),
      'merge-proposals': same(await get('/api/v1/merge-proposals')),
      versions: same([...(await get('/api/v1/catalogue/versions')), draft.body.id]),
      // The consumer whose key the fuzz uses is only read, never changed, so it cannot lock itself out.
      consumers: { read: consumerIds, write: [other.id] },
      contactId: same(contacts),
      keyId: same(keys),
      code: same([...INCIDENT_SERVICES, 'ukjent-tjeneste']),
      itemId: same(await get('/api/v1/onboarding/queue')),
      // Only the second staff member: the admin's own user and tokens stay out of reach.
      staff: same([staff.body.id]),
      'staff-groups': same([group.body.id]),
      staffId: same([staff.body.id]),
      'api-tokens': same([]),
      outbox: same(await get('/api/v1/outbox')),
      'change-requests': same(await get('/api/v1/change-requests')),
      notices: same(await get('/api/v1/notices')),
      tickets: same(await get('/api/v1/tickets', (body) => (body as { items: unknown }).items)),
      'canned-responses': same([canned.body.id]),
      linkId: same([]),
      slug: same(idsIn((await t.http.get('/api/v1/knowledge/articles').expect(200)).body, 'slug')),
      'notice-feeds': same(await get('/api/v1/notice-feeds')),
      'operational-messages': same(await get('/api/v1/operational-messages')),
    };
    const articleIds = idsIn((await t.http.get('/api/v1/knowledge-base').set(admin).expect(200)).body, 'id');
    const tickets = pools.tickets.read;
    const link = await t.http
      .post(`/api/v1/tickets/${tickets[0]}/links`)
      .set(admin)
      .send({ kind: 'onboarding', reference: credential.orgNumber })
      .expect(200);
    expect(link.body.added).toBe(true);
    pools.linkId = same(idsIn((await t.http.get(`/api/v1/tickets/${tickets[0]}`).set(admin).expect(200)).body.links));
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const allIds = [...Object.values(pools).flatMap((p) => p.read.filter((id) => /^[0-9a-f-]{36}$/.test(id))), ...articleIds];
    schemas = new SchemaArbitraries(doc, {
      '*uuid': allIds,
      service: INCIDENT_SERVICES,
      code: INCIDENT_SERVICES,
      serviceCode: INCIDENT_SERVICES,
      email: ['ny.kontakt@kommune.example.test', credential.emails[0]],
      reporterEmail: credential.emails,
      orgNumber: ['974760673', credential.orgNumber],
      consumerOrgNumber: [credential.orgNumber, other.orgNumber],
      consumerId: consumerIds,
      incidentId: pools.incidents.read,
      otherIncidentId: pools.incidents.read,
      reportIds: pools.reports.read,
      ids: pools.itemId.read,
      copyFrom: pools.versions.read,
      intoId: [...pools.tickets.read, ...pools['change-requests'].read],
      assigneeId: [staff.body.id],
      groupId: [group.body.id],
      staffId: [staff.body.id],
      cannedResponseId: [canned.body.id],
      requesterEmail: credential.emails,
      articleId: articleIds,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Which pool a path parameter draws real ids from: its own name, or the collection it follows. */
  function poolFor(path: string, param: string, method: string): string[] {
    const collection = param === 'id' ? (/\/([a-z-]+)\/(?:versions\/)?\{id\}/.exec(path)?.[1] ?? '') : param;
    const name = collection === 'catalogue' ? 'versions' : collection;
    const pool = pools[name] ?? pools[param];
    if (!pool) throw new Error(`no id pool for ${param} in ${path}`);
    return MUTATING.has(method) ? pool.write : pool.read;
  }

  function pathValue(path: string, p: Parameter, method: string): Arbitrary<string> {
    const real = poolFor(path, p.name, method);
    return fc.oneof(
      ...(real.length ? [{ weight: 6, arbitrary: fc.constantFrom(...real) }] : []),
      { weight: 2, arbitrary: fc.uuid() },
      { weight: 2, arbitrary: fc.constantFrom(...JUNK_IDS, 'a\u0000b', 'x'.repeat(5000)) },
    );
  }

  const oddQueryValue = fc.oneof(
    fc.constantFrom('1e20', '-1', '0.5', '1e400', '9223372036854775808', 'abc', '', ' ', '\u0000', 'a\u0000', 'true', '0x10', '2026-02-30'),
    fc.constantFrom('+275760-09-13', '0001-01-01', 'x'.repeat(1000)),
  );

  /** Valid query parameters (each may be left out), then at most one made odd, repeated or bracketed. */
  function queryOf(params: Parameter[]): Arbitrary<Array<[string, string]>> {
    const valid = fc.tuple(
      ...params.map((p) =>
        fc.option(
          schemas.value(p.schema, 0, p.name).map((v) => (Array.isArray(v) ? v.join(',') : v === null ? '' : String(v))),
          { nil: undefined, freq: 3 },
        ),
      ),
    );
    const odd = fc.option(fc.tuple(fc.nat(), oddQueryValue, fc.constantFrom('value', 'value', 'value', 'twice', 'brackets')), { freq: 3 });
    return fc.tuple(valid, odd).map(([values, change]) => {
      const query: Array<[string, string]> = params.flatMap((p, i) =>
        values[i] === undefined ? [] : [[p.name, values[i]] as [string, string]],
      );
      if (!change || params.length === 0) return query;
      const [n, v, how] = change;
      const name = params[n % params.length].name;
      const rest = query.filter(([k]) => k !== name);
      if (how === 'twice') return [...rest, [name, v], [name, v]];
      if (how === 'brackets') return [...rest, [`${name}[x]`, v]];
      return [...rest, [name, v]];
    });
  }

  const CSV_HEADER = 'orgNumber,name,kind,municipalityNumber,contactName,contactEmail,contactRole,services';
  const csvCell = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom('971524960', 'Importert kommune', 'kommune', '0301', 'Kari', 'kari@kommune.example.test', 'technical'),
    },
    { weight: 1, arbitrary: fc.constantFrom(INCIDENT_SERVICES.join(';'), 'ukjent') },
    { weight: 2, arbitrary: hostile().map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) },
  );
  const csvBody = fc
    .tuple(fc.boolean(), fc.array(fc.array(csvCell, { minLength: 1, maxLength: 9 }), { maxLength: 4 }))
    .map(([header, rows]) => [...(header ? [CSV_HEADER] : []), ...rows.map((cells) => cells.join(','))].join('\n'));

  function requests(method: Request['method'], path: string, op: Operation): Arbitrary<Request> {
    const params = (op.parameters ?? []).filter(
      (p, i, all) => all.findIndex((q) => q.in === p.in && q.name.toLowerCase() === p.name.toLowerCase()) === i,
    );
    const pathParams = fc.tuple(
      ...params.filter((p) => p.in === 'path').map((p) => pathValue(path, p, method).map((v) => [p.name, v] as const)),
    );
    const queryParams = queryOf(params.filter((p) => p.in === 'query'));
    const headers = fc.tuple(
      ...params
        .filter((p) => p.in === 'header')
        .map((p) =>
          fc
            .option(fc.oneof(fc.uuid(), fc.constantFrom('', 'x'.repeat(2000), 'nøkkel'.normalize('NFD').replace(/[^\x20-\x7e]/g, ''))), {
              nil: undefined,
            })
            .map((v) => [p.name, v] as const),
        ),
    );
    const content = Object.entries(op.requestBody?.content ?? {});
    const bodies: Arbitrary<{ contentType?: string; body?: unknown }> = content.length
      ? fc.oneof(
          ...content.map(([contentType, { schema }]) =>
            contentType === 'text/csv'
              ? csvBody.map((body) => ({ contentType, body }))
              : requestBodies(schemas, schema).map((body) => ({ contentType, body })),
          ),
        )
      : fc.constant({});
    return fc
      .record({ pathParams, queryParams, headers, bodies, as: fc.constantFrom<Request['as']>('admin', 'consumer') })
      .map(({ pathParams, queryParams, headers, bodies, as }) => ({
        method,
        path: pathParams.reduce((p, [name, v]) => p.replace(`{${name}}`, encodeURIComponent(v)), path),
        query: queryParams,
        headers: Object.fromEntries(headers.filter(([, v]) => v !== undefined)) as Record<string, string>,
        ...bodies,
        as,
      }));
  }

  /**
   * A 503 that the operation documents by its code tells the state of the system, not what the
   * request held: `GET /health/worker` answers `worker_unavailable` here, as no worker runs.
   */
  function documentedUnavailability(op: Operation, res: { status: number; body: { code?: unknown } }): boolean {
    const code = res.body?.code;
    return res.status === 503 && typeof code === 'string' && !!op.responses?.['503']?.description?.includes(code);
  }

  function send(r: Request) {
    const query = new URLSearchParams(r.query).toString();
    let req = t.http[r.method](`${r.path}${query ? `?${query}` : ''}`)
      .set(bearer(r.as === 'admin' ? t.adminToken : credential.key))
      .set(r.headers);
    if (r.contentType === 'text/csv') req = req.set('Content-Type', 'text/csv').send(r.body as string);
    else if (r.body !== undefined) req = req.set('Content-Type', 'application/json').send(JSON.stringify(r.body));
    return req;
  }

  it(`answers every operation's generated requests (${RUNS} each) below 500, changes nothing on a 4xx and names the fields of a 400`, async () => {
    const changeCounts = await storedChangeCounts(t, CHANGES_ON_ANY_REQUEST.tables, CHANGES_ON_ANY_REQUEST.columns);
    const failures: string[] = [];
    const timings: string[] = [];
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m] })),
    );
    expect(operations.length).toBeGreaterThan(50);

    for (const { path, method, op } of operations) {
      const started = Date.now();
      const result = await fc.check(
        fc.asyncProperty(requests(method, path, op), async (r) => {
          const mutating = MUTATING.has(method);
          const before = mutating ? await changeCounts() : {};
          const res = await send(r);
          const problem = `${describeRequest(r)} → ${res.status} ${res.text.slice(0, 300)}`;
          if (res.status >= 500 && !documentedUnavailability(op, res)) throw new Error(`server error: ${problem}`);
          if (res.status >= 400) {
            if (!String(res.headers['content-type']).startsWith('application/problem+json') || typeof res.body.code !== 'string')
              throw new Error(`not a problem document: ${problem}`);
            if (res.status === 400 && !res.body.fields?.length) throw new Error(`400 naming no field: ${problem}`);
          }
          if (!mutating || res.status < 400) return;
          const after = await changeCounts();
          const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
          if (changed.length) throw new Error(`refused with ${res.status} but changed ${changed.join(', ')}: ${problem}`);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      timings.push(`${Date.now() - started} ms ${method.toUpperCase()} ${path}`);
      if (result.failed) {
        failures.push(
          `${method.toUpperCase()} ${path} (seed ${result.seed}, path ${result.counterexamplePath}): ${String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance)}`,
        );
      }
    }
    if (process.env.FUZZ_TIMINGS) console.log(timings.join('\n'));
    expect(failures).toEqual([]);
    // Some 6,000 requests: minutes on a busy machine, so the budget is the whole run's, not one request's.
  }, 900_000);
});

import { ListAuditEntries } from '@domain/audit/list-audit-entries.use-case';
import { FindConsumers } from '@domain/consumers/find-consumers.use-case';
import { FindConsumersWithAccess } from '@domain/consumers/find-consumers-with-access.use-case';
import { ListConsumerContacts } from '@domain/consumers/list-consumer-contacts.use-case';

import { bearer, createTestApp, TestApp } from './support/test-app';

const ORG = {
  oslo: '974760673',
  bergen: '938801363',
  other: '964338531',
  vendorA: '981544315',
  vendorB: '991825827',
  imported: '971524960',
  imported2: '944117784',
};

const contacts = (org: string) => [
  { name: 'Teknisk kontakt', email: `tech-${org}@kommune.example.test`, role: 'technical' },
  { name: 'Faglig kontakt', email: `fag-${org}@kommune.example.test`, role: 'professional' },
];
const services = (...codes: string[]) =>
  codes.map((code) => ({
    code,
    environments: ['production', 'test'],
    legalBasis: 'Forskrift om foreldrebetaling',
    purpose: 'Redusert foreldrebetaling',
  }));

function cookieFrom(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  const raw = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  return raw.find((c) => c.startsWith(`${name}=`));
}

describe('consumer registry', () => {
  let t: TestApp;
  const admin = () => bearer(t.adminToken);
  let oslo: { id: string; services: Array<{ id: string; code: string }> };
  let bergen: { id: string };

  function register(body: object) {
    return t.http.post('/api/v1/consumers').set(admin()).send(body);
  }

  async function consumerCount(): Promise<number> {
    return Number((await t.dataSource.query('SELECT count(*)::int AS n FROM consumer'))[0].n);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const version = await t.http
      .post('/api/v1/catalogue/versions')
      .set(admin())
      .send({
        label: 'Bilag 2 test',
        effectiveFrom: '2026-01-01',
        services: [
          {
            code: 'ssg',
            name: 'Summert skattegrunnlag',
            maskinportenScopes: ['skatteetaten:summertskattegrunnlag'],
            environments: ['production', 'test'],
            escalationEmails: ['ssg@skatteetaten.example.test'],
            securityEmails: ['sikkerhet@skatteetaten.example.test'],
          },
          {
            code: 'inntekt',
            name: 'Inntekt',
            maskinportenScopes: ['skatteetaten:inntekt'],
            environments: ['production', 'test'],
            escalationEmails: ['inntekt@skatteetaten.example.test'],
            securityEmails: ['sikkerhet@skatteetaten.example.test'],
          },
          {
            code: 'testonly',
            name: 'Kun test',
            maskinportenScopes: ['skatteetaten:testonly'],
            environments: ['test'],
            escalationEmails: ['test@skatteetaten.example.test'],
            securityEmails: ['sikkerhet@skatteetaten.example.test'],
          },
        ],
      })
      .expect(201);
    await t.http
      .post(`/api/v1/catalogue/versions/${version.body.id}/publish`)
      .set(admin())
      .expect((r) => expect(r.status).toBeLessThan(300));
  });
  afterAll(() => t?.close());

  describe('registration', () => {
    it('registers a consumer with contacts and services (201), active at once', async () => {
      const res = await register({
        orgNumber: ORG.oslo,
        name: 'Oslo kommune',
        municipalityNumber: '0301',
        contacts: contacts(ORG.oslo),
        services: services('ssg', 'inntekt'),
      }).expect(201);
      expect(res.body).toMatchObject({
        orgNumber: ORG.oslo,
        name: 'Oslo kommune',
        kind: 'kommune',
        municipalityNumber: '0301',
        status: 'active',
      });
      expect(res.body.contacts.map((c: { email: string }) => c.email).sort()).toEqual([
        `fag-${ORG.oslo}@kommune.example.test`,
        `tech-${ORG.oslo}@kommune.example.test`,
      ]);
      expect(res.body.services.map((s: { code: string; onboarding: { step: string } }) => [s.code, s.onboarding.step])).toEqual([
        ['inntekt', 'requested'],
        ['ssg', 'requested'],
      ]);
      oslo = res.body;
      bergen = (
        await register({
          orgNumber: ORG.bergen,
          name: 'Bergen kommune',
          contacts: [contacts(ORG.bergen)[1]],
          services: services('ssg'),
        }).expect(201)
      ).body;
    });

    it('makes a consumer without contacts or services an applicant', async () => {
      const res = await register({ orgNumber: ORG.other, name: 'Vestland fylkeskommune' }).expect(201);
      expect(res.body).toMatchObject({ status: 'applicant', kind: 'fylkeskommune', contacts: [], services: [] });
    });

    it.each([
      ['an invalid organisation number', { orgNumber: '123456789' }, 'orgNumber'],
      ['an invalid municipality number', { municipalityNumber: '301' }, 'municipalityNumber'],
      ['a malformed e-mail', { contacts: [{ name: 'X', email: 'ikke-en-adresse', role: 'technical' }] }, 'contacts[0].email'],
      ['an unknown contact role', { contacts: [{ name: 'X', email: 'x@kommune.no', role: 'boss' }] }, 'contacts[0].role'],
      ['a service not in the catalogue in force', { services: [...services('ssg'), ...services('finnes-ikke')] }, 'services[1].code'],
      [
        'an environment the service is not offered in',
        { services: [{ code: 'testonly', environments: ['production'] }] },
        'services[0].environments',
      ],
      ['an unknown environment', { services: [{ code: 'ssg', environments: ['staging'] }] }, 'services[0].environments'],
    ])('rejects %s with 400 naming the field, storing nothing', async (_, change, field) => {
      const before = await consumerCount();
      const res = await register({
        orgNumber: ORG.vendorA,
        name: 'Leverandør',
        contacts: contacts(ORG.vendorA),
        services: services('ssg'),
        ...change,
      }).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(await consumerCount()).toBe(before);
    });

    it('answers 409 consumer_exists for a registered organisation number and changes nothing', async () => {
      const res = await register({
        orgNumber: ORG.oslo,
        name: 'Dobbel',
        contacts: [{ name: 'Ny', email: 'ny@kommune.example.test', role: 'technical' }],
        services: [],
      }).expect(409);
      expect(res.body.code).toBe('consumer_exists');
      const stored = (await t.http.get(`/api/v1/consumers/${oslo.id}`).set(admin()).expect(200)).body;
      expect(stored.name).toBe('Oslo kommune');
      expect(stored.contacts).toHaveLength(2);
    });

    it('records the registration in the audit log with the state after', async () => {
      const [entry] = await t.get(ListAuditEntries).execute({ objectType: 'consumer', objectId: oslo.id, action: 'consumer.created' });
      expect(entry).toMatchObject({ actorLabel: 'admin@ks.example.test' });
      expect(entry.details.after).toMatchObject({ orgNumber: ORG.oslo, name: 'Oslo kommune' });
    });

    it('searches by name, organisation number and municipality number, and filters', async () => {
      const names = async (query: string) =>
        (await t.http.get(`/api/v1/consumers?${query}`).set(admin()).expect(200)).body.items.map((c: { name: string }) => c.name);
      expect(await names('q=oslo')).toEqual(['Oslo kommune']);
      expect(await names(`q=${ORG.bergen.slice(0, 5)}`)).toEqual(['Bergen kommune']);
      expect(await names('q=0301')).toEqual(['Oslo kommune']);
      expect(await names('status=applicant')).toEqual(['Vestland fylkeskommune']);
      expect(await names('service=inntekt')).toEqual(['Oslo kommune']);
      expect(await names('step=requested&service=ssg')).toEqual(['Bergen kommune', 'Oslo kommune']);
      await t.http.get('/api/v1/consumers?status=paused').set(admin()).expect(400);
    });

    it('updates a consumer (PATCH) and audits before and after', async () => {
      const res = await t.http.patch(`/api/v1/consumers/${bergen.id}`).set(admin()).send({ municipalityNumber: '4601' }).expect(200);
      expect(res.body.municipalityNumber).toBe('4601');
      const [entry] = await t.get(ListAuditEntries).execute({ objectId: bergen.id, action: 'consumer.updated' });
      expect(entry.details).toMatchObject({ before: { municipalityNumber: null }, after: { municipalityNumber: '4601' } });
    });

    it('serves the use cases other contexts call', async () => {
      expect(await t.get(FindConsumers).byOrgNumber(ORG.oslo)).toEqual({
        id: oslo.id,
        orgNumber: ORG.oslo,
        name: 'Oslo kommune',
        kind: 'kommune',
        municipalityNumber: '0301',
        status: 'active',
      });
      expect((await t.get(FindConsumers).byIds([oslo.id, bergen.id])).map((c) => c.name)).toEqual(['Bergen kommune', 'Oslo kommune']);
      expect((await t.get(FindConsumersWithAccess).execute(['inntekt'], ['production'])).map((c) => c.orgNumber)).toEqual([ORG.oslo]);
      expect((await t.get(FindConsumersWithAccess).execute(['ssg', 'inntekt'], ['test'])).map((c) => c.orgNumber).sort()).toEqual(
        [ORG.oslo, ORG.bergen].sort(),
      );
      expect(await t.get(FindConsumersWithAccess).execute(['testonly'], ['test'])).toEqual([]);
      const listed = await t.get(ListConsumerContacts).execute([bergen.id]);
      expect(listed).toEqual([
        { consumerId: bergen.id, name: 'Faglig kontakt', email: `fag-${ORG.bergen}@kommune.example.test`, role: 'professional' },
      ]);
    });
  });

  describe('contacts, agreement and service access', () => {
    it('adds, changes and removes contacts', async () => {
      const added = await t.http
        .post(`/api/v1/consumers/${bergen.id}/contacts`)
        .set(admin())
        .send({ name: 'Sikker', email: 'Sikker@Bergen.example.test', role: 'security' })
        .expect(201);
      expect(added.body.email).toBe('sikker@bergen.example.test');
      await t.http
        .post(`/api/v1/consumers/${bergen.id}/contacts`)
        .set(admin())
        .send({ name: 'Igjen', email: 'sikker@bergen.example.test', role: 'technical' })
        .expect(409);
      await t.http
        .patch(`/api/v1/consumers/${bergen.id}/contacts/${added.body.id}`)
        .set(admin())
        .send({ phone: '+47 55 00 00 00' })
        .expect(200);
      await t.http.delete(`/api/v1/consumers/${bergen.id}/contacts/${added.body.id}`).set(admin()).expect(204);
      const after = (await t.http.get(`/api/v1/consumers/${bergen.id}`).set(admin()).expect(200)).body;
      expect(after.contacts.map((c: { email: string }) => c.email)).toEqual([`fag-${ORG.bergen}@kommune.example.test`]);
    });

    it('records the agreement and lists it when it expires within the window', async () => {
      const in30 = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      await t.http
        .put(`/api/v1/consumers/${oslo.id}/agreement`)
        .set(admin())
        .send({ signedOn: '2026-01-10', signatoryName: 'Ola', validFrom: '2026-02-01', validTo: '2026-01-01' })
        .expect(400);
      await t.http
        .put(`/api/v1/consumers/${oslo.id}/agreement`)
        .set(admin())
        .send({ signedOn: '2026-01-10', signatoryName: 'Ola', validFrom: '2026-01-01', acceptedTerms: [{ serviceCode: 'testonly' }] })
        .expect(400);
      const res = await t.http
        .put(`/api/v1/consumers/${oslo.id}/agreement`)
        .set(admin())
        .send({
          signedOn: '2026-01-10',
          signatoryName: 'Ola Nordmann',
          signatoryTitle: 'Kommunedirektør',
          validFrom: '2026-01-01',
          validTo: in30,
          documentReference: 'P360 2026/1',
          acceptedTerms: [{ serviceCode: 'ssg', sharingTermsVersion: '2.1', usageTermsVersion: '1.4' }],
        })
        .expect(200);
      expect(res.body).toMatchObject({
        validTo: in30,
        acceptedTerms: [{ serviceCode: 'ssg', sharingTermsVersion: '2.1', usageTermsVersion: '1.4' }],
      });
      const expiring = (await t.http.get('/api/v1/consumers/agreements/expiring?days=60').set(admin()).expect(200)).body;
      expect(expiring).toEqual([
        { consumerId: oslo.id, orgNumber: ORG.oslo, name: 'Oslo kommune', validTo: in30, daysLeft: expect.any(Number) },
      ]);
      expect((await t.http.get('/api/v1/consumers/agreements/expiring?days=10').set(admin()).expect(200)).body).toEqual([]);
    });

    it('keeps earlier vendors as history when the vendor changes', async () => {
      await t.http
        .put(`/api/v1/consumers/${oslo.id}/services/ssg`)
        .set(admin())
        .send({ connectionMethod: 'vendor', vendor: { orgNumber: ORG.vendorA, name: 'Leverandør A' } })
        .expect(200);
      const res = await t.http
        .put(`/api/v1/consumers/${oslo.id}/services/ssg`)
        .set(admin())
        .send({ vendor: { orgNumber: ORG.vendorB, name: 'Leverandør B' } })
        .expect(200);
      expect(res.body.vendor).toMatchObject({ orgNumber: ORG.vendorB, name: 'Leverandør B' });
      expect(res.body.vendorHistory).toEqual([
        expect.objectContaining({
          orgNumber: ORG.vendorA,
          name: 'Leverandør A',
          connectionMethod: 'vendor',
          changedBy: 'admin@ks.example.test',
        }),
      ]);
      expect(res.body.environments).toEqual(['production', 'test']);
      const byVendor = (
        await t.http
          .get(`/api/v1/consumers?vendor=${encodeURIComponent('leverandør b')}`)
          .set(admin())
          .expect(200)
      ).body.items;
      expect(byVendor.map((c: { id: string }) => c.id)).toEqual([oslo.id]);
    });

    it('adds access to a new service at the back of the onboarding queue, and rejects unknown ones', async () => {
      await t.http
        .put(`/api/v1/consumers/${bergen.id}/services/finnes-ikke`)
        .set(admin())
        .send({ environments: ['test'] })
        .expect(400);
      await t.http.put(`/api/v1/consumers/${bergen.id}/services/testonly`).set(admin()).send({}).expect(400);
      const res = await t.http
        .put(`/api/v1/consumers/${bergen.id}/services/testonly`)
        .set(admin())
        .send({ environments: ['test'] })
        .expect(200);
      expect(res.body.onboarding.step).toBe('requested');
      const queue = (await t.http.get('/api/v1/onboarding/queue').set(admin()).expect(200)).body;
      expect(queue[queue.length - 1]).toMatchObject({ consumerId: bergen.id, serviceCode: 'testonly', position: queue.length });
    });
  });

  describe('onboarding', () => {
    const advance = (id: string, code: string, to: string) =>
      t.http.post(`/api/v1/consumers/${id}/onboarding/${code}/advance`).set(admin()).send({ to });

    it('goes one step at a time and refuses go-live until the checklist is done', async () => {
      expect((await advance(oslo.id, 'ssg', 'connected').expect(409)).body.code).toBe('onboarding_step_order');
      await advance(oslo.id, 'ssg', 'qualified').expect(200);
      expect((await advance(oslo.id, 'ssg', 'qualified').expect(409)).body.code).toBe('onboarding_step_order');
      await advance(oslo.id, 'ssg', 'readiness-tested').expect(200);
      expect((await advance(oslo.id, 'ssg', 'connected').expect(422)).body.code).toBe('onboarding_checklist_incomplete');
      await t.http
        .patch(`/api/v1/consumers/${oslo.id}/onboarding/ssg/checklist`)
        .set(admin())
        .send({
          altinnDelegation: true,
          productionApiDelegated: true,
          mainOrganisationNumber: true,
          vendorMaskinporten: true,
          scopeName: true,
        })
        .expect(200);
      const connected = await advance(oslo.id, 'ssg', 'connected').expect(200);
      expect(connected.body.onboarding.step).toBe('connected');
      expect(connected.body.onboarding.history.map((h: { step: string; by: string }) => [h.step, h.by])).toEqual([
        ['requested', 'admin@ks.example.test'],
        ['qualified', 'admin@ks.example.test'],
        ['readiness-tested', 'admin@ks.example.test'],
        ['connected', 'admin@ks.example.test'],
      ]);
      await t.http.patch(`/api/v1/consumers/${oslo.id}/onboarding/ssg/checklist`).set(admin()).send({ unknownItem: true }).expect(400);
    });

    it('needs a technical contact for go-live, and keeps one once connected', async () => {
      await advance(bergen.id, 'ssg', 'qualified').expect(200);
      await advance(bergen.id, 'ssg', 'readiness-tested').expect(200);
      await t.http.put(`/api/v1/consumers/${bergen.id}/services/ssg`).set(admin()).send({ connectionMethod: 'direct' }).expect(200);
      await t.http
        .patch(`/api/v1/consumers/${bergen.id}/onboarding/ssg/checklist`)
        .set(admin())
        .send({ productionApiDelegated: true, mainOrganisationNumber: true, scopeName: true })
        .expect(200);
      expect((await advance(bergen.id, 'ssg', 'connected').expect(422)).body.code).toBe('technical_contact_required');
      const tech = await t.http
        .post(`/api/v1/consumers/${bergen.id}/contacts`)
        .set(admin())
        .send({ name: 'Tekniker', email: 'tek@bergen.example.test', role: 'technical' })
        .expect(201);
      await advance(bergen.id, 'ssg', 'connected').expect(200);
      expect((await t.http.delete(`/api/v1/consumers/${bergen.id}/contacts/${tech.body.id}`).set(admin()).expect(409)).body.code).toBe(
        'last_technical_contact',
      );
    });

    it('keeps an explicit queue that staff can reorder', async () => {
      const queue = (await t.http.get('/api/v1/onboarding/queue').set(admin()).expect(200)).body as Array<{
        id: string;
        serviceCode: string;
        consumerId: string;
        position: number;
      }>;
      expect(queue.some((q) => q.consumerId === oslo.id && q.serviceCode === 'ssg')).toBe(false);
      expect(queue.map((q) => q.position)).toEqual(queue.map((_, i) => i + 1));
      const reversed = [...queue].reverse().map((q) => q.id);
      const res = await t.http.post('/api/v1/onboarding/queue/reorder').set(admin()).send({ ids: reversed }).expect(200);
      expect(res.body.map((q: { id: string }) => q.id)).toEqual(reversed);
      expect((await t.http.get('/api/v1/onboarding/queue').set(admin()).expect(200)).body.map((q: { id: string }) => q.id)).toEqual(
        reversed,
      );
      const bad = await t.http
        .post('/api/v1/onboarding/queue/reorder')
        .set(admin())
        .send({ ids: [oslo.services.find((s) => s.code === 'ssg')!.id] })
        .expect(400);
      expect(bad.body.fields[0].field).toBe('ids[0]');
    });
  });

  describe('API keys and isolation', () => {
    let key: string;
    let keyId: string;

    it('issues a key once (only its hash is stored) that identifies the consumer', async () => {
      const res = await t.http.post(`/api/v1/consumers/${bergen.id}/api-keys`).set(admin()).send({}).expect(201);
      expect(res.body.key).toMatch(/^sdc_[A-Za-z0-9_-]{40,}$/);
      expect(res.body.key.startsWith(res.body.prefix)).toBe(true);
      ({ key, id: keyId } = res.body);
      const stored = await t.dataSource.query('SELECT key_hash FROM consumer_api_key WHERE id = $1', [keyId]);
      expect(stored[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
      const me = await t.http.get('/api/v1/me').set(bearer(key)).expect(200);
      expect(me.body).toMatchObject({ kind: 'consumer', consumerId: bergen.id, orgNumber: ORG.bergen });
      const listed = (await t.http.get(`/api/v1/consumers/${bergen.id}/api-keys`).set(admin()).expect(200)).body;
      expect(listed).toEqual([
        expect.objectContaining({ id: keyId, prefix: res.body.prefix, revokedAt: null, lastUsedAt: expect.any(String) }),
      ]);
      expect(JSON.stringify(listed)).not.toContain(key);
    });

    it('lets a consumer read itself but not another consumer (404), and not staff endpoints (403)', async () => {
      await t.http.get(`/api/v1/consumers/${bergen.id}`).set(bearer(key)).expect(200);
      expect((await t.http.get(`/api/v1/consumers/${oslo.id}`).set(bearer(key)).expect(404)).body.code).toBe('consumer_not_found');
      await t.http.get('/api/v1/consumers').set(bearer(key)).expect(403);
      await t.http
        .post('/api/v1/consumers')
        .set(bearer(key))
        .send({ orgNumber: ORG.vendorA, name: 'x', contacts: [], services: [] })
        .expect(403);
      await t.http.post(`/api/v1/consumers/${bergen.id}/api-keys`).set(bearer(key)).expect(403);
      await t.http.get('/api/v1/onboarding/queue').set(bearer(key)).expect(403);
    });

    it('refuses the keys of a suspended consumer until it is active again', async () => {
      await t.http.patch(`/api/v1/consumers/${bergen.id}`).set(admin()).send({ status: 'suspended' }).expect(200);
      await t.http.get('/api/v1/me').set(bearer(key)).expect(401);
      await t.http.patch(`/api/v1/consumers/${bergen.id}`).set(admin()).send({ status: 'active' }).expect(200);
      await t.http.get('/api/v1/me').set(bearer(key)).expect(200);
    });

    it('refuses a revoked key at once', async () => {
      await t.http.delete(`/api/v1/consumers/${bergen.id}/api-keys/${keyId}`).set(admin()).expect(204);
      expect((await t.http.get('/api/v1/me').set(bearer(key)).expect(401)).body.code).toBe('invalid_token');
      const listed = (await t.http.get(`/api/v1/consumers/${bergen.id}/api-keys`).set(admin()).expect(200)).body;
      expect(listed[0].revokedAt).not.toBeNull();
      await t.http.delete(`/api/v1/consumers/${oslo.id}/api-keys/${keyId}`).set(admin()).expect(404);
    });
  });

  describe('bulk import', () => {
    const header = 'orgNumber,name,kind,municipalityNumber,contactName,contactEmail,contactRole,services';
    const file = [
      header,
      `${ORG.imported},Importert kommune,kommune,1103,Ida,ida@importert.example.test,technical,ssg;inntekt:test`,
      `${ORG.oslo},Oslo kommune,kommune,0301,,,,`,
      '123456789,Ugyldig kommune,,,,,,',
      `${ORG.imported2},Dobbel kommune,,,,,,`,
      `${ORG.imported2},Dobbel kommune igjen,,,,,,`,
      `${ORG.vendorA},Ukjent tjeneste kommune,,,,,,finnes-ikke`,
    ].join('\n');

    it('reports per row on a dry run and changes nothing', async () => {
      const before = await consumerCount();
      const res = await t.http
        .post('/api/v1/consumers/import?dryRun=true')
        .set(admin())
        .set('Content-Type', 'text/csv')
        .send(file)
        .expect(200);
      expect(res.body).toMatchObject({ dryRun: true, created: 1, updated: 0, unchanged: 1, errors: 4 });
      expect(res.body.rows.map((r: { line: number; action: string }) => [r.line, r.action])).toEqual([
        [2, 'create'],
        [3, 'unchanged'],
        [4, 'error'],
        [5, 'error'],
        [6, 'error'],
        [7, 'error'],
      ]);
      expect(res.body.rows[2].errors[0].field).toBe('orgNumber');
      expect(res.body.rows[3].errors[0].message).toContain('more than once');
      expect(res.body.rows[5].errors[0].message).toContain('finnes-ikke');
      expect(await consumerCount()).toBe(before);
    });

    it('commits valid rows in one go and is idempotent', async () => {
      const first = await t.http.post('/api/v1/consumers/import?dryRun=false').set(admin()).send({ csv: file }).expect(200);
      expect(first.body).toMatchObject({ dryRun: false, created: 1, updated: 0, unchanged: 1, errors: 4 });
      const imported = (await t.http.get(`/api/v1/consumers?q=${ORG.imported}`).set(admin()).expect(200)).body.items[0];
      expect(imported).toMatchObject({ name: 'Importert kommune', municipalityNumber: '1103', status: 'active' });
      const detail = (await t.http.get(`/api/v1/consumers/${imported.id}`).set(admin()).expect(200)).body;
      expect(detail.contacts).toEqual([expect.objectContaining({ email: 'ida@importert.example.test', role: 'technical' })]);
      expect(detail.services.map((s: { code: string; environments: string[] }) => [s.code, s.environments])).toEqual([
        ['inntekt', ['test']],
        ['ssg', ['production', 'test']],
      ]);
      const snapshot = await t.dataSource.query(
        `SELECT c.name, c.updated_at, count(s.id)::int AS services FROM consumer c LEFT JOIN consumer_service s ON s.consumer_id = c.id GROUP BY c.id ORDER BY c.org_number`,
      );

      const second = await t.http.post('/api/v1/consumers/import?dryRun=false').set(admin()).send({ csv: file }).expect(200);
      expect(second.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: 4 });
      expect(
        await t.dataSource.query(
          `SELECT c.name, c.updated_at, count(s.id)::int AS services FROM consumer c LEFT JOIN consumer_service s ON s.consumer_id = c.id GROUP BY c.id ORDER BY c.org_number`,
        ),
      ).toEqual(snapshot);

      const renamed = file.replace('Importert kommune', 'Importert kommune (ny)');
      const third = await t.http
        .post('/api/v1/consumers/import?dryRun=false')
        .set(admin())
        .set('Content-Type', 'text/csv')
        .send(renamed)
        .expect(200);
      expect(third.body).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
      expect((await t.get(FindConsumers).byOrgNumber(ORG.imported))?.name).toBe('Importert kommune (ny)');
    });

    it('rejects a file that is not the expected CSV', async () => {
      const res = await t.http.post('/api/v1/consumers/import').set(admin()).send({ csv: 'navn;orgnr\nOslo;974760673' }).expect(400);
      expect(res.body.code).toBe('invalid_import_file');
    });
  });

  describe('consumer portal sign-in', () => {
    const email = `tech-${ORG.oslo}@kommune.example.test`;
    let csrf: { cookie: string; token: string };

    async function formCsrf() {
      const page = await t.http.get('/portal/login').expect(200);
      const cookie = cookieFrom(page, 'sd_csrf')!.split(';')[0];
      const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      return { cookie, token };
    }

    async function requestLink(address: string) {
      return t.http.post('/portal/login').set('Cookie', csrf.cookie).type('form').send({ _csrf: csrf.token, email: address }).expect(200);
    }

    async function latestLink(): Promise<string> {
      await t.deliverMail();
      const rows = await t.dataSource.query(
        `SELECT text FROM outbox_message WHERE template = 'portal-sign-in' AND $1 = ANY(to_addresses) ORDER BY created_at DESC LIMIT 1`,
        [email],
      );
      const link = /https?:\/\/\S+\/portal\/login\/\S+/.exec(rows[0].text)![0];
      return new URL(link).pathname;
    }

    const portalMails = async () =>
      Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE template = 'portal-sign-in'`))[0].n);

    beforeAll(async () => {
      csrf = await formCsrf();
    });

    it('gives the same answer for unknown addresses and sends them nothing', async () => {
      const before = await portalMails();
      const unknown = await requestLink('ukjent@example.test');
      const known = await requestLink(email);
      const message = (html: string) => /<div class="ds-alert"[^]*?<\/div>/.exec(html)![0];
      expect(message(unknown.text)).toEqual(message(known.text));
      expect(await portalMails()).toBe(before + 1);
    });

    it('signs in once with the e-mailed link and opens the portal', async () => {
      await t.deliverMail();
      const sent = await t.dataSource.query(
        `SELECT status, subject FROM outbox_message WHERE template = 'portal-sign-in' ORDER BY created_at DESC LIMIT 1`,
      );
      expect(sent[0]).toMatchObject({ status: 'sent', subject: 'Innloggingslenke til KS konsumentportal' });
      const path = await latestLink();
      const first = await t.http.get(path).expect(303);
      expect(first.headers.location).toBe('/portal');
      const session = cookieFrom(first, 'sd_portal')!;
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/SameSite=Lax/);
      const cookie = session.split(';')[0];

      const portal = await t.http.get('/portal').set('Cookie', cookie).expect(200);
      expect(portal.text).toContain('Oslo kommune');
      expect(portal.text).toContain('Leverandør B');
      const me = await t.http.get('/api/v1/me').set('Cookie', cookie).expect(200);
      expect(me.body).toMatchObject({ kind: 'consumer', consumerId: oslo.id, email });
      await t.http.get(`/api/v1/consumers/${bergen.id}`).set('Cookie', cookie).expect(404);

      const second = await t.http.get(path).expect(404);
      expect(cookieFrom(second, 'sd_portal')).toBeUndefined();

      // Signing out needs the session's own CSRF token and ends the session.
      const portalCsrf = /action="\/portal\/logout">\s*<input type="hidden" name="_csrf" value="([^"]+)"/.exec(portal.text)![1];
      await t.http.post('/portal/logout').set('Cookie', cookie).type('form').send({ _csrf: 'wrong' }).expect(403);
      await t.http.post('/portal/logout').set('Cookie', cookie).type('form').send({ _csrf: portalCsrf }).expect(303);
      const after = await t.http.get('/portal').set('Cookie', cookie).expect(303);
      expect(after.headers.location).toMatch(/^\/portal\/login/);
    });

    it('refuses an expired link', async () => {
      await requestLink(email);
      const path = await latestLink();
      await t.dataSource.query(`UPDATE portal_sign_in_token SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL`);
      const res = await t.http.get(path).expect(404);
      expect(res.text).toContain('utløpt');
      expect(cookieFrom(res, 'sd_portal')).toBeUndefined();
    });
  });

  describe('admin pages', () => {
    it.each(['/consumers', '/consumers?q=oslo&status=active', '/consumers/new', '/consumers/import', '/onboarding'])(
      'renders %s',
      async (path) => {
        const res = await t.http.get(path).set(admin()).expect(200);
        expect(res.text).toContain('<h1');
      },
    );

    it.each(['', '/contacts', '/agreement', '/services', '/onboarding', '/keys', '/history'])(
      'renders the consumer tab %j',
      async (tab) => {
        const res = await t.http.get(`/consumers/${oslo.id}${tab}`).set(admin()).expect(200);
        expect(res.text).toContain('Oslo kommune');
      },
    );

    it('shows the agreement expiring on the list page and the audit history on the consumer', async () => {
      expect((await t.http.get('/consumers').set(admin()).expect(200)).text).toContain('Avtaler som utløper innen 60 dager');
      expect((await t.http.get(`/consumers/${oslo.id}/history`).set(admin()).expect(200)).text).toContain('consumer.onboarding_advanced');
    });

    it('previews an import before committing it', async () => {
      const csv = `orgNumber,name\n${ORG.vendorB},Forhåndsvist kommune`;
      const preview = await t.http.post('/consumers/import').set(admin()).type('form').send({ csv }).expect(200);
      expect(preview.text).toContain('Forhåndsvisning');
      expect(await t.get(FindConsumers).byOrgNumber(ORG.vendorB)).toBeNull();
      await t.http.post('/consumers/import/commit').set(admin()).type('form').send({ csv }).expect(200);
      expect(await t.get(FindConsumers).byOrgNumber(ORG.vendorB)).toMatchObject({ name: 'Forhåndsvist kommune', status: 'applicant' });
    });

    it('re-renders the new-consumer form with the error and what was entered', async () => {
      const res = await t.http
        .post('/consumers')
        .set(admin())
        .type('form')
        .send('orgNumber=123456789&name=Feil+kommune&services=ssg&catalogueCodes=ssg&catalogueCodes=inntekt')
        .expect(400);
      expect(res.text).toContain('orgNumber');
      expect(res.text).toContain('value="Feil kommune"');
      expect(res.text).toMatch(/value="ssg" checked/);
    });
  });
});

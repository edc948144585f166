import { ListAuditEntries } from '@domain/audit';
import { FindServicesInForce, osloDay } from '@domain/catalogue';
import { SEED_CATALOGUE_LABEL } from '@domain/catalogue/catalogue-seed';

import { SeedTasks } from '../../../apps/api/src/seed-tasks';
import { catalogueApi, V } from '../../support/catalogue-api';
import { catalogueService, SKE } from '../../support/fixtures';
import { createStaffWithToken } from '../../support/staff-session';
import { bearer, createTestApp, TestApp } from '../../support/test-app';

describe('catalogue versions (Bilag 2): access, lifecycle, validation and the seed', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let viewer: Record<string, string>;
  const { post, put, get, fields, versionCount, publishedVersion } = catalogueApi(() => t);

  beforeAll(async () => {
    t = await createTestApp();
    admin = bearer(t.adminToken);
    viewer = bearer((await createStaffWithToken(t, 'viewer', { email: 'lesetilgang@ks.example.test' })).token);
  });
  afterAll(() => t?.close());

  describe('access', () => {
    it('answers 401 without a token, and with an unknown one', async () => {
      await t.http.get(V).expect(401);
      await t.http.post(V).send({ label: 'x', effectiveFrom: '2026-01-01', services: [] }).expect(401);
      await t.http.get('/api/v1/catalogue/in-force').expect(401);
      await t.http
        .get(V)
        .set(bearer('x'.repeat(40)))
        .expect(401);
    });

    it('lets read-only staff read but not write', async () => {
      await t.http.get(V).set(viewer).expect(200);
      const res = await t.http.post(V).set(viewer).send({ label: 'x', effectiveFrom: '2026-01-01', services: [] }).expect(403);
      expect(res.body.code).toBe('forbidden');
    });

    it('lists every endpoint in the OpenAPI document', async () => {
      const paths = Object.keys((await t.http.get('/api/docs-json').expect(200)).body.paths);
      expect(paths).toEqual(
        expect.arrayContaining([V, `${V}/{id}`, `${V}/{id}/publish`, `${V}/{id}/draft`, `${V}/{id}/diff`, '/api/v1/catalogue/in-force']),
      );
    });
  });

  describe('create, publish, list', () => {
    let id: string;

    it('creates a draft with the services as given, defaults filled in', async () => {
      const res = await post(V, {
        label: 'Bilag 2 – test 1',
        effectiveFrom: '2020-01-01',
        notes: 'Første',
        services: [
          catalogueService('inntekt', {
            entitlementPackages: [{ code: 'saernamsmann', purpose: 'Innkreving' }],
            serviceAreas: ['Særnamsmannsmyndighet'],
            informationTypes: ['Lønn'],
            // Left out, so its default shows.
            altinnResource: undefined,
          }),
          catalogueService('folkeregister', { environments: ['test'] }),
        ],
      }).expect(201);
      id = res.body.id;
      expect(res.body).toMatchObject({
        label: 'Bilag 2 – test 1',
        status: 'draft',
        effectiveFrom: '2020-01-01',
        notes: 'Første',
        inForce: false,
        publishedAt: null,
        serviceCount: 2,
      });
      expect(res.body.services[0]).toEqual({
        code: 'inntekt',
        name: 'Tjeneste inntekt',
        description: '',
        maskinportenScopes: ['skatteetaten:inntekt'],
        entitlementPackages: [{ code: 'saernamsmann', purpose: 'Innkreving' }],
        serviceAreas: ['Særnamsmannsmyndighet'],
        environments: ['production', 'test'],
        escalationEmails: [`inntekt@${SKE}`],
        securityEmails: [`sikkerhet@${SKE}`],
        lifecycle: 'active',
        sunsetDate: null,
        altinnResource: null,
        documentationUrl: null,
        informationTypes: ['Lønn'],
      });
      expect(res.body.services[1]).toMatchObject({ code: 'folkeregister', environments: ['test'] });
    });

    it('accepts an ISO date-time as effectiveFrom, taken as its day in Norway', async () => {
      const res = await post(V, { label: 'dato-tid', effectiveFrom: '2024-12-31T23:30:00Z', services: [] }).expect(201);
      expect(res.body.effectiveFrom).toBe('2025-01-01');
      await t.http.delete(`${V}/${res.body.id}`).set(admin).expect(204);
    });

    it('does not yet put a draft in force', async () => {
      await get('/api/v1/catalogue/in-force?at=2020-06-01').expect(404);
      expect(await t.get(FindServicesInForce).execute(['inntekt'], new Date('2020-06-01T12:00:00Z'))).toEqual([]);
    });

    it('publishes: status published, who and when, in force from its (past) date', async () => {
      const res = await post(`${V}/${id}/publish`).expect(200);
      expect(res.body).toMatchObject({ id, status: 'published', publishedBy: 'admin@ks.example.test', inForce: true });
      expect(new Date(res.body.publishedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
      const inForce = await get('/api/v1/catalogue/in-force?at=2020-06-01').expect(200);
      expect(inForce.body).toMatchObject({ id, status: 'published' });
    });

    it('publishing again changes nothing', async () => {
      const before = (await get(`${V}/${id}`).expect(200)).body;
      const again = await post(`${V}/${id}/publish`).expect(200);
      expect(again.body.publishedAt).toBe(before.publishedAt);
    });

    it('lists the version with its status', async () => {
      const list = (await get(V).expect(200)).body;
      expect(list).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id, status: 'published', inForce: true, serviceCount: 2, serviceCodes: ['inntekt', 'folkeregister'] }),
        ]),
      );
      expect((await get(`${V}/${id}`).expect(200)).body.services.map((s: { code: string }) => s.code)).toEqual([
        'inntekt',
        'folkeregister',
      ]);
    });

    it('answers 404 for an unknown version and 400 for a malformed id', async () => {
      const res = await get(`${V}/00000000-0000-4000-8000-000000000000`).expect(404);
      expect(res.body.code).toBe('catalogue_version_not_found');
      await get(`${V}/not-a-uuid`).expect(400);
    });

    it('keeps a published version immutable: PUT and DELETE answer 409 and nothing changes', async () => {
      const before = (await get(`${V}/${id}`).expect(200)).body;
      const res = await put(`${V}/${id}`, {
        label: 'endret',
        effectiveFrom: '2020-02-01',
        services: [catalogueService('ny-tjeneste')],
      }).expect(409);
      expect(res.body.code).toBe('catalogue_version_published');
      const del = await t.http.delete(`${V}/${id}`).set(admin).expect(409);
      expect(del.body.code).toBe('catalogue_version_published');
      expect((await get(`${V}/${id}`).expect(200)).body).toEqual(before);
    });
  });

  describe('validation (400 naming the field; nothing stored)', () => {
    const base = { label: 'ugyldig', effectiveFrom: '2026-01-01' };

    it.each<[string, object, string[]]>([
      [
        'duplicate service codes',
        { ...base, services: [catalogueService('inntekt'), catalogueService('folkeregister'), catalogueService('inntekt')] },
        ['services[2].code'],
      ],
      [
        'a bad escalation e-mail',
        { ...base, services: [catalogueService('inntekt', { escalationEmails: ['ok@skatteetaten.example', 'ikke-en-adresse'] })] },
        ['services[0].escalationEmails[1]'],
      ],
      [
        'a bad security e-mail',
        { ...base, services: [catalogueService('inntekt', { securityEmails: ['@skatteetaten.example'] })] },
        ['services[0].securityEmails[0]'],
      ],
      ['a code that is not a slug', { ...base, services: [catalogueService('Inntekt API')] }, ['services[0].code']],
      [
        'an unknown environment',
        { ...base, services: [catalogueService('inntekt', { environments: ['staging'] })] },
        ['services[0].environments[0]'],
      ],
      ['a missing label', { effectiveFrom: '2026-01-01', services: [] }, ['label']],
      ['a missing effectiveFrom', { label: 'x', services: [] }, ['effectiveFrom']],
      ['an impossible date', { label: 'x', effectiveFrom: '2026-02-30', services: [] }, ['effectiveFrom']],
      ['services that are not a list', { ...base, services: 'inntekt' }, ['services']],
      [
        'a service without escalation addresses',
        { ...base, services: [{ ...catalogueService('inntekt'), escalationEmails: undefined }] },
        ['services[0].escalationEmails'],
      ],
    ])('%s', async (_name, body, expected) => {
      const count = await versionCount();
      const res = await post(V, body).expect(400);
      expect(fields(res)).toEqual(expect.arrayContaining(expected));
      expect(await versionCount()).toBe(count);
    });

    it('refuses to publish an empty version, naming services', async () => {
      const draft = await post(V, { label: 'tom', effectiveFrom: '2026-01-01', services: [] }).expect(201);
      const res = await post(`${V}/${draft.body.id}/publish`).expect(400);
      expect(fields(res)).toEqual(['services']);
      expect((await get(`${V}/${draft.body.id}`).expect(200)).body.status).toBe('draft');
      await t.http.delete(`${V}/${draft.body.id}`).set(admin).expect(204);
    });

    it('leaves a draft unchanged when a PUT is invalid', async () => {
      const draft = await post(V, { label: 'kladd', effectiveFrom: '2026-01-01', services: [catalogueService('inntekt')] }).expect(201);
      const res = await put(`${V}/${draft.body.id}`, {
        label: 'kladd 2',
        effectiveFrom: '2026-01-01',
        services: [catalogueService('inntekt'), catalogueService('inntekt')],
      }).expect(400);
      expect(fields(res)).toEqual(['services[1].code']);
      expect((await get(`${V}/${draft.body.id}`).expect(200)).body).toMatchObject({ label: 'kladd', serviceCodes: ['inntekt'] });
      await t.http.delete(`${V}/${draft.body.id}`).set(admin).expect(204);
    });
  });

  describe('drafts: replace, copy, delete', () => {
    it('replaces a draft with PUT', async () => {
      const draft = await post(V, { label: 'kladd', effectiveFrom: '2026-01-01', services: [catalogueService('inntekt')] }).expect(201);
      const res = await put(`${V}/${draft.body.id}`, {
        label: 'kladd v2',
        effectiveFrom: '2026-02-01',
        notes: 'ny',
        services: [catalogueService('folkeregister'), catalogueService('hendelseslister')],
      }).expect(200);
      expect(res.body).toMatchObject({
        label: 'kladd v2',
        effectiveFrom: '2026-02-01',
        notes: 'ny',
        status: 'draft',
        serviceCodes: ['folkeregister', 'hendelseslister'],
      });
      await t.http.delete(`${V}/${draft.body.id}`).set(admin).expect(204);
      await get(`${V}/${draft.body.id}`).expect(404);
    });

    it('copies a version into a new draft, by /draft or by copyFrom', async () => {
      const source = await publishedVersion('kilde', '2010-01-01', [catalogueService('inntekt'), catalogueService('folkeregister')]);
      const copy = await post(`${V}/${source.id}/draft`, { label: 'kopi', effectiveFrom: '2010-06-01' }).expect(201);
      expect(copy.body).toMatchObject({
        label: 'kopi',
        status: 'draft',
        effectiveFrom: '2010-06-01',
        serviceCodes: ['inntekt', 'folkeregister'],
      });
      expect(copy.body.services).toEqual(source.services);
      const before = osloDay(new Date());
      const byBody = await post(V, { copyFrom: source.id }).expect(201);
      expect(byBody.body).toMatchObject({ label: 'kilde (utkast)', status: 'draft', serviceCodes: ['inntekt', 'folkeregister'] });
      // The source's date is long past, so the copy defaults to today.
      expect([before, osloDay(new Date())]).toContain(byBody.body.effectiveFrom);
      for (const id of [copy.body.id, byBody.body.id]) await t.http.delete(`${V}/${id}`).set(admin).expect(204);
      await post(`${V}/00000000-0000-4000-8000-000000000000/draft`).expect(404);
    });

    it('audits created, updated, published and deleted with before and after', async () => {
      const draft = await post(V, { label: 'revisjon', effectiveFrom: '2001-01-01', services: [catalogueService('inntekt')] }).expect(201);
      await put(`${V}/${draft.body.id}`, {
        label: 'revisjon',
        effectiveFrom: '2001-01-01',
        services: [catalogueService('inntekt', { name: 'Nytt navn' })],
      }).expect(200);
      const other = await post(V, { label: 'slettes', effectiveFrom: '2001-01-01', services: [catalogueService('inntekt')] }).expect(201);
      await t.http.delete(`${V}/${other.body.id}`).set(admin).expect(204);
      await post(`${V}/${draft.body.id}/publish`).expect(200);

      const audit = t.get(ListAuditEntries);
      const trail = (await audit.execute({ objectType: 'catalogue_version', objectId: draft.body.id })).reverse();
      expect(trail.map((e) => e.action)).toEqual(['catalogue_version.created', 'catalogue_version.updated', 'catalogue_version.published']);
      expect(trail.every((e) => e.actorLabel === 'admin@ks.example.test')).toBe(true);
      const updated = trail[1].details as { before: { services: Array<{ name: string }> }; after: { services: Array<{ name: string }> } };
      expect(updated.before.services[0].name).toBe('Tjeneste inntekt');
      expect(updated.after.services[0].name).toBe('Nytt navn');
      expect(trail[2].details).toMatchObject({ before: { status: 'draft' }, after: { status: 'published', effectiveFrom: '2001-01-01' } });
      const deleted = await audit.execute({
        objectType: 'catalogue_version',
        objectId: other.body.id,
        action: 'catalogue_version.deleted',
      });
      expect(deleted[0].details).toMatchObject({ before: { label: 'slettes', services: [expect.objectContaining({ code: 'inntekt' })] } });
    });
  });

  describe('seed', () => {
    it('publishes the first Bilag 2 once', async () => {
      const seeds = t.get(SeedTasks);
      expect(await seeds.run()).toContain('published');
      expect(await seeds.run()).toContain('already exists');
      const seeded = ((await get(V).expect(200)).body as Array<{ id: string; label: string }>).filter(
        (v) => v.label === SEED_CATALOGUE_LABEL,
      );
      expect(seeded).toHaveLength(1);
      const version = (await get(`${V}/${seeded[0].id}`).expect(200)).body;
      expect(version).toMatchObject({ effectiveFrom: '2026-01-01', publishedBy: 'system' });
      expect(version.services.map((s: { code: string }) => s.code)).toEqual([
        'summert-skattegrunnlag',
        'inntekt',
        'hendelseslister',
        'folkeregister',
      ]);
      const ssg = version.services[0];
      expect(ssg.maskinportenScopes).toEqual(['skatteetaten:summertskattegrunnlag']);
      expect(ssg.entitlementPackages.map((p: { code: string }) => p.code)).toEqual([
        'kommuneforeldrebetaling',
        'kommuneboligsosialeformaal',
        'kommunelangtidsoppholdinstitusjon',
        'kommunepersonligassistanse',
        'saernamsmann',
      ]);
      expect(ssg.serviceAreas).toHaveLength(5);
      expect(ssg.altinnResource).toBe('Summert Skattegrunnlag API – På vegne av');
    });
  });
});

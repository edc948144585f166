import { ListAuditEntries } from '@domain/audit/list-audit-entries.use-case';
import { osloDay } from '@domain/catalogue/catalogue-dates';
import { SEED_CATALOGUE_LABEL } from '@domain/catalogue/catalogue-seed';
import { FindServicesInForce } from '@domain/catalogue/find-services-in-force.use-case';
import { CreateApiToken } from '@domain/identity/create-api-token.use-case';
import { CreateStaffUser } from '@domain/identity/create-staff-user.use-case';
import { SYSTEM_ACTOR } from '@domain/shared/principal';

import { SeedTasks } from '../apps/api/src/seed-tasks';
import { bearer, createTestApp, TestApp } from './support/test-app';

const V = '/api/v1/catalogue/versions';

const service = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  name: `Tjeneste ${code}`,
  maskinportenScopes: [`skatteetaten:${code.replace(/-/g, '')}`],
  environments: ['production', 'test'],
  escalationEmails: [`${code}@skatteetaten.example`],
  securityEmails: ['sikkerhet@skatteetaten.example'],
  ...over,
});

describe('catalogue (Bilag 2)', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let viewer: Record<string, string>;

  const post = (path: string, body?: object) =>
    t.http
      .post(path)
      .set(admin)
      .send(body ?? {});
  const put = (path: string, body: object) => t.http.put(path).set(admin).send(body);
  const get = (path: string) => t.http.get(path).set(admin);
  const fields = (res: { body: { fields?: Array<{ field: string }> } }) => (res.body.fields ?? []).map((f) => f.field);
  const versionCount = async () => (await get(V).expect(200)).body.length as number;

  async function publishedVersion(label: string, effectiveFrom: string, services: object[]) {
    const created = await post(V, { label, effectiveFrom, services }).expect(201);
    return (await post(`${V}/${created.body.id}/publish`).expect(200)).body;
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = bearer(t.adminToken);
    const { user } = await t.get(CreateStaffUser).execute({ email: 'lesetilgang@ks.example.test', role: 'viewer' }, SYSTEM_ACTOR);
    const { token } = await t
      .get(CreateApiToken)
      .execute({ kind: 'staff', id: user.id, email: user.email, name: user.name, role: 'viewer', via: 'token' }, 'test', SYSTEM_ACTOR);
    viewer = bearer(token);
  });
  afterAll(() => t.close());

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
          service('inntekt', {
            entitlementPackages: [{ code: 'saernamsmann', purpose: 'Innkreving' }],
            serviceAreas: ['Særnamsmannsmyndighet'],
            informationTypes: ['Lønn'],
          }),
          service('folkeregister', { environments: ['test'] }),
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
        escalationEmails: ['inntekt@skatteetaten.example'],
        securityEmails: ['sikkerhet@skatteetaten.example'],
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
      const res = await put(`${V}/${id}`, { label: 'endret', effectiveFrom: '2020-02-01', services: [service('ny-tjeneste')] }).expect(409);
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
        { ...base, services: [service('inntekt'), service('folkeregister'), service('inntekt')] },
        ['services[2].code'],
      ],
      [
        'a bad escalation e-mail',
        { ...base, services: [service('inntekt', { escalationEmails: ['ok@skatteetaten.example', 'ikke-en-adresse'] })] },
        ['services[0].escalationEmails[1]'],
      ],
      [
        'a bad security e-mail',
        { ...base, services: [service('inntekt', { securityEmails: ['@skatteetaten.example'] })] },
        ['services[0].securityEmails[0]'],
      ],
      ['a code that is not a slug', { ...base, services: [service('Inntekt API')] }, ['services[0].code']],
      [
        'an unknown environment',
        { ...base, services: [service('inntekt', { environments: ['staging'] })] },
        ['services[0].environments[0]'],
      ],
      ['a missing label', { effectiveFrom: '2026-01-01', services: [] }, ['label']],
      ['a missing effectiveFrom', { label: 'x', services: [] }, ['effectiveFrom']],
      ['an impossible date', { label: 'x', effectiveFrom: '2026-02-30', services: [] }, ['effectiveFrom']],
      ['services that are not a list', { ...base, services: 'inntekt' }, ['services']],
      [
        'a service without escalation addresses',
        { ...base, services: [{ ...service('inntekt'), escalationEmails: undefined }] },
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
      const draft = await post(V, { label: 'kladd', effectiveFrom: '2026-01-01', services: [service('inntekt')] }).expect(201);
      const res = await put(`${V}/${draft.body.id}`, {
        label: 'kladd 2',
        effectiveFrom: '2026-01-01',
        services: [service('inntekt'), service('inntekt')],
      }).expect(400);
      expect(fields(res)).toEqual(['services[1].code']);
      expect((await get(`${V}/${draft.body.id}`).expect(200)).body).toMatchObject({ label: 'kladd', serviceCodes: ['inntekt'] });
      await t.http.delete(`${V}/${draft.body.id}`).set(admin).expect(204);
    });
  });

  describe('drafts: replace, copy, delete', () => {
    it('replaces a draft with PUT', async () => {
      const draft = await post(V, { label: 'kladd', effectiveFrom: '2026-01-01', services: [service('inntekt')] }).expect(201);
      const res = await put(`${V}/${draft.body.id}`, {
        label: 'kladd v2',
        effectiveFrom: '2026-02-01',
        notes: 'ny',
        services: [service('folkeregister'), service('hendelseslister')],
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
      const source = await publishedVersion('kilde', '2010-01-01', [service('inntekt'), service('folkeregister')]);
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
      const draft = await post(V, { label: 'revisjon', effectiveFrom: '2001-01-01', services: [service('inntekt')] }).expect(201);
      await put(`${V}/${draft.body.id}`, {
        label: 'revisjon',
        effectiveFrom: '2001-01-01',
        services: [service('inntekt', { name: 'Nytt navn' })],
      }).expect(200);
      const other = await post(V, { label: 'slettes', effectiveFrom: '2001-01-01', services: [service('inntekt')] }).expect(201);
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

  describe('in force at a date', () => {
    // Dates of their own, far enough ahead that "today" never reaches them, apart from those above (2001, 2010, 2020).
    let first: { id: string };
    let second: { id: string };
    let scheduled: { id: string };
    let recordedLater: { id: string };

    beforeAll(async () => {
      first = await publishedVersion('2801-a', '2801-01-01', [service('inntekt'), service('folkeregister')]);
      second = await publishedVersion('2801-b', '2801-06-01', [
        service('inntekt', { escalationEmails: ['ny@skatteetaten.example'] }),
        service('hendelseslister'),
      ]);
      // An earlier period recorded after the later ones were published.
      recordedLater = await publishedVersion('2800', '2800-01-01', [service('summert-skattegrunnlag')]);
      scheduled = await publishedVersion('2999', '2999-01-01', [service('inntekt')]);
    });

    it.each<[string, string, () => { id: string }]>([
      ['on the first day of a version', '2801-01-01', () => first],
      ['the day before the next one', '2801-05-31', () => first],
      ['from the next one on', '2801-06-01', () => second],
      ['an earlier period recorded afterwards', '2800-12-31', () => recordedLater],
      ['a date-time late in the evening UTC is the next day in Oslo', '2801-05-31T22:30:00Z', () => second],
      ['a future scheduled version on its date', '2999-01-02', () => scheduled],
    ])('%s', async (_name, at, expected) => {
      const res = await get(`/api/v1/catalogue/in-force?at=${encodeURIComponent(at)}`).expect(200);
      expect(res.body.id).toBe(expected().id);
    });

    it('marks in force, superseded and scheduled as of today', async () => {
      const list: Array<{ id: string; label: string; status: string; inForce: boolean; scheduled: boolean }> = (await get(V).expect(200))
        .body;
      const byLabel = new Map(list.map((v) => [v.label, v]));
      // Published above: 2001 (revisjon), 2010 (kilde), 2020 (test 1); today lies after 2020 and before 2800.
      expect(byLabel.get('Bilag 2 – test 1')).toMatchObject({ status: 'published', inForce: true, scheduled: false });
      expect(byLabel.get('kilde')).toMatchObject({ status: 'superseded', inForce: false, scheduled: false });
      expect(byLabel.get('revisjon')).toMatchObject({ status: 'superseded', inForce: false });
      for (const v of [first, second, recordedLater, scheduled])
        expect(list.find((x) => x.id === v.id)).toMatchObject({ status: 'published', inForce: false, scheduled: true });
      expect(list.filter((v) => v.inForce)).toHaveLength(1);
      expect((await get('/api/v1/catalogue/in-force').expect(200)).body.label).toBe('Bilag 2 – test 1');
    });

    it('breaks a tie on effectiveFrom by the latest publication', async () => {
      await publishedVersion('tie-1', '2500-01-01', [service('inntekt')]);
      const later = await publishedVersion('tie-2', '2500-01-01', [service('folkeregister')]);
      expect((await get('/api/v1/catalogue/in-force?at=2500-01-01').expect(200)).body.id).toBe(later.id);
      expect(await t.get(FindServicesInForce).allCodes(new Date('2500-01-02T12:00:00Z'))).toEqual(['folkeregister']);
    });

    it('answers 404 before any version and 400 for a bad date', async () => {
      const res = await get('/api/v1/catalogue/in-force?at=1999-12-31').expect(404);
      expect(res.body.code).toBe('catalogue_not_in_force');
      const bad = await get('/api/v1/catalogue/in-force?at=31.12.2030').expect(400);
      expect(fields(bad)).toEqual(['at']);
    });

    it('serves other contexts through FindServicesInForce', async () => {
      const find = t.get(FindServicesInForce);
      const at = (day: string) => new Date(`${day}T12:00:00Z`);
      expect((await find.execute(['inntekt', 'ukjent'], at('2801-03-01'))).map((s) => [s.code, s.escalationEmails])).toEqual([
        ['inntekt', ['inntekt@skatteetaten.example']],
      ]);
      expect((await find.execute(['inntekt'], at('2801-07-01')))[0].escalationEmails).toEqual(['ny@skatteetaten.example']);
      expect(await find.execute(['folkeregister'], at('2801-07-01'))).toEqual([]);
      expect(await find.execute([], at('2801-07-01'))).toEqual([]);
      expect(await find.allCodes(at('2801-07-01'))).toEqual(['inntekt', 'hendelseslister']);
      expect((await find.execute(['folkeregister', 'inntekt'])).map((s) => s.code)).toEqual(['inntekt', 'folkeregister']);
      expect(await find.allCodes(at('1999-01-01'))).toEqual([]);
    });

    it('diffs two versions through the API', async () => {
      const res = await get(`${V}/${second.id}/diff?against=${first.id}`).expect(200);
      expect(res.body.from).toEqual({ id: first.id, label: '2801-a' });
      expect(res.body.to).toEqual({ id: second.id, label: '2801-b' });
      expect(res.body.added.map((s: { code: string }) => s.code)).toEqual(['hendelseslister']);
      expect(res.body.removed.map((s: { code: string }) => s.code)).toEqual(['folkeregister']);
      expect(res.body.changed).toEqual([
        {
          code: 'inntekt',
          name: 'Tjeneste inntekt',
          changes: [
            {
              field: 'escalationEmails',
              before: ['inntekt@skatteetaten.example'],
              after: ['ny@skatteetaten.example'],
              added: ['ny@skatteetaten.example'],
              removed: ['inntekt@skatteetaten.example'],
            },
          ],
        },
      ]);
      const reverse = await get(`${V}/${first.id}/diff?against=${second.id}`).expect(200);
      expect(reverse.body.added.map((s: { code: string }) => s.code)).toEqual(['folkeregister']);
      await get(`${V}/${second.id}/diff?against=00000000-0000-4000-8000-000000000000`).expect(404);
    });

    it('diffs a published version against the one it replaced by default', async () => {
      const res = await get(`${V}/${second.id}/diff`).expect(200);
      expect(res.body.from.id).toBe(first.id);
    });
  });

  describe('admin pages', () => {
    const html = (path: string) => t.http.get(path).set(admin).set('Accept', 'text/html');
    const form = (path: string, body: Record<string, string | string[]>) =>
      t.http.post(path).set(admin).set('Accept', 'text/html').type('form').send(body);

    it('lists versions and answers "what applied on date"', async () => {
      const res = await html('/catalogue?at=2801-03-01').expect(200);
      expect(res.text).toContain('Hva gjaldt på dato');
      expect(res.text).toMatch(/gjaldt <a class="ds-link" href="\/catalogue\/[0-9a-f-]+">2801-a<\/a>/);
      for (const tag of ['Gjeldende', 'Planlagt', 'Erstattet']) expect(res.text).toContain(tag);
      expect((await html('/catalogue?at=1999-01-01').expect(200)).text).toContain('Ingen versjon gjaldt');
    });

    it('builds a draft with the forms, shows errors in place, and publishes', async () => {
      const created = await form('/catalogue', { label: 'Skjema-versjon', effectiveFrom: '2700-01-01', notes: '' }).expect(303);
      const editUrl = created.headers.location as string;
      const id = editUrl.split('/')[2];
      expect(editUrl).toBe(`/catalogue/${id}/edit`);
      expect((await html(editUrl).expect(200)).text).toContain('Legg til tjeneste');

      const bad = await form(`/catalogue/${id}/services`, {
        _form: 'new-service',
        code: 'inntekt',
        name: 'Inntekt API',
        maskinportenScopes: 'skatteetaten:inntekt',
        environments: 'production',
        escalationEmails: 'drift@skatteetaten.example\nikke-epost',
        securityEmails: '',
      }).expect(400);
      expect(bad.text).toContain('Eskaleringsadresser, linje 2');
      expect(bad.text).toContain('ikke-epost');

      await form(`/catalogue/${id}/services`, {
        _form: 'new-service',
        code: 'inntekt',
        name: 'Inntekt API',
        maskinportenScopes: 'skatteetaten:inntekt',
        entitlementPackages: 'saernamsmann: Innkreving av kommunale krav',
        environments: ['production', 'test'],
        serviceAreas: 'Særnamsmannsmyndighet',
        escalationEmails: 'drift@skatteetaten.example, vakt@skatteetaten.example',
        securityEmails: 'sikkerhet@skatteetaten.example',
        lifecycle: 'active',
      }).expect(303);
      await form(`/catalogue/${id}/services/inntekt`, {
        _form: 'service',
        code: 'inntekt',
        name: 'Inntekt API (ny)',
        maskinportenScopes: 'skatteetaten:inntekt',
        environments: 'test',
        escalationEmails: 'drift@skatteetaten.example',
        securityEmails: '',
      }).expect(303);
      await form(`/catalogue/${id}/edit`, {
        _form: 'details',
        label: 'Skjema-versjon 2',
        effectiveFrom: '2700-02-01',
        notes: 'Via skjema',
      }).expect(303);

      const stored = (await get(`${V}/${id}`).expect(200)).body;
      expect(stored).toMatchObject({ label: 'Skjema-versjon 2', effectiveFrom: '2700-02-01', notes: 'Via skjema' });
      expect(stored.services).toEqual([
        expect.objectContaining({
          code: 'inntekt',
          name: 'Inntekt API (ny)',
          environments: ['test'],
          escalationEmails: ['drift@skatteetaten.example'],
          securityEmails: [],
          entitlementPackages: [],
        }),
      ]);

      expect((await html(`/catalogue/${id}/publish`).expect(200)).text).toContain('Ja, publiser');
      expect((await form(`/catalogue/${id}/publish`, { _form: 'publish' }).expect(303)).headers.location).toBe(
        `/catalogue/${id}?published=1`,
      );
      const page = await html(`/catalogue/${id}`).expect(200);
      expect(page.text).toContain('Ny kladd fra denne versjonen');
      expect(page.text).toContain('Inntekt API (ny)');

      const locked = await form(`/catalogue/${id}/edit`, { _form: 'details', label: 'x', effectiveFrom: '2700-01-01' }).expect(409);
      expect(locked.text).toContain('kan ikke endres');
    });

    it('shows the diff side by side', async () => {
      const list: Array<{ id: string; label: string }> = (await get(V).expect(200)).body;
      const [a, b] = ['2801-a', '2801-b'].map((l) => list.find((v) => v.label === l)!);
      const res = await html(`/catalogue/${b.id}/diff?against=${a.id}`).expect(200);
      expect(res.text).toContain('app-diff-added');
      expect(res.text).toContain('app-diff-removed');
      expect(res.text).toContain('<ins class="app-diff-added">ny@skatteetaten.example</ins>');
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

import { FindServicesInForce } from '@domain/catalogue';

import { catalogueApi, V } from '../../support/catalogue-api';
import { catalogueService, SKE } from '../../support/fixtures';
import { bearer, createTestApp, TestApp } from '../../support/test-app';

describe('catalogue in force at a date, comparison and admin pages', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  const { get, fields, publishedVersion } = catalogueApi(() => t);

  beforeAll(async () => {
    t = await createTestApp();
    admin = bearer(t.adminToken);
    // Versions of earlier years: one in force today (2020), two it superseded.
    await publishedVersion('revisjon', '2001-01-01', [catalogueService('inntekt', { name: 'Nytt navn' })]);
    await publishedVersion('kilde', '2010-01-01', [catalogueService('inntekt'), catalogueService('folkeregister')]);
    await publishedVersion('Bilag 2 – test 1', '2020-01-01', [
      catalogueService('inntekt'),
      catalogueService('folkeregister', { environments: ['test'] }),
    ]);
  });
  afterAll(() => t?.close());

  describe('in force at a date', () => {
    // Dates of their own, far enough ahead that "today" never reaches them, apart from those above (2001, 2010, 2020).
    let first: { id: string };
    let second: { id: string };
    let scheduled: { id: string };
    let recordedLater: { id: string };

    beforeAll(async () => {
      first = await publishedVersion('2801-a', '2801-01-01', [catalogueService('inntekt'), catalogueService('folkeregister')]);
      second = await publishedVersion('2801-b', '2801-06-01', [
        catalogueService('inntekt', { escalationEmails: ['ny@skatteetaten.example'] }),
        catalogueService('hendelseslister'),
      ]);
      // An earlier period recorded after the later ones were published.
      recordedLater = await publishedVersion('2800', '2800-01-01', [catalogueService('summert-skattegrunnlag')]);
      scheduled = await publishedVersion('2999', '2999-01-01', [catalogueService('inntekt')]);
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
      await publishedVersion('tie-1', '2500-01-01', [catalogueService('inntekt')]);
      const later = await publishedVersion('tie-2', '2500-01-01', [catalogueService('folkeregister')]);
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
        ['inntekt', [`inntekt@${SKE}`]],
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
              before: [`inntekt@${SKE}`],
              after: ['ny@skatteetaten.example'],
              added: ['ny@skatteetaten.example'],
              removed: [`inntekt@${SKE}`],
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
      expect(bad.text).toContain('<a class="ds-link" href="#new-escalation">Eskaleringsadresser, nr. 2: ');
      expect(bad.text).toMatch(/id="new-escalation" name="escalationEmails" aria-invalid="true"/);
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
        securityEmails: `sikkerhet@${SKE}`,
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

    it('refuses draft details changed by someone else since the editor opened, in the page and in the API', async () => {
      const created = await form('/catalogue', { label: 'To redaktører', effectiveFrom: '2700-03-01', notes: '' }).expect(303);
      const editUrl = created.headers.location as string;
      const id = editUrl.split('/')[2];
      const opened = /<input type="hidden" name="version" value="([^"]+)">/.exec((await html(editUrl).expect(200)).text)?.[1];
      const read = await get(`${V}/${id}`).expect(200);
      expect(read.headers.etag).toBe(`"${opened}"`);

      // Someone else adds a service to the draft meanwhile.
      await form(`/catalogue/${id}/services`, {
        _form: 'new-service',
        code: 'inntekt',
        name: 'Inntekt API',
        maskinportenScopes: 'skatteetaten:inntekt',
        environments: 'production',
        escalationEmails: 'drift@skatteetaten.example',
        securityEmails: '',
      }).expect(303);
      const details = { _form: 'details', label: 'Mitt navn', effectiveFrom: '2700-03-01', notes: '' };
      const refused = await form(editUrl, { ...details, version: opened! }).expect(412);
      expect(refused.text).toContain('Noen andre endret kladden etter at du åpnet den.');
      expect(refused.text).toContain('value="Mitt navn"');
      const stale = await t.http
        .put(`${V}/${id}`)
        .set(admin)
        .set('If-Match', read.headers.etag)
        .send({ label: 'Fra API-et', effectiveFrom: '2700-03-01' });
      expect(stale.status).toBe(412);
      expect(stale.body.code).toBe('catalogue_version_changed');
      expect((await get(`${V}/${id}`).expect(200)).body).toMatchObject({ label: 'To redaktører', serviceCount: 1 });

      const shown = /<input type="hidden" name="version" value="([^"]+)">/.exec(refused.text)?.[1];
      await form(editUrl, { ...details, version: shown! }).expect(303);
      expect((await get(`${V}/${id}`).expect(200)).body.label).toBe('Mitt navn');

      // Without `services`, a replacement keeps the draft's services.
      const current = await get(`${V}/${id}`).expect(200);
      await t.http
        .put(`${V}/${id}`)
        .set(admin)
        .set('If-Match', current.headers.etag)
        .send({ label: 'Fra API-et', effectiveFrom: '2700-03-01' })
        .expect(200);
      expect((await get(`${V}/${id}`).expect(200)).body).toMatchObject({ label: 'Fra API-et', serviceCount: 1 });
    });

    it('refuses an edit of a draft’s service changed by someone else since the editor opened, but not an edit of another service', async () => {
      const created = await form('/catalogue', { label: 'To tjenester', effectiveFrom: '2700-04-01', notes: '' }).expect(303);
      const editUrl = created.headers.location as string;
      const id = editUrl.split('/')[2];
      const service = (code: string, name: string) => ({
        _form: 'new-service',
        code,
        name,
        maskinportenScopes: `skatteetaten:${code}`,
        environments: 'production',
        escalationEmails: 'drift@skatteetaten.example',
        securityEmails: '',
      });
      await form(`/catalogue/${id}/services`, service('inntekt', 'Inntekt API')).expect(303);
      await form(`/catalogue/${id}/services`, service('formue', 'Formue API')).expect(303);
      const versionOf = (html: string, code: string) =>
        /<input type="hidden" name="version" value="([^"]+)">/.exec(
          html.slice(html.indexOf(`action="/catalogue/${id}/services/${code}#`)),
        )?.[1];
      const opened = (await html(editUrl).expect(200)).text;
      const edit = (code: string, name: string, version: string) =>
        form(`/catalogue/${id}/services/${code}`, { ...service(code, name), _form: 'service', version });

      // Someone else renames «formue» meanwhile; an edit of «inntekt» made from the same page is not refused.
      await edit('formue', 'Formue API (annen)', versionOf(opened, 'formue')!).expect(303);
      await edit('inntekt', 'Inntekt API (min)', versionOf(opened, 'inntekt')!).expect(303);
      const refused = await edit('formue', 'Formue API (min)', versionOf(opened, 'formue')!).expect(412);
      expect(refused.text).toContain('Noen andre endret tjenesten etter at du åpnet kladden.');
      expect(refused.text).toContain('value="Formue API (min)"');
      const names = async () => (await get(`${V}/${id}`).expect(200)).body.services.map((s: { name: string }) => s.name);
      expect(await names()).toEqual(['Inntekt API (min)', 'Formue API (annen)']);

      await edit('formue', 'Formue API (min)', versionOf(refused.text, 'formue')!).expect(303);
      expect(await names()).toEqual(['Inntekt API (min)', 'Formue API (min)']);

      // A change of the draft's details is not a change of its services.
      const before = (await html(editUrl).expect(200)).text;
      await form(editUrl, { _form: 'details', label: 'To tjenester (omdøpt)', effectiveFrom: '2700-04-01', notes: '' }).expect(303);
      await edit('inntekt', 'Inntekt API (igjen)', versionOf(before, 'inntekt')!).expect(303);

      // A service renamed by someone else meanwhile has no form left: what was entered for it is offered for adding again.
      await form(`/catalogue/${id}/services/formue`, {
        ...service('formue-v2', 'Formue API v2'),
        _form: 'service',
        version: versionOf(before, 'formue')!,
      }).expect(303);
      const gone = await edit('formue', 'Formue API (min igjen)', versionOf(before, 'formue')!).expect(404);
      const adding = gone.text.slice(gone.text.indexOf('id="new-service"'));
      expect(adding).toMatch(/^id="new-service" open/);
      expect(adding).toContain('Noen andre kan ha endret koden eller fjernet den.');
      expect(adding).toContain('value="Formue API (min igjen)"');
      expect(gone.text).toContain('href="#new-service">Se feilen i skjemaet');
      expect(await names()).toEqual(['Inntekt API (igjen)', 'Formue API v2']);
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
});

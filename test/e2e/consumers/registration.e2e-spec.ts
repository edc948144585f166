import { ListAuditEntries } from '@domain/audit';
import { FindConsumers, FindConsumersWithAccess, ListConsumerContacts } from '@domain/consumers';

import { consumerRegistryApp, contacts, ORG, registerConsumerBody, serviceAccess } from '../../support/consumer-fixtures';
import { bearer, TestApp } from '../../support/test-app';

describe('consumer registration and bulk import', () => {
  let t: TestApp;
  const admin = () => bearer(t.adminToken);
  let oslo: { id: string; services: Array<{ id: string; code: string }> };
  let bergen: { id: string };

  const register = (body: object) => registerConsumerBody(t, body);

  async function consumerCount(): Promise<number> {
    return Number((await t.dataSource.query('SELECT count(*)::int AS n FROM consumer'))[0].n);
  }

  beforeAll(async () => {
    t = await consumerRegistryApp();
  });
  afterAll(() => t?.close());

  describe('registration', () => {
    it('registers a consumer with contacts and services (201), active at once', async () => {
      const res = await register({
        orgNumber: ORG.oslo,
        name: 'Oslo kommune',
        municipalityNumber: '0301',
        contacts: contacts(ORG.oslo),
        services: serviceAccess('ssg', 'inntekt'),
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
          services: serviceAccess('ssg'),
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
      [
        'a service not in the catalogue in force',
        { services: [...serviceAccess('ssg'), ...serviceAccess('finnes-ikke')] },
        'services[1].code',
      ],
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
        services: serviceAccess('ssg'),
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

    it.each([
      ['text/csv', 'body', `orgNumber,name\n${ORG.imported2},Null\u0000kommune`],
      ['application/json', 'csv', JSON.stringify({ csv: `orgNumber,name\n${ORG.imported2},Null\u0000kommune` })],
    ])('refuses a %s import with a NUL character, naming %s, and imports nothing', async (type, field, body) => {
      const res = await t.http.post('/api/v1/consumers/import?dryRun=false').set(admin()).set('Content-Type', type).send(body).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
      expect(await t.get(FindConsumers).byOrgNumber(ORG.imported2)).toBeNull();
    });

    it.each(['offset=1e20', 'offset=9223372036854775808', 'offset=2000000', 'offset=-1', 'offset=abc', 'limit=1e20', 'limit=0.5'])(
      'refuses the page %s with 400 naming the parameter',
      async (query) => {
        const res = await t.http.get(`/api/v1/consumers?${query}`).set(admin()).expect(400);
        expect(new Set(res.body.fields.map((f: { field: string }) => f.field))).toEqual(new Set([query.split('=')[0]]));
      },
    );

    it('updates a consumer (PATCH) and audits before and after', async () => {
      const res = await t.http.patch(`/api/v1/consumers/${bergen.id}`).set(admin()).send({ municipalityNumber: '4601' }).expect(200);
      expect(res.body.municipalityNumber).toBe('4601');
      const [entry] = await t.get(ListAuditEntries).execute({ objectId: bergen.id, action: 'consumer.updated' });
      expect(entry.details).toMatchObject({ before: { municipalityNumber: null }, after: { municipalityNumber: '4601' } });
    });

    it('refuses a PATCH whose If-Match names a version someone else has changed since, and stores nothing of it', async () => {
      const read = await t.http.get(`/api/v1/consumers/${bergen.id}`).set(admin()).expect(200);
      expect(read.headers.etag).toBe(`"${read.body.version}"`);
      // Someone else changes it in between: the version read is now out of date.
      await t.http.patch(`/api/v1/consumers/${bergen.id}`).set(admin()).send({ municipalityNumber: '4602' }).expect(200);
      const stale = await t.http
        .patch(`/api/v1/consumers/${bergen.id}`)
        .set(admin())
        .set('If-Match', read.headers.etag)
        .send({ name: 'Bergen kommune (utdatert)' })
        .expect(412);
      expect(stale.body).toMatchObject({ code: 'consumer_changed' });
      const now = await t.http.get(`/api/v1/consumers/${bergen.id}`).set(admin()).expect(200);
      expect(now.body).toMatchObject({ name: read.body.name, municipalityNumber: '4602' });
      expect(now.headers.etag).not.toBe(read.headers.etag);

      const weak = await t.http.patch(`/api/v1/consumers/${bergen.id}`).set(admin()).set('If-Match', `W/${now.headers.etag}`).send({});
      expect(weak.status).toBe(412);
      const changed = await t.http
        .patch(`/api/v1/consumers/${bergen.id}`)
        .set(admin())
        .set('If-Match', `"another", ${now.headers.etag}`)
        .send({ name: 'Bergen kommune (ny)' })
        .expect(200);
      expect(changed.body.name).toBe('Bergen kommune (ny)');
      expect(changed.headers.etag).toBe(`"${changed.body.version}"`);
      expect(changed.headers.etag).not.toBe(now.headers.etag);
      await t.http
        .patch(`/api/v1/consumers/${bergen.id}`)
        .set(admin())
        .set('If-Match', '*')
        .send({ name: read.body.name, municipalityNumber: read.body.municipalityNumber })
        .expect(200);
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

    it('keeps a stored contact’s name and role where the file leaves their cells empty', async () => {
      const email = 'ida@importert.example.test';
      await t.dataSource.query(`UPDATE consumer_contact SET name = 'Ida Importert', role = 'security' WHERE email = $1`, [email]);
      const addressOnly = [header, `${ORG.imported},Importert kommune (ny),kommune,1103,,${email},,`].join('\n');
      const res = await t.http.post('/api/v1/consumers/import?dryRun=false').set(admin()).send({ csv: addressOnly }).expect(200);
      expect(res.body).toMatchObject({ created: 0, updated: 0, unchanged: 1, errors: 0 });
      expect(await t.dataSource.query(`SELECT name, role FROM consumer_contact WHERE email = $1`, [email])).toEqual([
        { name: 'Ida Importert', role: 'security' },
      ]);
    });

    it('reads a CSV in the character set its Content-Type names, and refuses bytes that are not text in it', async () => {
      // Excel's Norwegian CSV export: Windows-1252, where «æ» and «Ø» are one byte each.
      const latin = Buffer.from(`orgNumber,name\n${ORG.imported},Bærum Øst kommune\n`, 'latin1');
      const dry = (type: string) => t.http.post('/api/v1/consumers/import?dryRun=true').set(admin()).set('Content-Type', type).send(latin);
      const read = await dry('text/csv; charset=windows-1252').expect(200);
      expect(read.body.rows[0].action).not.toBe('error');
      expect(JSON.stringify(read.body)).toContain('Bærum Øst kommune');
      const notUtf8 = await dry('text/csv').expect(400);
      expect(notUtf8.body).toMatchObject({ code: 'invalid_text_encoding', fields: [{ field: 'body' }] });
      const unknown = await dry('text/csv; charset=klingon').expect(415);
      expect(unknown.body).toMatchObject({ code: 'unsupported_media_type', fields: [{ field: 'Content-Type' }] });
    });

    it('reads a UTF-16 CSV by its label, though its bytes would also pass for UTF-8', async () => {
      // Excel's "Unicode text" export: UTF-16LE, here without a byte order mark. ASCII in UTF-16LE
      // is valid UTF-8 too (every other byte NUL), so only the label tells what it is.
      const utf16 = Buffer.from(`orgNumber,name\n${ORG.imported},Asker Nord kommune\n`, 'utf16le');
      const read = await t.http
        .post('/api/v1/consumers/import?dryRun=true')
        .set(admin())
        .set('Content-Type', 'text/csv; charset=utf-16le')
        .send(utf16)
        .expect(200);
      expect(read.body.rows).toEqual([expect.objectContaining({ action: expect.not.stringMatching(/^error$/) })]);
      expect(JSON.stringify(read.body)).toContain('"Asker Nord kommune"');
    });

    it('rejects a file that is not the expected CSV', async () => {
      // Norwegian headers and `;` are read, but not columns the import does not know.
      const res = await t.http
        .post('/api/v1/consumers/import')
        .set(admin())
        .send({ csv: 'kommune;adresse\nOslo;Rådhusplassen 1' })
        .expect(400);
      expect(res.body.code).toBe('invalid_import_file');
    });
  });
});

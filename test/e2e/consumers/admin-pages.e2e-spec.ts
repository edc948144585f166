import { FindConsumers } from '@domain/consumers';

import { consumerRegistryApp, ORG, OSLO, registered, RegisteredDetail } from '../../support/consumer-fixtures';
import { storedFingerprint } from '../../support/stored-data';
import { bearer, TestApp } from '../../support/test-app';

describe('consumer admin pages', () => {
  let t: TestApp;
  const admin = () => bearer(t.adminToken);
  let oslo: RegisteredDetail;

  beforeAll(async () => {
    t = await consumerRegistryApp();
    oslo = await registered(t, OSLO);
    // An agreement that ends within the list page's window, and onboarding history for the history tab.
    const in30 = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await t.http
      .put(`/api/v1/consumers/${oslo.id}/agreement`)
      .set(admin())
      .send({ signedOn: '2026-01-10', signatoryName: 'Ola Nordmann', validFrom: '2026-01-01', validTo: in30 })
      .expect(200);
    await t.http.post(`/api/v1/consumers/${oslo.id}/onboarding/ssg/advance`).set(admin()).send({ to: 'qualified' }).expect(200);
  });
  afterAll(() => t?.close());

  describe('admin pages', () => {
    it.each(['/consumers', '/consumers?q=oslo&status=active', '/consumers/new', '/consumers/import', '/onboarding'])(
      'renders %s',
      async (path) => {
        const res = await t.http.get(path).set(admin()).expect(200);
        expect(res.text).toContain('<h1');
      },
    );

    it.each(['', '/contacts', '/agreement', '/services', '/onboarding', '/reports', '/keys', '/history'])(
      'renders the consumer tab %j',
      async (tab) => {
        const res = await t.http.get(`/consumers/${oslo.id}${tab}`).set(admin()).expect(200);
        expect(res.text).toContain('Oslo kommune');
      },
    );

    it.each<[string, string, Record<string, string>, RegExp[]]>([
      [
        'the agreement',
        '/agreement',
        { signedOn: '2026-02-01', signatoryName: 'Kari Varaordfører', validFrom: '2026-06-01', validTo: '2026-01-01' },
        [
          /id="a-sig" name="signatoryName" required value="Kari Varaordfører"/,
          /id="a-to" name="validTo" type="date" aria-invalid="true" value="2026-01-01"/,
          /<a class="ds-link" href="#a-to">/,
        ],
      ],
      [
        'a new contact',
        '/contacts',
        { name: '', email: 'ny.kontakt@oslo.kommune.example', phone: '900 00 000', role: 'security' },
        [
          /id="n-name" name="name" required aria-invalid="true" value=""/,
          /<a class="ds-link" href="#n-name">/,
          /value="ny.kontakt@oslo.kommune.example"/,
          /value="900 00 000"/,
          /<option value="security" selected>/,
        ],
      ],
    ])('shows %s again as it was entered when it is refused, its field marked, and changes nothing', async (_label, path, form, shown) => {
      const before = await t.http.get(`/api/v1/consumers/${oslo.id}`).set(admin()).expect(200);
      const res = await t.http
        .post(`/consumers/${oslo.id}${path}`)
        .set(admin())
        .set('Accept', 'text/html')
        .type('form')
        .send(form)
        .expect(400);
      for (const pattern of shown) expect(res.text).toMatch(pattern);
      expect((await t.http.get(`/api/v1/consumers/${oslo.id}`).set(admin()).expect(200)).body).toEqual(before.body);
    });

    it('refuses details changed by someone else since the page was opened, shows what was entered, and saves it when sent again', async () => {
      const versionOn = (html: string) => /<input type="hidden" name="version" value="([^"]+)">/.exec(html)?.[1];
      const opened = versionOn((await t.http.get(`/consumers/${oslo.id}`).set(admin()).expect(200)).text);
      expect(opened).toBeDefined();
      const original = (await t.http.get(`/api/v1/consumers/${oslo.id}`).set(admin()).expect(200)).body;
      // Another member of staff changes the municipality number meanwhile.
      await t.http.patch(`/api/v1/consumers/${oslo.id}`).set(admin()).send({ municipalityNumber: '0302' }).expect(200);
      const form = { version: opened!, name: 'Oslo kommune (endret)', kind: 'kommune', municipalityNumber: '0301', status: 'active' };
      const send = (version: string) =>
        t.http
          .post(`/consumers/${oslo.id}`)
          .set(admin())
          .set('Accept', 'text/html')
          .type('form')
          .send({ ...form, version });
      const refused = await send(opened!).expect(412);
      expect(refused.text).toContain('Noen andre endret kommunen etter at du åpnet siden.');
      expect(refused.text).toMatch(/id="o-name" name="name" required value="Oslo kommune \(endret\)"/);
      expect((await t.http.get(`/api/v1/consumers/${oslo.id}`).set(admin()).expect(200)).body).toMatchObject({
        name: original.name,
        municipalityNumber: '0302',
      });
      // Sent again from the refused page, it overwrites knowingly.
      await send(versionOn(refused.text)!).expect(303);
      expect((await t.http.get(`/api/v1/consumers/${oslo.id}`).set(admin()).expect(200)).body).toMatchObject({
        name: 'Oslo kommune (endret)',
        municipalityNumber: '0301',
      });
      await t.http.patch(`/api/v1/consumers/${oslo.id}`).set(admin()).send({ name: original.name }).expect(200);
    });

    it('saves the Altinn delegation date of a service from its date field, and shows the same day', async () => {
      await t.http
        .post(`/consumers/${oslo.id}/services`)
        .set(admin())
        .type('form')
        .send('code=inntekt&environments=production&altinnDelegationConfirmedAt=2026-03-01')
        .expect(303);
      const stored = (await t.http.get(`/api/v1/consumers/${oslo.id}`).set(admin()).expect(200)).body.services;
      expect(stored.find((s: { code: string }) => s.code === 'inntekt').altinnDelegationConfirmedAt).toBe('2026-02-28T23:00:00.000Z');
      const page = await t.http.get(`/consumers/${oslo.id}/services`).set(admin()).expect(200);
      expect(page.text).toMatch(/name="altinnDelegationConfirmedAt" type="date" value="2026-03-01"/);
    });

    it('keeps the Altinn confirmation time stored through the API when the form leaves its day as shown', async () => {
      await t.http
        .put(`/api/v1/consumers/${oslo.id}/services/inntekt`)
        .set(admin())
        .send({ environments: ['production'], altinnDelegationConfirmedAt: '2026-03-01T10:15:00.000Z' })
        .expect(200);
      const page = await t.http.get(`/consumers/${oslo.id}/services`).set(admin()).expect(200);
      expect(page.text).toMatch(/name="altinnDelegationConfirmedAt" type="date" value="2026-03-01"/);
      expect(page.text).toContain('name="currentAltinnDelegationConfirmedAt" value="2026-03-01"');
      await t.http
        .post(`/consumers/${oslo.id}/services`)
        .set(admin())
        .type('form')
        .send(
          'code=inntekt&environments=production&purpose=Ny+formulering&altinnDelegationConfirmedAt=2026-03-01&currentAltinnDelegationConfirmedAt=2026-03-01',
        )
        .expect(303);
      const stored = (await t.http.get(`/api/v1/consumers/${oslo.id}`).set(admin()).expect(200)).body.services;
      expect(stored.find((s: { code: string }) => s.code === 'inntekt')).toMatchObject({
        purpose: 'Ny formulering',
        altinnDelegationConfirmedAt: '2026-03-01T10:15:00.000Z',
      });
    });

    it('refuses the form that gives access anew for a service the consumer has access to, changing nothing', async () => {
      await t.http
        .post(`/consumers/${oslo.id}/services`)
        .set(admin())
        .type('form')
        .send('code=inntekt&environments=production&purpose=Saksbehandling&maskinportenScope=skatteetaten%3Ainntekt')
        .expect(303);
      const accessOf = async () =>
        (await t.http.get(`/api/v1/consumers/${oslo.id}`).set(admin()).expect(200)).body.services.find(
          (s: { code: string }) => s.code === 'inntekt',
        );
      const before = await accessOf();

      const refused = await t.http
        .post(`/consumers/${oslo.id}/services/new`)
        .set(admin())
        .set('Accept', 'text/html')
        .type('form')
        .send('code=inntekt&environments=production')
        .expect(409);
      expect(refused.text).toContain('Konsumenten har allerede tilgang til tjenesten.');
      expect(await accessOf()).toEqual(before);
      expect(before).toMatchObject({ purpose: 'Saksbehandling', maskinportenScope: 'skatteetaten:inntekt' });
    });

    it('names the services as the catalogue does on a refused form too', async () => {
      const res = await t.http
        .post('/consumers')
        .set(admin())
        .set('Accept', 'text/html')
        .type('form')
        .send('orgNumber=123456789&name=Ny+kommune&catalogueCodes=ssg&catalogueCodes=inntekt&services=ssg')
        .expect(400);
      expect(res.text).toContain('<label class="ds-label" for="svc-0">Tjeneste ssg</label>');
      expect(res.text).toMatch(/id="svc-0" name="services" value="ssg" checked/);
    });

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

    it('offers a template for Excel: text/csv with a BOM and the Norwegian headers separated by semicolons', async () => {
      const res = await t.http.get('/consumers/import/template').set(admin()).buffer(true).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename=konsumenter-import.csv');
      expect(res.text).toBe('\uFEFForganisasjonsnummer;navn;type;kommunenummer;kontaktnavn;e-post;telefon;rolle;tjenester\r\n');
      expect((await t.http.get('/consumers/import').set(admin()).expect(200)).text).toContain('href="/consumers/import/template"');
    });

    it('previews a Norwegian Excel file and links a row whose organisation number is registered to that consumer', async () => {
      const csv = `\uFEFForganisasjonsnummer;navn;kontaktnavn;e-post;rolle;tjenester\r\n${ORG.oslo};Oslo kommune;;;;\r\n${ORG.imported2};Ny kommune;Kari;kari@ny.example.test;faglig;"ssg;inntekt"\r\n`;
      const preview = await t.http.post('/consumers/import').set(admin()).type('form').send({ csv }).expect(200);
      expect(preview.text).toContain(
        `<a class="ds-link" href="/consumers/${oslo.id}">Oslo kommune</a> <span class="app-muted">(finnes fra før)</span>`,
      );
      expect(preview.text).toContain('Finnes – uendret, hoppes over');
      expect(preview.text).toContain('ny konsument Ny kommune; kontakt kari@ny.example.test; tjeneste ssg; tjeneste inntekt');
    });

    it.each([
      ['/consumers', 'a new consumer with NUL in its name', { orgNumber: ORG.other, name: 'Ny\u0000kommune' }],
      ['/consumers/import', 'an import preview with NUL in the file', { csv: `orgNumber,name\n${ORG.other},Ny\u0000kommune` }],
      ['/consumers/import/commit', 'an import with NUL in the file', { csv: `orgNumber,name\n${ORG.other},Ny\u0000kommune` }],
      ['/consumers/:id/contacts', 'a contact with NUL in its name', { name: 'Kari\u0000', email: 'kari@kommune.no', role: 'technical' }],
      [
        '/consumers/:id/agreement',
        'an agreement signed on a day that does not exist',
        { signedOn: '2026-02-30', signatoryName: 'Ola', validFrom: '0001-01-01' },
      ],
      ['/consumers/:id/services', 'service access with NUL in its code', { code: 'ssg\u0000', environments: 'production' }],
    ])('answers %s (%s) with 400, the form again in Norwegian, and stores nothing', async (path, _what, form) => {
      const fingerprint = await storedFingerprint(t, ['audit_entry'], ['last_used_at']);
      const before = await fingerprint();
      const page = await t.http.post(path.replace(':id', oslo.id)).set(admin()).type('form').send(form).expect(400);
      expect(page.text).toContain('Skjemaet har feil. Rett feltene som er nevnt under.');
      expect(page.text).toContain('<form');
      expect(await fingerprint()).toEqual(before);
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

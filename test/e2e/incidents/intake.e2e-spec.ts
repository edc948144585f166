import { FoldPendingAttachments, PENDING_ATTACHMENT_GRACE_MS } from '@domain/incidents';
import { IdempotencyRecordRepository } from '@domain/incidents/idempotency-record.repository';
import { IncidentRepository } from '@domain/incidents/incident.repository';
import { profileOf } from '@domain/incidents/rules/incident-profile';
import { DatabaseContext } from '@platform/database';

import type { RegisteredConsumer } from '../../support/fixtures';
import { outboxRows, reportBody, reportingApp } from '../../support/incident-fixtures';
import { incidentsWithStaleCounts } from '../../support/stored-data';
import { bearer, TestApp } from '../../support/test-app';

describe('report intake: validation, grouping, Idempotency-Key and confirmations', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let c: RegisteredConsumer;

  beforeAll(async () => {
    ({ t, a, b, c } = await reportingApp());
  });
  afterAll(() => t?.close());

  describe('intake and validation', () => {
    it('accepts a report with 201, its reference and the incident it was grouped into', async () => {
      const res = await t.http.post('/api/v1/reports').set(bearer(a.key)).send(reportBody()).expect(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        incidentId: expect.any(String),
        reference: expect.stringMatching(/^M-\d{4}-\d+$/),
        incidentReference: expect.stringMatching(/^KS-\d{4}-\d{4}$/),
      });
    });

    it.each([
      ['unknown service', { service: 'finnes-ikke' }, 'service'],
      ['missing title', { title: undefined }, 'title'],
      ['description over 20,000 characters', { description: 'x'.repeat(20_001) }, 'description'],
      ['invalid environment', { environment: 'staging' }, 'environment'],
      ['invalid category', { category: 'whatever' }, 'category'],
      ['http status out of range', { httpStatus: 42 }, 'httpStatus'],
      ['a day that does not exist', { occurredAt: '2026-02-30T08:00:00Z' }, 'occurredAt'],
      ['a year far in the future', { occurredAt: '+275760-09-13T00:00:00Z' }, 'occurredAt'],
      ['year one', { occurredAt: '0001-01-01T00:00:00Z' }, 'occurredAt'],
      ['a number for a date', { occurredAt: 1772352000000 }, 'occurredAt'],
      ['a date-time without its offset', { occurredAt: '2026-03-01T08:00:00' }, 'occurredAt'],
      ['words for a date', { occurredAt: 'i går' }, 'occurredAt'],
      ['a start tomorrow', { occurredAt: new Date(Date.now() + 86_400_000).toISOString() }, 'occurredAt'],
      ['a start in the year 2999', { occurredAt: '2999-12-31T00:00:00Z' }, 'occurredAt'],
      ['a title of spaces', { title: '   ' }, 'title'],
      ['a description of spaces and line breaks', { description: ' \n\t ' }, 'description'],
      ['a title of a zero-width space', { title: '\u200b' }, 'title'],
    ])('rejects %s with 400 naming the field', async (_name, over, field) => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM report');
      const res = await t.http.post('/api/v1/reports').set(bearer(a.key)).send(reportBody(over)).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM report')).toEqual(before);
    });

    it('keeps the moment a report names when it is written with an offset', async () => {
      const res = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(reportBody({ occurredAt: '2026-03-01T09:30:00+01:00' }))
        .expect(201);
      const [row] = await t.dataSource.query('SELECT occurred_at FROM report WHERE id = $1', [res.body.id]);
      expect(new Date(row.occurred_at).toISOString()).toBe('2026-03-01T08:30:00.000Z');
    });

    it('rejects an imported report received on a day that does not exist, naming it, and stores nothing', async () => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM report');
      const res = await t.http
        .post('/api/v1/reports/import')
        .set(bearer(t.adminToken))
        .send({ reports: [reportBody({ consumerOrgNumber: a.orgNumber, receivedAt: '2026-02-30T08:00:00Z' })] })
        .expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(['reports[0].receivedAt']);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM report')).toEqual(before);
    });

    it('imports history as it was recorded, whatever the server’s clock says, but not one that started after it was received', async () => {
      const ahead = new Date(Date.now() + 40 * 86_400_000);
      const row = (over: object) => reportBody({ consumerOrgNumber: a.orgNumber, receivedAt: ahead.toISOString(), ...over });
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM report');
      const refused = await t.http
        .post('/api/v1/reports/import')
        .set(bearer(t.adminToken))
        .send({ reports: [row({}), row({ occurredAt: new Date(ahead.getTime() + 1_000).toISOString() })] })
        .expect(400);
      expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual(['reports[1].occurredAt']);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM report')).toEqual(before);
      const imported = await t.http
        .post('/api/v1/reports/import')
        .set(bearer(t.adminToken))
        .send({ reports: [row({})] })
        .expect(201);
      const [stored] = await t.dataSource.query('SELECT received_at FROM report WHERE id = $1', [imported.body.results[0].id]);
      expect(new Date(stored.received_at).toISOString()).toBe(ahead.toISOString());
    });

    it.each<[string, string | undefined, Record<string, string>, string]>([
      ['a form post', 'application/x-www-form-urlencoded', {}, 'Content-Type'],
      ['a multipart form', 'multipart/form-data; boundary=x', {}, 'Content-Type'],
      ['an XML body', 'application/xml', {}, 'Content-Type'],
      ['plain text', 'text/plain', {}, 'Content-Type'],
      ['a gzip-compressed JSON body', 'application/json', { 'content-encoding': 'gzip' }, 'Content-Encoding'],
    ])('refuses %s with 415 naming the header, and stores nothing', async (_name, type, headers, field) => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM report');
      const body = type?.startsWith('application/x-www') ? 'service=inntekt&title=Feil' : JSON.stringify(reportBody());
      let call = t.http.post('/api/v1/reports').set(bearer(a.key)).set(headers);
      if (type) call = call.set('content-type', type);
      const res = await call.send(body).expect(415);
      expect(res.body).toMatchObject({ status: 415, code: 'unsupported_media_type', fields: [{ field }] });
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM report')).toEqual(before);
    });

    it.each(['-1', '1e20', '600', '503.5'])('refuses suggestions for an HTTP status of %s, naming httpStatus', async (status) => {
      const res = await t.http
        .get('/api/v1/reports/suggestions')
        .query({ title: 'Feil', httpStatus: status })
        .set(bearer(a.key))
        .expect(400);
      expect(res.body.fields).toEqual([expect.objectContaining({ field: 'httpStatus' })]);
    });

    it('rejects malformed JSON with 400', async () => {
      const res = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .set('content-type', 'application/json')
        .send('{"service": "')
        .expect(400);
      expect(res.body).toMatchObject({ code: 'malformed_json', fields: [{ field: 'body' }] });
    });

    it.each([
      ['__proto__', '{"title":"x","__proto__":{"admin":true}}'],
      ['constructor.prototype', '{"title":"x","constructor":{"prototype":{"admin":true}}}'],
    ])('refuses JSON with a %s key with 400 saying so, not that the JSON is broken', async (_key, body) => {
      const res = await t.http.post('/api/v1/reports').set(bearer(a.key)).set('content-type', 'application/json').send(body).expect(400);
      expect(res.body).toMatchObject({
        code: 'forbidden_json_key',
        fields: [{ field: 'body', message: expect.stringContaining('__proto__') }],
      });
    });

    it('answers a body over 2 MB, headers over 16 KB, a path that cannot be decoded and an empty JSON body with problem documents', async () => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM report');
      const large = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(reportBody({ description: 'x'.repeat(2 * 1024 * 1024) }))
        .expect(413);
      expect(large.body).toMatchObject({ status: 413, code: 'payload_too_large' });
      const undecodable = await t.http.get('/api/v1/reports/%zz').set(bearer(a.key)).expect(400);
      expect(undecodable.body).toMatchObject({ status: 400, code: 'bad_request' });
      expect(undecodable.headers['content-type']).toContain('application/problem+json');
      // Refused by Node's HTTP parser before any route exists, still a problem document.
      const oversized = await t.http
        .get('/api/v1/reports')
        .set(bearer(a.key))
        .set('x-padding', 'a'.repeat(20 * 1024))
        .expect(431);
      expect(oversized.headers['content-type']).toContain('application/problem+json');
      expect(oversized.body).toMatchObject({ status: 431, title: 'REQUEST_HEADER_FIELDS_TOO_LARGE', code: 'headers_too_large' });
      // A client that always sends the JSON header with no body is told what is missing, not that the JSON is broken.
      const empty = await t.http.post('/api/v1/reports').set(bearer(a.key)).set('content-type', 'application/json').expect(400);
      expect(empty.body.code).not.toBe('malformed_json');
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM report')).toEqual(before);
    });

    it.each([
      ['a NUL character', { title: 'Tittel med \u0000 nullbyte' }, 'title', 'NUL'],
      ['a lone surrogate in a field stored as JSON', { errorCode: 'FEIL-\ud800' }, 'errorCode', 'surrogate'],
      ['a lone surrogate in an e-mail address', { reporterEmail: 'kari\udc00@kommune.example.test' }, 'reporterEmail', 'surrogate'],
    ])('rejects %s with 400 naming the field, and stores nothing', async (_name, change, field, words) => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM report');
      const res = await t.http.post('/api/v1/reports').set(bearer(a.key)).send(reportBody(change)).expect(400);
      expect(res.body.fields).toEqual([{ field, message: expect.stringContaining(words) }]);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM report')).toEqual(before);
    });

    it('rejects deeply nested JSON with 400 naming the field, and stays healthy', async () => {
      const deep = `{"extra":${'['.repeat(5000)}${']'.repeat(5000)}}`;
      const res = await t.http.post('/api/v1/reports').set(bearer(a.key)).set('content-type', 'application/json').send(deep).expect(400);
      expect(res.body.fields[0].field).toMatch(/^extra/);
      await t.http.get('/health').expect(200);
    });

    it('refuses an object with more fields than any report has, naming it, before the transformer spends its time on them', async () => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM report');
      const extra = Object.fromEntries(Array.from({ length: 150_000 }, (_, i) => [`k${i}`, 1]));
      const res = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send({ ...reportBody(), ...extra })
        .expect(400);
      expect(res.body.fields).toEqual([{ field: 'body', message: expect.stringContaining('fields') }]);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM report')).toEqual(before);
    });

    /** A report's JSON as these bytes, under this Content-Type. */
    const postBytes = (bytes: Buffer, contentType: string) =>
      t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .set('content-type', contentType)
        .serialize(() => bytes as never)
        .send({});
    const titleOf = async (id: string) => (await t.http.get(`/api/v1/reports/${id}`).set(bearer(a.key)).expect(200)).body.title;

    it('reads a body in the character set its Content-Type names, and refuses bytes that are not that text', async () => {
      const latin1 = Buffer.from(JSON.stringify(reportBody({ title: 'Tegnsett æøå ÆØÅ' })), 'latin1');
      const read = await postBytes(latin1, 'application/json; charset=iso-8859-1').expect(201);
      expect(await titleOf(read.body.id)).toBe('Tegnsett æøå ÆØÅ');
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM report');
      // The same Latin-1 bytes sent as UTF-8 (the default) are not UTF-8 text.
      const refused = await postBytes(latin1, 'application/json').expect(400);
      expect(refused.body).toMatchObject({ code: 'invalid_text_encoding', fields: [{ field: 'body' }] });
      const unknown = await postBytes(latin1, 'application/json; charset=x-klingon').expect(415);
      expect(unknown.body.fields).toEqual([expect.objectContaining({ field: 'Content-Type' })]);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM report')).toEqual(before);
    });

    it('reads UTF-8 as UTF-8 whatever charset the Content-Type names: JSON has no other encoding', async () => {
      const utf8 = Buffer.from(JSON.stringify(reportBody({ title: 'Feil merket æøå' })), 'utf8');
      const read = await postBytes(utf8, 'application/json; charset=iso-8859-1').expect(201);
      expect(await titleOf(read.body.id)).toBe('Feil merket æøå');
    });

    it('answers 201 with the report’s address in Location, the same on a replay of its Idempotency-Key', async () => {
      const send = () =>
        t.http.post('/api/v1/reports').set(bearer(a.key)).set('Idempotency-Key', 'adresse-1').send(reportBody()).expect(201);
      const first = await send();
      expect(first.headers.location).toBe(`/api/v1/reports/${first.body.id}`);
      expect((await t.http.get(first.headers.location).set(bearer(a.key)).expect(200)).body.reference).toBe(first.body.reference);
      expect((await send()).headers.location).toBe(first.headers.location);
    });

    it.each(['"tekst"', '42', 'true'])('refuses the JSON body %s with 400: a report is an object', async (body) => {
      const res = await t.http.post('/api/v1/reports').set(bearer(a.key)).set('content-type', 'application/json').send(body).expect(400);
      expect(res.body).toMatchObject({ code: 'invalid_body', fields: [{ field: 'body', message: 'must be a JSON object' }] });
    });

    it('reads a JSON null as no body, as an empty body is read', async () => {
      const send = (body: string) => t.http.post('/api/v1/reports').set(bearer(a.key)).set('content-type', 'application/json').send(body);
      const empty = await send('').expect(400);
      const nothing = await send('null').expect(400);
      expect(nothing.body.fields).toEqual(empty.body.fields);
      expect(nothing.body.fields.length).toBeGreaterThan(0);
    });

    it('groups the same outage from two municipalities into one incident', async () => {
      const r1 = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(
          reportBody({
            service: 'inntekt',
            errorCode: 'INNT-500',
            httpStatus: 500,
            title: 'Inntekt API gir 500',
            description: 'Alle kall mot inntekt gir HTTP 500 internal server error siden i morges.',
          }),
        )
        .expect(201);
      const r2 = await t.http
        .post('/api/v1/reports')
        .set(bearer(b.key))
        .send(
          reportBody({
            service: 'inntekt',
            errorCode: 'INNT-500',
            httpStatus: 500,
            title: 'HTTP 500 fra inntekt',
            description: 'Vi får 500 internal server error fra Inntekt API på alle kall.',
          }),
        )
        .expect(201);
      expect(r2.body.incidentId).toBe(r1.body.incidentId);
      const inc = await t.http.get(`/api/v1/incidents/${r1.body.incidentId}`).set(bearer(t.adminToken)).expect(200);
      expect(inc.body.consumerCount).toBe(2);
      const summary = await t.http.get(`/api/v1/incidents/${r1.body.incidentId}/summary`).set(bearer(t.adminToken)).expect(200);
      expect(summary.body).toMatchObject({ consumerCount: 2, reportCount: 2, reference: inc.body.reference });
      expect(summary.body.reports).toBeUndefined();
      expect(inc.body.reports[1].match.reasons.length).toBeGreaterThan(0);
    });
  });

  describe('Idempotency-Key', () => {
    it('returns the original report for the same key and body, 422 for another body', async () => {
      const body = reportBody({ environment: 'test', title: 'Idempotent', description: 'Samme melding to ganger.' });
      const first = await t.http.post('/api/v1/reports').set(bearer(a.key)).set('Idempotency-Key', 'key-1').send(body).expect(201);
      const again = await t.http.post('/api/v1/reports').set(bearer(a.key)).set('Idempotency-Key', 'key-1').send(body).expect(201);
      expect(again.body.id).toBe(first.body.id);
      await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .set('Idempotency-Key', 'key-1')
        .send({ ...body, title: 'Annen' })
        .expect(422);
    });

    it('scopes keys per consumer', async () => {
      const body = reportBody({ environment: 'test', title: 'Scoped', description: 'Samme nøkkel, annen kommune.' });
      const x = await t.http.post('/api/v1/reports').set(bearer(a.key)).set('Idempotency-Key', 'shared').send(body).expect(201);
      const y = await t.http.post('/api/v1/reports').set(bearer(b.key)).set('Idempotency-Key', 'shared').send(body).expect(201);
      expect(y.body.id).not.toBe(x.body.id);
    });

    it('claims a key in one statement that tells a fresh key from an answered one and leaves the lock timeout as it was', async () => {
      const db = t.get(DatabaseContext);
      const keys = t.get(IdempotencyRecordRepository);
      const lockTimeout = async () => (await db.manager.query('SHOW lock_timeout'))[0].lock_timeout as string;
      const claimInTransaction = () =>
        db.transaction(async () => {
          const before = await lockTimeout();
          const claim = await keys.claim(a.id, 'claimed-in-one-statement', 'hash-1');
          return { claim, before, after: await lockTimeout() };
        });
      const first = await claimInTransaction();
      expect(first.claim).toEqual({ kind: 'claimed' });
      expect(first.after).toBe(first.before);
      const second = await claimInTransaction();
      expect(second.claim).toEqual({ kind: 'answered', record: { requestHash: 'hash-1', responseStatus: 0, responseBody: null } });
      expect(second.after).toBe(second.before);
    });

    it('claims the key anew when the answer it met is purged before the claim reads it', async () => {
      // A statement trigger on the claim's insert runs the purge's delete right after the insert
      // has met the old answer and before the claim reads it: the one moment the purge can land
      // on a claim in progress.
      const keys = t.get(IdempotencyRecordRepository);
      await t.dataSource.query(
        `INSERT INTO idempotency_record (consumer_id, key, request_hash, response_status, response_body, created_at)
         VALUES ($1, 'purged-mid-claim', 'hash-old', 201, '{}', now() - interval '2 days')`,
        [a.id],
      );
      await t.dataSource.query(`
        CREATE FUNCTION test_purge_mid_claim() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM idempotency_record WHERE created_at < now() - interval '1 day';
          RETURN NULL;
        END $$`);
      await t.dataSource.query(
        `CREATE TRIGGER test_purge_mid_claim AFTER INSERT ON idempotency_record FOR EACH STATEMENT EXECUTE FUNCTION test_purge_mid_claim()`,
      );
      try {
        const claim = await t.get(DatabaseContext).transaction(() => keys.claim(a.id, 'purged-mid-claim', 'hash-new'));
        expect(claim).toEqual({ kind: 'claimed' });
      } finally {
        await t.dataSource.query(`DROP TRIGGER test_purge_mid_claim ON idempotency_record`);
        await t.dataSource.query(`DROP FUNCTION test_purge_mid_claim()`);
      }
      const rows = await t.dataSource.query(
        `SELECT request_hash FROM idempotency_record WHERE consumer_id = $1 AND key = 'purged-mid-claim'`,
        [a.id],
      );
      expect(rows).toEqual([{ request_hash: 'hash-new' }]);
    });

    it('stores one report when the same key is sent concurrently', async () => {
      const body = reportBody({ environment: 'test', title: 'Samtidig', description: 'Sendt fem ganger samtidig.' });
      const results = await Promise.all(
        Array.from({ length: 5 }, () => t.http.post('/api/v1/reports').set(bearer(c.key)).set('Idempotency-Key', 'concurrent').send(body)),
      );
      expect(results.filter((r) => ![201, 409].includes(r.status)).map((r) => r.text)).toEqual([]);
      const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
      expect(ids.size).toBe(1);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM report WHERE title = 'Samtidig'`);
      expect(n).toBe(1);
    });
  });

  describe('confirmations', () => {
    const confirmationsOf = (reportId: string) => outboxRows(t, `template = 'report-confirmation' AND related_id = $1`, [reportId]);

    it('name the reference the report was given, also when the report joins an incident with certainty', async () => {
      const outage = { environment: 'test', service: 'inntekt', errorCode: 'INN-502', httpStatus: 502 };
      const first = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(reportBody({ ...outage, title: 'Inntekt svarer 502', description: 'Alle kall mot inntekt gir 502 Bad Gateway fra i dag.' }))
        .expect(201);
      const second = await t.http
        .post('/api/v1/reports')
        .set(bearer(b.key))
        .send(reportBody({ ...outage, title: 'Inntekt svarer 502', description: 'Alle kall mot inntekt gir 502 Bad Gateway fra i dag.' }))
        .expect(201);
      expect(second.body.incidentId).toBe(first.body.incidentId);
      const [match] = await t.dataSource.query(
        `SELECT match->>'action' AS action, match->>'confidence' AS confidence FROM report WHERE id = $1`,
        [second.body.id],
      );
      expect(match).toEqual({ action: 'attach', confidence: 'certain' });

      const [mail] = await confirmationsOf(second.body.id);
      expect(mail.dedupe_key).toBe(`report-confirmation:${second.body.id}`);
      expect(mail.to_addresses).toEqual([b.emails[0]]);
      for (const part of [mail.subject, mail.text, mail.html]) {
        expect(part).toContain(second.body.reference);
        expect(part).not.toMatch(/report-reference-/);
      }
      expect(mail.text).toContain(`/portal/reports/ref/${second.body.reference}`);
      expect(mail.text).toContain(first.body.incidentReference);
      // The service by its catalogue name and the environment in Norwegian, as the reporter reads them.
      expect(mail.text).toContain('Tjeneste: Tjeneste inntekt (test)');
      // The attachment was folded into the incident before the answer.
      const [incident] = await t.dataSource.query('SELECT report_count, consumer_count, error_codes FROM incident WHERE id = $1', [
        first.body.incidentId,
      ]);
      expect(incident).toEqual({ report_count: 2, consumer_count: 2, error_codes: ['INN-502'] });
      expect(await t.dataSource.query('SELECT report_id FROM incident_pending_attachment')).toEqual([]);
    });

    it('go to the technical contacts when the consumer names no reporter', async () => {
      const res = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(reportBody({ environment: 'test', title: 'Kvittering standard', description: 'Hvem får kvittering?' }))
        .expect(201);
      expect((await confirmationsOf(res.body.id)).map((m: { to_addresses: string[] }) => m.to_addresses)).toEqual([[a.emails[0]]]);
    });

    it("go to a reporter address only when it is one of the consumer's registered contacts", async () => {
      const res = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(
          reportBody({
            environment: 'test',
            title: 'Kvittering faglig',
            description: 'Til faglig kontakt.',
            reporterEmail: a.emails[1].toUpperCase(),
          }),
        )
        .expect(201);
      expect((await confirmationsOf(res.body.id)).map((m: { to_addresses: string[] }) => m.to_addresses)).toEqual([[a.emails[1]]]);
    });

    it('are not sent to an address the consumer chose freely, which is still kept on the report, but to its technical contacts', async () => {
      const outsider = 'outsider@elsewhere.example.test';
      const res = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(
          reportBody({
            environment: 'test',
            title: 'Kvittering til fremmed',
            description: 'Send kvittering hit.',
            reporterEmail: outsider,
          }),
        )
        .expect(201);
      // The municipality's technical contact hears instead.
      expect((await confirmationsOf(res.body.id)).map((m: { to_addresses: string[] }) => m.to_addresses)).toEqual([[a.emails[0]]]);
      const [stored] = await t.dataSource.query('SELECT reporter_email FROM report WHERE id = $1', [res.body.id]);
      expect(stored.reporter_email).toBe(outsider);
      // Another consumer's contact is just as foreign.
      const other = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(
          reportBody({
            environment: 'test',
            title: 'Kvittering til nabo',
            description: 'Send kvittering hit.',
            reporterEmail: b.emails[0],
          }),
        )
        .expect(201);
      expect((await confirmationsOf(other.body.id)).map((m: { to_addresses: string[] }) => m.to_addresses)).toEqual([[a.emails[0]]]);
    });
  });

  describe('the incident a report joins', () => {
    it('keeps the report when folding it into its incident fails, and the worker folds it later with exact counts', async () => {
      const outage = { environment: 'production', service: 'skatteoppgjor', errorCode: 'SKO-503', httpStatus: 503 };
      const text = (n: number) => ({
        ...outage,
        title: `Skatteoppgjør svarer 503 (${n})`,
        description: 'Alle kall mot skatteoppgjør gir 503 Service Unavailable fra i dag.',
      });
      const first = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(reportBody(text(1)))
        .expect(201);
      const fold = jest.spyOn(t.get(IncidentRepository), 'foldAttachments').mockRejectedValueOnce(new Error('connection lost'));
      const second = await t.http
        .post('/api/v1/reports')
        .set(bearer(b.key))
        .send(reportBody(text(2)))
        .expect(201);
      expect(fold).toHaveBeenCalledTimes(1);
      fold.mockRestore();
      expect(second.body.incidentId).toBe(first.body.incidentId);
      const incidentId = first.body.incidentId;
      const counts = async () =>
        (await t.dataSource.query('SELECT report_count, consumer_count, profile FROM incident WHERE id = $1', [incidentId])).map(
          (r: { report_count: number; consumer_count: number; profile: Record<string, number> }) => ({
            reports: r.report_count,
            consumers: r.consumer_count,
            inProfile: profileOf(r.profile).reports,
          }),
        )[0];
      expect(await t.dataSource.query('SELECT report_id FROM incident_pending_attachment')).toEqual([{ report_id: second.body.id }]);
      expect(await counts()).toEqual({ reports: 1, consumers: 1, inProfile: 1 });

      // The same municipality again, stored by a transaction that attaches directly (as an uncertain
      // match or a join does): counted at its commit, as the municipality's first counted report there.
      await t.dataSource.query(
        `INSERT INTO report
         SELECT (jsonb_populate_record(NULL::report, to_jsonb(r) || jsonb_build_object('id', gen_random_uuid(), 'reference', r.reference || '-2'))).*
         FROM report r WHERE r.id = $1`,
        [second.body.id],
      );
      expect(await counts()).toEqual({ reports: 2, consumers: 2, inProfile: 1 });

      const worker = t.get(FoldPendingAttachments);
      expect(await worker.execute(new Date())).toBe(0);
      expect(await worker.execute(new Date(Date.now() + PENDING_ATTACHMENT_GRACE_MS + 1_000))).toBe(1);
      expect(await counts()).toEqual({ reports: 3, consumers: 2, inProfile: 2 });
      expect(await t.dataSource.query('SELECT report_id FROM incident_pending_attachment')).toEqual([]);
      expect(await incidentsWithStaleCounts(t)).toEqual([]);

      // Under an Idempotency-Key the report is stored with its key by the same statement, and folded after it.
      const fourth = await t.http
        .post('/api/v1/reports')
        .set(bearer(c.key))
        .set('Idempotency-Key', 'fold-4')
        .send(reportBody(text(4)))
        .expect(201);
      expect(fourth.body.incidentId).toBe(incidentId);
      expect(fourth.body.knownIncident).toMatchObject({ id: incidentId, affectedCount: 3, affected: true });
      expect(await counts()).toEqual({ reports: 4, consumers: 3, inProfile: 3 });
      expect(await t.dataSource.query('SELECT report_id FROM incident_pending_attachment')).toEqual([]);
    });
  });
});

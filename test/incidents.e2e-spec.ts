import { CreateApiToken } from '@domain/identity/create-api-token.use-case';
import { SendEscalationFollowUps } from '@domain/incidents/send-escalation-follow-ups.use-case';
import { findNationalIdentityNumbers } from '@domain/shared/identifiers/index';
import { DataSource } from 'typeorm';

import { nationalId, publishCatalogue, registerConsumer, RegisteredConsumer, SKE } from './support/fixtures';
import { bearer, createTestApp, TestApp } from './support/test-app';

const SERVICES = ['summert-skattegrunnlag', 'inntekt', 'skatteoppgjor'];

describe('reports and incidents', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let c: RegisteredConsumer;
  let agentToken: string;
  let securityToken: string;
  let viewerToken: string;

  const report = (over: Record<string, unknown> = {}) => ({
    service: 'summert-skattegrunnlag',
    environment: 'production',
    category: 'incident',
    title: 'Alle oppslag gir 503',
    description: 'Fra kl. 08 får vi 503 Service Unavailable på alle oppslag mot Summert skattegrunnlag.',
    httpStatus: 503,
    errorCode: 'SSG-503',
    ...over,
  });
  const outbox = (where = 'true', params: unknown[] = []) =>
    t
      .get(DataSource)
      .query(
        `SELECT template, to_addresses, subject, text, html, message_id, in_reply_to, "references", dedupe_key FROM outbox_message WHERE ${where} ORDER BY created_at`,
        params,
      );

  async function staffToken(role: string): Promise<string> {
    const email = `${role}@ks.example.test`;
    const created = await t.http.post('/api/v1/staff').set(bearer(t.adminToken)).send({ email, role }).expect(201);
    const token = await t
      .get(CreateApiToken)
      .execute({ kind: 'staff', id: created.body.id, email, name: role, role: role as never, via: 'token' }, 'test', {
        kind: 'system',
        id: null,
        label: 'test',
      });
    return token.token;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await publishCatalogue(t, SERVICES);
    [a, b, c] = [
      await registerConsumer(t, 101, SERVICES),
      await registerConsumer(t, 202, SERVICES),
      await registerConsumer(t, 303, SERVICES),
    ];
    agentToken = await staffToken('agent');
    securityToken = await staffToken('security');
    viewerToken = await staffToken('viewer');
  });
  afterAll(() => t.close());

  describe('intake and validation', () => {
    it('accepts a report with 201, its reference and the incident it was grouped into', async () => {
      const res = await t.http.post('/api/v1/reports').set(bearer(a.key)).send(report()).expect(201);
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
    ])('rejects %s with 400 naming the field', async (_name, over, field) => {
      const before = await t.get(DataSource).query('SELECT count(*)::int AS n FROM report');
      const res = await t.http.post('/api/v1/reports').set(bearer(a.key)).send(report(over)).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(await t.get(DataSource).query('SELECT count(*)::int AS n FROM report')).toEqual(before);
    });

    it('rejects malformed JSON with 400', async () => {
      await t.http.post('/api/v1/reports').set(bearer(a.key)).set('content-type', 'application/json').send('{"service": "').expect(400);
    });

    it('rejects a NUL character with 400 naming the field, and stores nothing', async () => {
      const before = await t.get(DataSource).query('SELECT count(*)::int AS n FROM report');
      const res = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(report({ title: 'Tittel med \u0000 nullbyte' }))
        .expect(400);
      expect(res.body.fields).toEqual([{ field: 'title', message: expect.stringContaining('NUL') }]);
      expect(await t.get(DataSource).query('SELECT count(*)::int AS n FROM report')).toEqual(before);
    });

    it('rejects deeply nested JSON with 400 naming the field, and stays healthy', async () => {
      const deep = `{"extra":${'['.repeat(5000)}${']'.repeat(5000)}}`;
      const res = await t.http.post('/api/v1/reports').set(bearer(a.key)).set('content-type', 'application/json').send(deep).expect(400);
      expect(res.body.fields[0].field).toMatch(/^extra/);
      await t.http.get('/health').expect(200);
    });

    it('groups the same outage from two municipalities into one incident', async () => {
      const r1 = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(
          report({
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
          report({
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

  describe('object-level authorisation', () => {
    let own: { id: string; incidentId: string };
    beforeAll(async () => {
      own = (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(a.key))
          .send(report({ environment: 'test', title: 'Tilgangstest', description: 'Kontroll.' }))
          .expect(201)
      ).body;
    });

    it('lets a consumer read its own report and answers 404 for another consumer', async () => {
      await t.http.get(`/api/v1/reports/${own.id}`).set(bearer(a.key)).expect(200);
      await t.http.get(`/api/v1/reports/${own.id}`).set(bearer(b.key)).expect(404);
    });

    it("lists only the consumer's own reports", async () => {
      const res = await t.http.get('/api/v1/reports').set(bearer(b.key)).expect(200);
      expect(res.body.every((r: { consumerId: string }) => r.consumerId === b.id)).toBe(true);
    });

    it.each([
      ['GET', '/api/v1/incidents'],
      ['GET', '/api/v1/incidents/:incident'],
      ['GET', '/api/v1/incidents/:incident/summary'],
      ['GET', '/api/v1/incidents/:incident/escalation-preview'],
      ['POST', '/api/v1/incidents/:incident/escalate'],
      ['POST', '/api/v1/incidents/:incident/triage'],
      ['POST', '/api/v1/incidents/:incident/resolve'],
      ['POST', '/api/v1/incidents/:incident/merge'],
      ['POST', '/api/v1/incidents/:incident/split'],
      ['POST', '/api/v1/reports/:report/move'],
      ['POST', '/api/v1/reports/:report/reveal'],
      ['POST', '/api/v1/reports/import'],
      ['GET', '/api/v1/merge-proposals'],
    ])('refuses a consumer key on %s %s', async (method, path) => {
      const url = path.replace(':incident', own.incidentId).replace(':report', own.id);
      const res = method === 'GET' ? await t.http.get(url).set(bearer(b.key)) : await t.http.post(url).set(bearer(b.key)).send({});
      expect([403, 404]).toContain(res.status);
    });

    it('refuses writes to viewers and the reveal to non-security staff', async () => {
      await t.http.post(`/api/v1/incidents/${own.incidentId}/escalate`).set(bearer(viewerToken)).expect(403);
      await t.http.post(`/api/v1/reports/${own.id}/reveal`).set(bearer(agentToken)).send({ reason: 'trenger det' }).expect(403);
    });

    it('answers 401 without credentials', async () => {
      await t.http.get(`/api/v1/reports/${own.id}`).expect(401);
      await t.http.post('/api/v1/reports').send(report()).expect(401);
    });
  });

  describe('Idempotency-Key', () => {
    it('returns the original report for the same key and body, 422 for another body', async () => {
      const body = report({ environment: 'test', title: 'Idempotent', description: 'Samme melding to ganger.' });
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
      const body = report({ environment: 'test', title: 'Scoped', description: 'Samme nøkkel, annen kommune.' });
      const x = await t.http.post('/api/v1/reports').set(bearer(a.key)).set('Idempotency-Key', 'shared').send(body).expect(201);
      const y = await t.http.post('/api/v1/reports').set(bearer(b.key)).set('Idempotency-Key', 'shared').send(body).expect(201);
      expect(y.body.id).not.toBe(x.body.id);
    });

    it('stores one report when the same key is sent concurrently', async () => {
      const body = report({ environment: 'test', title: 'Samtidig', description: 'Sendt fem ganger samtidig.' });
      const results = await Promise.all(
        Array.from({ length: 5 }, () => t.http.post('/api/v1/reports').set(bearer(c.key)).set('Idempotency-Key', 'concurrent').send(body)),
      );
      expect(results.filter((r) => ![201, 409].includes(r.status)).map((r) => r.text)).toEqual([]);
      const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
      expect(ids.size).toBe(1);
      const [{ n }] = await t.get(DataSource).query(`SELECT count(*)::int AS n FROM report WHERE title = 'Samtidig'`);
      expect(n).toBe(1);
    });
  });

  describe('personal data', () => {
    const current = nationalId('010170123', 0);
    const rule2032 = nationalId('150380456', 2);
    const org = '974760673';
    let masked: { id: string };

    it('masks identity numbers (both check-digit rules, with separators), keeps organisation numbers, and says why', async () => {
      const text = `Skattyter ${current.slice(0, 6)} ${current.slice(6)} og ${rule2032.slice(0, 6)}.${rule2032.slice(6)} mangler. Orgnr ${org}.`;
      const res = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(report({ environment: 'test', category: 'deviation', title: `Feil for ${current}`, description: text }))
        .expect(201);
      masked = res.body;
      expect(res.body.personalDataMasked).toBe(true);
      expect(res.body.notice).toMatch(/fødselsnummer/);
      const stored = await t.http.get(`/api/v1/reports/${res.body.id}`).set(bearer(t.adminToken)).expect(200);
      expect(findNationalIdentityNumbers(`${stored.body.title} ${stored.body.description}`)).toEqual([]);
      expect(stored.body.description).toContain(org);
      expect(JSON.stringify(stored.body)).not.toContain(current);
    });

    it('masks numbers written the way people write them: glued to letters and inside brackets', async () => {
      const [x, y, z] = [nationalId('020202251', 0), nationalId('010160100', 0), nationalId('311299123', 1)];
      const res = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(
          report({
            environment: 'test',
            category: 'deviation',
            title: `Feil for fnr${x}`,
            description: `Gjelder person (${y.slice(0, 6)} ${y.slice(6)}) og ID:${z}x.`,
          }),
        )
        .expect(201);
      const stored = await t.http.get(`/api/v1/reports/${res.body.id}`).set(bearer(t.adminToken)).expect(200);
      for (const n of [x, y, z]) expect(JSON.stringify(stored.body)).not.toContain(n.slice(6));
      expect(stored.body.title).toBe('Feil for fnr[fødselsnummer fjernet]');
      expect(stored.body.description).toBe('Gjelder person ([fødselsnummer fjernet]) og ID:[fødselsnummer fjernet]x.');
    });

    it('reveals the original only to the security role, with an audit entry', async () => {
      const res = await t.http
        .post(`/api/v1/reports/${masked.id}/reveal`)
        .set(bearer(securityToken))
        .send({ reason: 'Varsling til Datatilsynet' })
        .expect(200);
      expect(res.body.description).toContain(current.slice(6));
      const [{ n }] = await t
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'report.personal_data_revealed' AND object_id = $1`, [masked.id]);
      expect(n).toBe(1);
      const audit = await t.get(DataSource).query(`SELECT details::text AS d FROM audit_entry WHERE object_id = $1`, [masked.id]);
      expect(audit.map((x: { d: string }) => x.d).join()).not.toContain(current);
    });

    it('keeps identity numbers out of every e-mail', async () => {
      await t.deliverMail();
      const all = await outbox();
      expect(all.length).toBeGreaterThan(0);
      for (const m of all) expect(findNationalIdentityNumbers(`${m.subject}\n${m.text}\n${m.html}`)).toEqual([]);
    });
  });

  describe('confirmations', () => {
    const confirmationsOf = (reportId: string) => outbox(`template = 'report-confirmation' AND related_id = $1`, [reportId]);

    it('go to the technical contacts when the consumer names no reporter', async () => {
      const res = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(report({ environment: 'test', title: 'Kvittering standard', description: 'Hvem får kvittering?' }))
        .expect(201);
      expect((await confirmationsOf(res.body.id)).map((m: { to_addresses: string[] }) => m.to_addresses)).toEqual([[a.emails[0]]]);
    });

    it("go to a reporter address only when it is one of the consumer's registered contacts", async () => {
      const res = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(
          report({
            environment: 'test',
            title: 'Kvittering faglig',
            description: 'Til faglig kontakt.',
            reporterEmail: a.emails[1].toUpperCase(),
          }),
        )
        .expect(201);
      expect((await confirmationsOf(res.body.id)).map((m: { to_addresses: string[] }) => m.to_addresses)).toEqual([[a.emails[1]]]);
    });

    it('are not sent to an address the consumer chose freely, which is still kept on the report', async () => {
      const outsider = 'outsider@elsewhere.example.test';
      const res = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(
          report({ environment: 'test', title: 'Kvittering til fremmed', description: 'Send kvittering hit.', reporterEmail: outsider }),
        )
        .expect(201);
      expect(await confirmationsOf(res.body.id)).toEqual([]);
      const [stored] = await t.get(DataSource).query('SELECT reporter_email FROM report WHERE id = $1', [res.body.id]);
      expect(stored.reporter_email).toBe(outsider);
      // Another consumer's contact is just as foreign.
      const other = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(
          report({ environment: 'test', title: 'Kvittering til nabo', description: 'Send kvittering hit.', reporterEmail: b.emails[0] }),
        )
        .expect(201);
      expect(await confirmationsOf(other.body.id)).toEqual([]);
    });
  });

  describe('escalation', () => {
    let incidentId: string;
    let reference: string;

    beforeAll(async () => {
      const texts = ['Skatteoppgjør svarer med 504 timeout', 'Timeout 504 fra skatteoppgjør-API', 'Gateway timeout på skatteoppgjør'];
      const made = [];
      for (const [i, k] of [a, b, c].entries())
        made.push(
          (
            await t.http
              .post('/api/v1/reports')
              .set(bearer(k.key))
              .send(
                report({
                  service: 'skatteoppgjor',
                  errorCode: 'SO-504',
                  httpStatus: 504,
                  title: texts[i],
                  description: `${texts[i]}. Alle oppslag feiler.`,
                  correlationId: `corr-${i}`,
                }),
              )
              .expect(201)
          ).body,
        );
      expect(new Set(made.map((m) => m.incidentId)).size).toBe(1);
      incidentId = made[0].incidentId;
      reference = made[0].incidentReference;
    });

    it('previews the exact e-mail', async () => {
      const res = await t.http.get(`/api/v1/incidents/${incidentId}/escalation-preview`).set(bearer(agentToken)).expect(200);
      expect(res.body.to).toEqual([`skatteoppgjor@${SKE}`]);
      expect(res.body.subject).toContain(reference);
      expect(res.body.text).toContain('corr-1');
    });

    it('opens exactly one thread under 10 concurrent escalations', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, () => t.http.post(`/api/v1/incidents/${incidentId}/escalate`).set(bearer(agentToken))),
      );
      expect(results.map((r) => `${r.status} ${r.status === 200 ? '' : r.text}`.trim())).toEqual(Array(10).fill('200'));
      expect(new Set(results.map((r) => r.body.messageId)).size).toBe(1);
      const mails = await outbox(`template = 'escalation' AND related_id = $1`, [incidentId]);
      expect(mails).toHaveLength(1);
      expect(mails[0].to_addresses).toEqual([`skatteoppgjor@${SKE}`]);
      expect(mails[0].subject).toContain(reference);
      expect(mails[0].in_reply_to).toBeNull();
      const [{ n }] = await t.get(DataSource).query('SELECT count(*)::int AS n FROM escalation WHERE incident_id = $1', [incidentId]);
      expect(n).toBe(1);
    });

    it('sends later reports as one threaded follow-up per digest interval', async () => {
      const followUps = t.get(SendEscalationFollowUps);
      const late = new Date(Date.now() + (t.config.escalationDigestMinutes + 1) * 60_000);
      expect(await followUps.execute(late)).toBe(0);
      const later = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(
          report({
            service: 'skatteoppgjor',
            errorCode: 'SO-504',
            httpStatus: 504,
            title: 'Fortsatt timeout 504 fra skatteoppgjør',
            description: 'Fortsatt 504 timeout.',
          }),
        )
        .expect(201);
      expect(later.body.incidentId).toBe(incidentId);
      expect(await followUps.execute(new Date())).toBe(0);
      expect(await followUps.execute(late)).toBe(1);
      expect(await followUps.execute(late)).toBe(0);
      const [root] = await outbox(`template = 'escalation' AND related_id = $1`, [incidentId]);
      const replies = await outbox(`template = 'escalation-follow-up' AND related_id = $1`, [incidentId]);
      expect(replies).toHaveLength(1);
      expect(replies[0].in_reply_to).toBe(root.message_id);
      expect(replies[0].references).toEqual([root.message_id]);
      expect(replies[0].subject).toContain(reference);
    });

    it('routes security and privacy incidents only to the security addresses', async () => {
      const sec = await t.http
        .post('/api/v1/reports')
        .set(bearer(b.key))
        .send(
          report({
            category: 'security',
            title: 'API-nøkkel lekket',
            description: 'Vår klientnøkkel ble publisert i et offentlig repo ved en feil.',
          }),
        )
        .expect(201);
      const res = await t.http.post(`/api/v1/incidents/${sec.body.incidentId}/escalate`).set(bearer(securityToken)).expect(200);
      expect(res.body.security).toBe(true);
      expect(res.body.to).toEqual([`sikkerhet@${SKE}`]);
      const [mail] = await outbox(`template = 'escalation' AND related_id = $1`, [sec.body.incidentId]);
      expect(mail.text).toMatch(/72-timersfrist/i);
    });

    it("records Skatteetaten's case reference", async () => {
      const res = await t.http
        .post(`/api/v1/incidents/${incidentId}/triage`)
        .set(bearer(agentToken))
        .send({ skeCaseReference: 'SKE-2026-777', severity: 'high' })
        .expect(200);
      expect(res.body.skeCaseReference).toBe('SKE-2026-777');
    });

    it('tells every affected contact exactly once on resolution and closes the reports', async () => {
      const res = await t.http
        .post(`/api/v1/incidents/${incidentId}/resolve`)
        .set(bearer(agentToken))
        .send({ message: 'Skatteetaten har rettet feilen.' })
        .expect(200);
      expect(res.body.notified).toBe(6);
      const mails = await outbox(`template = 'incident-resolved' AND related_id = $1`, [incidentId]);
      const recipients = mails.flatMap((m: { to_addresses: string[] }) => m.to_addresses).sort();
      expect(recipients).toEqual([...a.emails, ...b.emails, ...c.emails].sort());
      const [{ open }] = await t
        .get(DataSource)
        .query(`SELECT count(*) FILTER (WHERE status = 'open')::int AS open FROM report WHERE incident_id = $1`, [incidentId]);
      expect(open).toBe(0);
      await t.http.post(`/api/v1/incidents/${incidentId}/resolve`).set(bearer(agentToken)).send({ message: 'igjen' }).expect(409);
      await t.http.post(`/api/v1/incidents/${incidentId}/escalate`).set(bearer(agentToken)).expect(409);
    });
  });

  describe('merging into an escalated incident', () => {
    it('tells Skatteetaten of the merged-in reports in the next threaded follow-up', async () => {
      const p = (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(a.key))
          .send(
            report({
              environment: 'test',
              service: 'skatteoppgjor',
              title: 'Skatteoppgjør test gir 502',
              description: 'Bad gateway fra skatteoppgjør i test.',
              errorCode: 'SO-502',
              httpStatus: 502,
            }),
          )
          .expect(201)
      ).body;
      const escalation = (await t.http.post(`/api/v1/incidents/${p.incidentId}/escalate`).set(bearer(agentToken)).expect(200)).body;
      const q = (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(b.key))
          .send(
            report({
              environment: 'test',
              service: 'inntekt',
              title: 'Sammenslått melding om inntekt',
              description: 'Egen melding som saksbehandler slår sammen.',
              errorCode: undefined,
              httpStatus: undefined,
            }),
          )
          .expect(201)
      ).body;
      expect(q.incidentId).not.toBe(p.incidentId);
      const late = new Date(Date.now() + (t.config.escalationDigestMinutes + 1) * 60_000);
      const followUps = t.get(SendEscalationFollowUps);
      expect(await followUps.execute(late)).toBe(0);
      await t
        .get(DataSource)
        .query(`UPDATE escalation SET reported_until = now() + interval '1 second' WHERE incident_id = $1`, [p.incidentId]);
      const merged = await t.http
        .post(`/api/v1/incidents/${q.incidentId}/merge`)
        .set(bearer(agentToken))
        .send({ otherIncidentId: p.incidentId })
        .expect(200);
      expect(merged.body.id).toBe(p.incidentId);
      expect(await followUps.execute(late)).toBe(1);
      expect(await followUps.execute(late)).toBe(0);
      const [reply] = await outbox(`template = 'escalation-follow-up' AND related_id = $1`, [p.incidentId]);
      expect(reply.in_reply_to).toBe(escalation.messageId);
      expect(reply.text).toContain('Sammenslått melding om inntekt');
    });
  });

  describe('staff corrections', () => {
    it("merges incidents; the merged one answers with the survivor's reference", async () => {
      const x = (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(a.key))
          .send(
            report({
              environment: 'test',
              service: 'inntekt',
              title: 'Feil beløp i testdata',
              description: 'Inntektsbeløpene i test ser feil ut for periode 2026-01.',
              errorCode: undefined,
              httpStatus: undefined,
            }),
          )
          .expect(201)
      ).body;
      const y = (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(b.key))
          .send(
            report({
              environment: 'test',
              service: 'skatteoppgjor',
              category: 'security',
              title: 'Mistanke om misbruk',
              description: 'Noen har brukt nøkkelen vår.',
            }),
          )
          .expect(201)
      ).body;
      const z = (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(c.key))
          .send(
            report({
              environment: 'test',
              service: 'summert-skattegrunnlag',
              title: 'Tregt i test',
              description: 'Svartider på 20 sekunder i testmiljøet.',
              errorCode: undefined,
              httpStatus: undefined,
            }),
          )
          .expect(201)
      ).body;
      expect(new Set([x.incidentId, z.incidentId]).size).toBe(2);
      await t.http
        .post(`/api/v1/incidents/${x.incidentId}/merge`)
        .set(bearer(agentToken))
        .send({ otherIncidentId: y.incidentId })
        .expect(409);
      const merged = await t.http
        .post(`/api/v1/incidents/${x.incidentId}/merge`)
        .set(bearer(agentToken))
        .send({ otherIncidentId: z.incidentId })
        .expect(200);
      const survivor = merged.body.reference;
      const viaMerged = await t.http
        .get(`/api/v1/incidents/${z.incidentId === merged.body.id ? x.incidentId : z.incidentId}`)
        .set(bearer(agentToken))
        .expect(200);
      expect(viaMerged.body.reference).toBe(survivor);
      const zr = await t.http.get(`/api/v1/reports/${z.id}`).set(bearer(c.key)).expect(200);
      expect(zr.body.incidentId).toBe(merged.body.id);

      const split = await t.http
        .post(`/api/v1/incidents/${merged.body.id}/split`)
        .set(bearer(agentToken))
        .send({ reportIds: [z.id] })
        .expect(201);
      expect(split.body.reference).not.toBe(survivor);
      const after = await t.http.get(`/api/v1/reports/${z.id}`).set(bearer(agentToken)).expect(200);
      expect(after.body.incidentId).toBe(split.body.id);
      expect(after.body.match.by).toBe('manual');

      await t.http.post(`/api/v1/reports/${z.id}/move`).set(bearer(agentToken)).send({ incidentId: merged.body.id }).expect(200);
      const moved = await t.http.get(`/api/v1/reports/${z.id}`).set(bearer(agentToken)).expect(200);
      expect(moved.body.incidentId).toBe(merged.body.id);
      expect(moved.body.pinned).toBe(true);
      const detail = await t.http.get(`/api/v1/incidents/${merged.body.id}`).set(bearer(agentToken)).expect(200);
      expect(detail.body.events.map((e: { kind: string }) => e.kind)).toEqual(
        expect.arrayContaining(['merged_in', 'split', 'report_moved_in']),
      );
    });
  });
});

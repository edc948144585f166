import { randomUUID } from 'node:crypto';

import { ListAuditEntries } from '@domain/audit';
import { IncidentQueries, ReceiveReport, type ReportInput, RevealPersonalData } from '@domain/incidents';
// A failure inside intake is provoked where it happens, in the use case the public one runs.
import { IncidentRepository } from '@domain/incidents/incident.repository';
import { KnownIncidents } from '@domain/incidents/known-incidents.use-case';
import { MatchingCorpus } from '@domain/incidents/matching-corpus';
import { type ReceivedReportEntries, ReportRepository } from '@domain/incidents/report.repository';
import { findNationalIdentityNumbers, formatReference, nextReferenceSql } from '@domain/shared';
import { DatabaseContext } from '@platform/database';
import { ListOutboxMessages, type NewOutboxMessage } from '@platform/mail';
import { DataSource } from 'typeorm';

import { nationalId } from '../support/fixtures';
import { domainError, MediumContext } from './medium-context';

/** One outage as two municipalities word it. */
const outage = (service: string, words: 'first' | 'second'): Partial<ReportInput> => ({
  service,
  errorCode: 'GW-503',
  httpStatus: 503,
  ...(words === 'first'
    ? { title: 'Alle oppslag gir 503', description: 'Fra kl. 08 får vi 503 Service Unavailable på alle oppslag mot tjenesten.' }
    : { title: 'HTTP 503 på alle kall', description: 'Vi får 503 Service Unavailable på alle kall siden i morges.' }),
});

describe('report intake (use cases on the database)', () => {
  let ctx: MediumContext;
  const reportCount = async () => (await ctx.query<{ n: number }>('SELECT count(*)::int AS n FROM report'))[0].n;

  beforeAll(async () => {
    ctx = await MediumContext.create();
    await ctx.ensureCatalogue();
  });
  afterAll(() => ctx?.close());

  describe('grouping on arrival', () => {
    it('opens an incident for a new problem and attaches the same outage from another municipality, with its reasons', async () => {
      const service = ctx.freshService();
      const first = await ctx.newReport(outage(service, 'first'));
      const second = await ctx.newReport(outage(service, 'second'));
      expect(first).toMatchObject({
        reference: expect.stringMatching(/^M-\d{4}-\d+$/),
        incidentReference: expect.stringMatching(/^KS-\d{4}-\d{4}$/),
        incidentStatus: 'new',
        status: 'open',
        personalDataMasked: false,
      });
      expect(second.incidentId).toBe(first.incidentId);

      const incident = await ctx.get(IncidentQueries).incidentDetail(first.incidentId);
      expect(incident).toMatchObject({ consumerCount: 2, reportCount: 2, services: [service], errorCodes: ['GW-503'], status: 'new' });
      const [opening, attached] = incident.reports;
      expect(opening.match).toMatchObject({ action: 'open', by: 'auto' });
      expect(attached.match).toMatchObject({ action: 'attach', by: 'auto', reasons: expect.arrayContaining([expect.any(String)]) });
      expect(attached.match.score).toBeGreaterThanOrEqual(0.45);
      const kinds = incident.events.map((e) => e.kind);
      expect(kinds.filter((k) => k === 'opened')).toHaveLength(1);
      expect(kinds.filter((k) => k === 'report_received')).toHaveLength(2);
    });

    it('keeps the same words on another service, and a security report on the same one, apart', async () => {
      const [service, other] = [ctx.freshService(), ctx.freshService()];
      const ordinary = await ctx.newReport(outage(service, 'first'));
      const elsewhere = await ctx.newReport(outage(other, 'second'));
      const security = await ctx.newReport({ ...outage(service, 'second'), category: 'security' });
      expect(new Set([ordinary.incidentId, elsewhere.incidentId, security.incidentId]).size).toBe(3);
      expect(await ctx.get(IncidentQueries).incident(security.incidentId)).toMatchObject({ track: 'security', side: 'security' });
    });

    it('refuses a service outside the catalogue in force (unknown_service) and stores nothing', async () => {
      const before = await reportCount();
      const error = await domainError(ctx.newReport({ service: 'finnes-ikke' }));
      expect(error).toMatchObject({ kind: 'validation', code: 'unknown_service', fields: [{ field: 'service' }] });
      expect(await reportCount()).toBe(before);
    });

    it('needs the consumer when staff register a report, and records the channel they name', async () => {
      const [agent, consumer] = [await ctx.newStaff(), await ctx.newConsumer()];
      const input: ReportInput = {
        service: ctx.freshService(),
        environment: 'test',
        category: 'deviation',
        title: 'Spørsmål per telefon',
        description: 'Kommunen ringte om feltene i svaret.',
      };
      const missing = await domainError(ctx.get(ReceiveReport).execute(agent.principal, input, { fingerprint: input }));
      expect(missing).toMatchObject({ code: 'validation_failed', fields: [{ field: 'consumerId' }] });
      const receipt = await ctx
        .get(ReceiveReport)
        .execute(agent.principal, input, { fingerprint: input, onBehalfOf: { consumerId: consumer.id, channel: 'phone' } });
      expect(await ctx.get(IncidentQueries).report(receipt.id, agent.principal)).toMatchObject({
        consumerId: consumer.id,
        channel: 'phone',
      });
    });
  });

  describe('Idempotency-Key', () => {
    it('answers a retry with the original receipt and refuses the key with another body (idempotency_key_reused)', async () => {
      const consumer = await ctx.newConsumer();
      const service = ctx.freshService();
      const body = { consumer, service, title: 'Sendt to ganger', description: 'Samme melding igjen.', idempotencyKey: 'nøkkel-1' };
      const first = await ctx.newReport(body);
      expect(await ctx.newReport(body)).toEqual(JSON.parse(JSON.stringify(first)));
      const reused = await domainError(ctx.newReport({ ...body, title: 'Annen tittel' }));
      expect(reused).toMatchObject({ kind: 'unprocessable', code: 'idempotency_key_reused' });
      const stored = await ctx.query('SELECT id FROM report WHERE consumer_id = $1', [consumer.id]);
      expect(stored).toEqual([{ id: first.id }]);
    });

    it('takes the same body with its keys in another order as the same request', async () => {
      const consumer = await ctx.newConsumer();
      const input = {
        service: ctx.freshService(),
        environment: 'production',
        category: 'deviation',
        title: 'Rekkefølge',
        description: 'Samme felt.',
      };
      const reordered = Object.fromEntries(Object.entries(input).reverse());
      const receive = (fingerprint: object) =>
        ctx.get(ReceiveReport).execute(consumer.principal, input as ReportInput, { idempotencyKey: 'rekkefølge', fingerprint });
      const first = await receive(input);
      expect((await receive(reordered)).id).toBe(first.id);
    });

    /** A keyed report that opens an incident (a transaction of its own), or one that joins one with certainty (one statement). */
    const keyedReport = async (path: 'opens' | 'joins', key: string) => {
      const service = ctx.freshService();
      if (path === 'joins') {
        await ctx.newIncident(outage(service, 'first'));
        await ctx.newReport({ ...outage(service, 'second'), consumer: await ctx.newConsumer() });
      }
      return { consumer: await ctx.newConsumer(), ...outage(service, 'second'), idempotencyKey: key };
    };
    const keysOf = (consumerId: string) => ctx.query(`SELECT key FROM idempotency_record WHERE consumer_id = $1`, [consumerId]);
    const reportsOf = (consumerId: string) => ctx.query<{ id: string }>('SELECT id FROM report WHERE consumer_id = $1', [consumerId]);

    it.each(['opens', 'joins'] as const)(
      'leaves neither key nor report behind when the request fails before its report is stored, so the retry runs at once: a report that %s',
      async (path) => {
        const body = await keyedReport(path, `krasj-før-${path}`);
        // The last step before the answer is stored: inside the transaction, or before the one statement.
        const failing = jest.spyOn(ctx.get(KnownIncidents), 'afterIntake').mockRejectedValueOnce(new Error('the process died here'));
        await expect(ctx.newReport(body)).rejects.toThrow('the process died here');
        failing.mockRestore();
        expect(await keysOf(body.consumer.id)).toEqual([]);
        expect(await reportsOf(body.consumer.id)).toEqual([]);
        const retried = await ctx.newReport(body);
        expect(await reportsOf(body.consumer.id)).toEqual([{ id: retried.id }]);
      },
    );

    it.each(['opens', 'joins'] as const)(
      'answers the retry of a request that failed once its report was stored with that report, and stores no other: a report that %s',
      async (path) => {
        const body = await keyedReport(path, `krasj-etter-${path}`);
        // The first step after the commit.
        const failing = jest.spyOn(ctx.get(MatchingCorpus), 'add').mockImplementationOnce(() => {
          throw new Error('the process died here');
        });
        await expect(ctx.newReport(body)).rejects.toThrow('the process died here');
        failing.mockRestore();
        const [stored] = await reportsOf(body.consumer.id);
        const retried = await ctx.newReport(body);
        expect(retried).toMatchObject({ id: stored.id, status: 'open' });
        expect(await reportsOf(body.consumer.id)).toEqual([stored]);
      },
    );

    it('stores a report that joins an open incident with its key: one report for concurrent copies, and every answer the stored one', async () => {
      const service = ctx.freshService();
      const opened = await ctx.newIncident(outage(service, 'first'));
      await ctx.newReport({ ...outage(service, 'second'), consumer: await ctx.newConsumer() });
      const consumer = await ctx.newConsumer();
      const body = { ...outage(service, 'second'), consumer, idempotencyKey: 'samtidig-kopi' };
      const answers = await Promise.all(Array.from({ length: 6 }, () => ctx.newReport(body)));
      const stored = await ctx.query<{ id: string; incident_id: string }>('SELECT id, incident_id FROM report WHERE consumer_id = $1', [
        consumer.id,
      ]);
      expect(stored).toEqual([{ id: answers[0].id, incident_id: opened.incidentId }]);
      const asSent = JSON.parse(JSON.stringify(answers[0]));
      expect(answers.map((a) => JSON.parse(JSON.stringify(a)))).toEqual(Array(6).fill(asSent));
      expect(asSent).toMatchObject({ reference: expect.stringMatching(/^M-\d{4}-\d+$/), status: 'open', incidentId: opened.incidentId });
      const [record] = await ctx.query<{ response_body: unknown }>(`SELECT response_body FROM idempotency_record WHERE consumer_id = $1`, [
        consumer.id,
      ]);
      expect(record.response_body).toEqual(asSent);
      expect(await ctx.newReport(body)).toEqual(asSent);
    });

    it('keeps keys apart per consumer', async () => {
      const service = ctx.freshService();
      const mine = await ctx.newReport({ service, title: 'Samme nøkkel', idempotencyKey: 'delt' });
      const theirs = await ctx.newReport({ service, title: 'Samme nøkkel', idempotencyKey: 'delt' });
      expect(theirs.id).not.toBe(mine.id);
    });
  });

  describe('personal data', () => {
    const person = nationalId('010170123', 0);
    const later = nationalId('150380456', 2);

    it('masks identity numbers in every free-text field before storing, and confirms without them', async () => {
      const receipt = await ctx.newReport({
        category: 'deviation',
        title: `Feil for ${person}`,
        description: `Skattyter ${later.slice(0, 6)} ${later.slice(6)} mangler i svaret.`,
        correlationId: `fnr-${person}`,
      });
      expect(receipt).toMatchObject({ personalDataMasked: true, maskedFields: ['title', 'description', 'correlationId'] });
      expect(receipt.notice).toMatch(/fødselsnummer/);
      const [row] = await ctx.query<Record<string, unknown>>('SELECT * FROM report WHERE id = $1', [receipt.id]);
      expect(findNationalIdentityNumbers(JSON.stringify(row))).toEqual([]);
      expect(JSON.stringify(row)).not.toContain(person.slice(6));
      const mails = await ctx.get(ListOutboxMessages).execute({ relatedType: 'report', relatedId: receipt.id });
      expect(mails).toHaveLength(1);
      expect(findNationalIdentityNumbers(`${mails[0].subject} ${mails[0].text} ${mails[0].html}`)).toEqual([]);
    });

    it('reveals the originals to the one who asks, with the reason in the audit log and no number in it', async () => {
      const security = await ctx.newStaff({ role: 'security' });
      const receipt = await ctx.newReport({ category: 'deviation', title: `Feil for ${person}`, description: 'Gjelder én skattyter.' });
      const originals = await ctx.get(RevealPersonalData).execute(receipt.id, 'Varsling til Datatilsynet', security.actor);
      expect(originals).toEqual({ title: `Feil for ${person}` });
      const entries = await ctx.get(ListAuditEntries).execute({ objectId: receipt.id, action: 'report.personal_data_revealed' });
      expect(entries).toEqual([
        expect.objectContaining({ actorLabel: security.email, details: { reason: 'Varsling til Datatilsynet', fields: ['title'] } }),
      ]);
      expect(JSON.stringify(entries)).not.toContain(person);
    });

    it('has nothing to reveal for a report without personal data (no_personal_data), and audits no look', async () => {
      const receipt = await ctx.newReport();
      expect(await domainError(ctx.get(RevealPersonalData).execute(receipt.id, 'nysgjerrig', ctx.admin.actor))).toMatchObject({
        kind: 'not-found',
        code: 'no_personal_data',
      });
      expect(await ctx.get(ListAuditEntries).execute({ objectId: receipt.id })).toEqual([]);
      expect(
        await domainError(ctx.get(RevealPersonalData).execute('00000000-0000-4000-8000-000000000000', 'x', ctx.admin.actor)),
      ).toMatchObject({ code: 'report_not_found' });
    });
  });

  describe('references drawn in the statement that stores them', () => {
    it('are formatted exactly as formatReference formats them, whatever the number of digits', async () => {
      // No change request is made in this suite, so its sequence may be set to any number.
      const at = new Date('2027-01-01T00:30:00Z');
      for (const n of [1, 42, 9999, 10000, 123456]) {
        await ctx.query(`SELECT setval('change_request_reference_seq', $1, false)`, [n]);
        const [{ reference }] = await ctx.query<{ reference: string }>(`SELECT ${nextReferenceSql('changeRequest', at)} AS reference`);
        expect(reference).toBe(formatReference('changeRequest', n, at));
      }
    });

    it('give a report received live the next number of its sequence', async () => {
      const [{ next }] = await ctx.query<{ next: number }>(
        `SELECT (CASE WHEN is_called THEN last_value + 1 ELSE last_value END)::int AS next FROM report_reference_seq`,
      );
      const receipt = await ctx.newReport({ service: ctx.freshService(), title: 'Referanse', description: 'Neste nummer.' });
      expect(receipt.reference).toBe(formatReference('report', next, new Date(receipt.receivedAt)));
    });
  });
  describe('the start of a wave', () => {
    it('is placed by one transaction: the reports that find the first opening the incident wait for it and join it with certainty', async () => {
      const service = ctx.freshService();
      const consumers = await Promise.all(Array.from({ length: 6 }, () => ctx.newConsumer()));
      const transactions = jest.spyOn(ctx.get(DatabaseContext), 'transaction');
      const receipts = await Promise.all(consumers.map((consumer) => ctx.newReport({ ...outage(service, 'first'), consumer })));
      const placedInTransactions = transactions.mock.calls.length;
      transactions.mockRestore();
      expect(new Set(receipts.map((r) => r.incidentId)).size).toBe(1);
      // The one that opened the incident; each of the others was one statement of its own.
      expect(placedInTransactions).toBe(1);
      const incident = await ctx.get(IncidentQueries).incidentDetail(receipts[0].incidentId);
      expect(incident).toMatchObject({ reportCount: 6, consumerCount: 6 });
      expect(incident.reports.map((r) => r.match.action).sort()).toEqual(['attach', 'attach', 'attach', 'attach', 'attach', 'open']);
      expect(incident.events.filter((e) => e.kind === 'opened')).toHaveLength(1);
    });
  });

  describe('reports received in the same turn', () => {
    /** Copies of a stored report, each ready to be stored again under an id of its own, and its receipt. */
    const copiesOf = async (count: number) => {
      const stored = await ctx.newReport({ service: ctx.freshService(), title: 'Mal for kopier', description: 'Lagres på nytt.' });
      const template = (await ctx.get(ReportRepository).find(stored.id))!;
      return Array.from({ length: count }, (_, i) => {
        const id = randomUUID();
        const placeholder = `reference-of-${id}`;
        const message: NewOutboxMessage = {
          messageId: `<${id}@segment.test>`,
          dedupeKey: `receipt:${id}`,
          template: 'report-received',
          to: [`kopi-${i}@kommune.test`],
          subject: `Mottatt ${placeholder}`,
          html: `<p>${placeholder}</p>`,
          text: `Referanse ${placeholder}`,
          inReplyTo: null,
          references: [],
          relatedType: 'report',
          relatedId: id,
        };
        const entries: ReceivedReportEntries = {
          timeline: { actorLabel: `Kopi ${i}`, details: { channel: 'api', action: 'attach', score: 0.9 } },
          pendingAttachment: null,
          confirmation: { message, referencePlaceholder: placeholder },
        };
        return { report: { ...template, id }, entries };
      });
    };
    const store = (copies: Awaited<ReturnType<typeof copiesOf>>) =>
      Promise.allSettled(copies.map(({ report, entries }) => ctx.get(ReportRepository).insertReceived(report, entries)));

    it('are stored by one statement, each with its own reference, timeline entry and receipt', async () => {
      const copies = await copiesOf(4);
      const results = await store(copies);
      const reports = results.map((r) => {
        if (r.status === 'rejected') throw r.reason;
        if (!r.value) throw new Error('not stored');
        return r.value;
      });
      expect(new Set(reports.map((r) => r.reference)).size).toBe(4);
      // One statement is one transaction: now() is the same for every row it stored.
      const rows = await ctx.query<{ id: string; created_at: Date }>('SELECT id, created_at FROM report WHERE id = ANY($1::uuid[])', [
        reports.map((r) => r.id),
      ]);
      expect(new Set(rows.map((r) => r.created_at.toISOString())).size).toBe(1);
      for (const [i, report] of reports.entries()) {
        const [event] = await ctx.query<{ actor_label: string; details: { report: string } }>(
          `SELECT actor_label, details FROM incident_event WHERE kind = 'report_received' AND details->>'reportId' = $1`,
          [report.id],
        );
        expect(event).toMatchObject({ actor_label: `Kopi ${i}`, details: { report: report.reference } });
        const [receipt] = await ctx.query<{ subject: string; text: string; to_addresses: string[] }>(
          'SELECT subject, text, to_addresses FROM outbox_message WHERE dedupe_key = $1',
          [`receipt:${report.id}`],
        );
        expect(receipt).toEqual({
          subject: `Mottatt ${report.reference}`,
          text: `Referanse ${report.reference}`,
          to_addresses: [`kopi-${i}@kommune.test`],
        });
      }
    });

    it("read their candidates by one statement, each as of its own time and with its own reporter's titles", async () => {
      const service = ctx.freshService();
      const opened = await ctx.newIncident(outage(service, 'first'));
      const other = await ctx.newConsumer();
      const joined = await ctx.newReport({ ...outage(service, 'second'), consumer: other });
      expect(joined.incidentId).toBe(opened.incidentId);
      const repository = ctx.get(IncidentRepository);
      const reads = jest.spyOn(ctx.get(DataSource).manager, 'query');
      const now = new Date();
      const before = new Date(new Date(opened.report.receivedAt).getTime() - 1000);
      const [first, second, earlier] = await Promise.all([
        repository.candidates('production', now, { consumerId: opened.consumer.id }),
        repository.candidates('production', now, { consumerId: other.id }),
        repository.candidates('production', before, { consumerId: opened.consumer.id }),
      ]);
      const statements = reads.mock.calls.filter(([sql]) => String(sql).includes('WITH ORDINALITY AS q(at'));
      reads.mockRestore();
      expect(statements).toHaveLength(1);
      const incident = (read: typeof first) => read.find((c) => c.id === opened.incidentId);
      expect(incident(first)?.titlesOfConsumer.get(opened.consumer.id)).toEqual([outage(service, 'first').title]);
      expect(incident(second)?.titlesOfConsumer.get(other.id)).toEqual([outage(service, 'second').title]);
      expect(incident(first)?.profile).toBe(incident(second)?.profile);
      expect(incident(earlier)).toBeUndefined();
    });

    it('one the database refuses fails alone, and the others are stored', async () => {
      const copies = await copiesOf(4);
      // PostgreSQL's text cannot hold a NUL character.
      copies[2].report.title = 'Tittel med \u0000';
      const results = await store(copies);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      const ids = copies.map((c) => c.report.id);
      const stored = await ctx.query<{ id: string }>('SELECT id FROM report WHERE id = ANY($1::uuid[])', [ids]);
      expect(stored.map((r) => r.id).sort()).toEqual([ids[0], ids[1], ids[3]].sort());
      const receipts = await ctx.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_message WHERE dedupe_key = $1', [
        `receipt:${ids[2]}`,
      ]);
      expect(receipts[0].n).toBe(0);
    });

    it('under one Idempotency-Key: the first of them is stored, and the others are not, by one statement', async () => {
      const copies = await copiesOf(4);
      const consumerId = copies[0].report.consumerId;
      const keyed = (i: number, key: string) =>
        (copies[i].entries.idempotency = { consumerId, key, requestHash: 'samme', answer: { copy: i } });
      [0, 1, 3].forEach((i) => keyed(i, 'samme-kopi'));
      keyed(2, 'egen-kopi');
      const statements = jest.spyOn(ctx.get(DataSource).manager, 'query');
      const results = await store(copies);
      const inserts = statements.mock.calls.filter(([sql]) => String(sql).includes('INSERT INTO report'));
      statements.mockRestore();
      expect(inserts).toHaveLength(1);
      expect(results.map((r) => (r.status === 'fulfilled' ? (r.value?.id ?? null) : r.reason))).toEqual([
        copies[0].report.id,
        null,
        copies[2].report.id,
        null,
      ]);
      const ids = copies.map((c) => c.report.id);
      const stored = await ctx.query<{ id: string }>('SELECT id FROM report WHERE id = ANY($1::uuid[])', [ids]);
      expect(stored.map((r) => r.id).sort()).toEqual([ids[0], ids[2]].sort());
      const answers = await ctx.query<{ key: string; response_body: { copy: number } }>(
        'SELECT key, response_body FROM idempotency_record WHERE consumer_id = $1 ORDER BY key',
        [consumerId],
      );
      expect(answers.map((a) => [a.key, a.response_body.copy])).toEqual([
        ['egen-kopi', 2],
        ['samme-kopi', 0],
      ]);
    });
  });
});

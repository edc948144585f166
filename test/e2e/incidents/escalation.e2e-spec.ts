import { SendEscalationFollowUps } from '@domain/incidents';
import { EscalationRepository } from '@domain/incidents/escalation.repository';
import { EscalationMessage } from '@domain/incidents/escalation-message';
import { IncidentRepository } from '@domain/incidents/incident.repository';
import { ReportRepository } from '@domain/incidents/report.repository';

import { type RegisteredConsumer, SKE } from '../../support/fixtures';
import { outboxRows, reportBody, reportingApp } from '../../support/incident-fixtures';
import { createStaffWithToken, signIn } from '../../support/staff-session';
import { bearer, TestApp } from '../../support/test-app';

describe('escalation to Skatteetaten and resolution', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let c: RegisteredConsumer;
  let agentToken: string;
  let securityToken: string;

  beforeAll(async () => {
    ({ t, a, b, c } = await reportingApp());
    agentToken = (await createStaffWithToken(t, 'agent')).token;
    securityToken = (await createStaffWithToken(t, 'security')).token;
  });
  afterAll(() => t?.close());
  /** A report of Skatteoppgjør failing with this status in the test environment. */
  const reportInTest = async (key: string, title: string, status: number) =>
    (
      await t.http
        .post('/api/v1/reports')
        .set(bearer(key))
        .send(
          reportBody({
            environment: 'test',
            service: 'skatteoppgjor',
            errorCode: `SO-${status}`,
            httpStatus: status,
            title,
            description: `${title}.`,
          }),
        )
        .expect(201)
    ).body;
  /** The worker's round of updates `digests` digest intervals from now. */
  const followUpRound = (digests: number) =>
    t.get(SendEscalationFollowUps).execute(new Date(Date.now() + digests * (t.config.escalationDigestMinutes + 1) * 60_000));
  /** The updates sent on an incident's thread to Skatteetaten, oldest first. */
  const updatesOf = (id: string) => outboxRows(t, `template = 'escalation-follow-up' AND related_id = $1`, [id]);
  /** Resolved, so the next test's reports open an incident of their own. */
  const resolveOutOfTheWay = (incidentId: string) =>
    t.http.post(`/api/v1/incidents/${incidentId}/resolve`).set(bearer(agentToken)).send({ message: 'Rettet.' }).expect(200);

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
                reportBody({
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

    it.each([
      ['critical', 'kritisk'],
      ['low', 'lav'],
    ])('names severity %s in Norwegian, as «%s»', async (severity, words) => {
      await t.http.post(`/api/v1/incidents/${incidentId}/triage`).set(bearer(agentToken)).send({ severity }).expect(200);
      const res = await t.http.get(`/api/v1/incidents/${incidentId}/escalation-preview`).set(bearer(agentToken)).expect(200);
      expect(res.body.text).toMatch(new RegExp(`Alvorlighet:\\s+${words}\\n`));
      expect(res.body.html).toContain(`<td>${words}</td>`);
      expect(`${res.body.text}${res.body.html}`).not.toContain(severity);
    });

    it('opens exactly one thread under 10 concurrent escalations', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, () => t.http.post(`/api/v1/incidents/${incidentId}/escalate`).set(bearer(agentToken))),
      );
      expect(results.map((r) => `${r.status} ${r.status === 200 ? '' : r.text}`.trim())).toEqual(Array(10).fill('200'));
      expect(new Set(results.map((r) => r.body.messageId)).size).toBe(1);
      const mails = await outboxRows(t, `template = 'escalation' AND related_id = $1`, [incidentId]);
      expect(mails).toHaveLength(1);
      expect(mails[0].to_addresses).toEqual([`skatteoppgjor@${SKE}`]);
      expect(mails[0].subject).toContain(reference);
      expect(mails[0].in_reply_to).toBeNull();
      const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM escalation WHERE incident_id = $1', [incidentId]);
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
          reportBody({
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
      const [root] = await outboxRows(t, `template = 'escalation' AND related_id = $1`, [incidentId]);
      const replies = await updatesOf(incidentId);
      expect(replies).toHaveLength(1);
      expect(replies[0].in_reply_to).toBe(root.message_id);
      expect(replies[0].references).toEqual([root.message_id]);
      // Mail clients group a thread by its subject too: the reply keeps the first message's.
      expect(replies[0].subject).toBe(`Re: ${root.subject}`);
    });

    it('routes security and privacy incidents only to the security addresses', async () => {
      const sec = await t.http
        .post('/api/v1/reports')
        .set(bearer(b.key))
        .send(
          reportBody({
            category: 'security',
            title: 'API-nøkkel lekket',
            description: 'Vår klientnøkkel ble publisert i et offentlig repo ved en feil.',
          }),
        )
        .expect(201);
      const res = await t.http.post(`/api/v1/incidents/${sec.body.incidentId}/escalate`).set(bearer(securityToken)).expect(200);
      expect(res.body.security).toBe(true);
      expect(res.body.to).toEqual([`sikkerhet@${SKE}`]);
      const [mail] = await outboxRows(t, `template = 'escalation' AND related_id = $1`, [sec.body.incidentId]);
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
      const mails = await outboxRows(t, `template = 'incident-resolved' AND related_id = $1`, [incidentId]);
      const recipients = mails.flatMap((m: { to_addresses: string[] }) => m.to_addresses).sort();
      expect(recipients).toEqual([...a.emails, ...b.emails, ...c.emails].sort());
      const [{ open }] = await t.dataSource.query(
        `SELECT count(*) FILTER (WHERE status = 'open')::int AS open FROM report WHERE incident_id = $1`,
        [incidentId],
      );
      expect(open).toBe(0);
      await t.http.post(`/api/v1/incidents/${incidentId}/resolve`).set(bearer(agentToken)).send({ message: 'igjen' }).expect(409);
      await t.http.post(`/api/v1/incidents/${incidentId}/escalate`).set(bearer(agentToken)).expect(409);
      // The thread's last message answers under the first one's subject, though the case reference
      // and the counts changed since; the case reference is in its text.
      const [root] = await outboxRows(t, `template = 'escalation' AND related_id = $1`, [incidentId]);
      const [closing] = await outboxRows(t, `template = 'escalation-closed' AND related_id = $1`, [incidentId]);
      expect(closing.subject).toBe(`Re: ${root.subject}`);
    });

    it('lets staff reopen it: its reports open, the thread goes on, and a new resolution tells everyone again', async () => {
      const res = await t.http
        .post(`/api/v1/incidents/${incidentId}/reopen`)
        .set(bearer(agentToken))
        .send({ reason: 'Feilen kom tilbake etter rettingen.' })
        .expect(200);
      expect(res.body).toEqual({ status: 'escalated' });
      const [{ open }] = await t.dataSource.query(
        `SELECT count(*) FILTER (WHERE status = 'open')::int AS open FROM report WHERE incident_id = $1`,
        [incidentId],
      );
      expect(open).toBeGreaterThan(0);
      const [event] = await t.dataSource.query(`SELECT details FROM incident_event WHERE incident_id = $1 AND kind = 'reopened'`, [
        incidentId,
      ]);
      expect(event.details).toEqual({ status: 'escalated', reason: 'Feilen kom tilbake etter rettingen.' });
      // Open already: nothing to reopen.
      const again = await t.http.post(`/api/v1/incidents/${incidentId}/reopen`).set(bearer(agentToken)).send({}).expect(409);
      expect(again.body.code).toBe('incident_not_resolved');
      const invalid = await t.http
        .post(`/api/v1/incidents/${incidentId}/reopen`)
        .set(bearer(agentToken))
        .send({ reason: 'x'.repeat(2001) })
        .expect(400);
      expect(invalid.body.fields[0].field).toBe('reason');

      // Skatteetaten was told the case was solved: the first update after the reopening says it
      // was reopened, the next one does not say it again.
      const followUps = t.get(SendEscalationFollowUps);
      const late = (n: number) => new Date(Date.now() + n * (t.config.escalationDigestMinutes + 1) * 60_000);
      const laterReport = (title: string) =>
        t.http
          .post('/api/v1/reports')
          .set(bearer(b.key))
          .send(reportBody({ service: 'skatteoppgjor', errorCode: 'SO-504', httpStatus: 504, title, description: `${title}.` }))
          .expect(201);
      expect((await laterReport('Timeout 504 fra skatteoppgjør igjen')).body.incidentId).toBe(incidentId);
      expect(await followUps.execute(late(1))).toBe(1);
      expect((await laterReport('Skatteoppgjør gir 504 timeout på nytt')).body.incidentId).toBe(incidentId);
      expect(await followUps.execute(late(2))).toBe(1);
      const updates = await updatesOf(incidentId);
      const [, afterReopening, next] = updates;
      expect(afterReopening.text).toMatch(
        /^KS har gjenåpnet saken \(\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}\) etter at vi meldte at den var løst\./,
      );
      expect(afterReopening.html).toContain('<strong>KS har gjenåpnet saken</strong>');
      expect(next.text).not.toContain('gjenåpnet');
      expect(updates[0].text).not.toContain('gjenåpnet');

      // A report after the last update makes the incident due for one; resolved before that update
      // goes out, the closing message is the thread's last word.
      expect((await laterReport('Fortsatt 504 fra skatteoppgjør')).body.incidentId).toBe(incidentId);
      const escalations = t.get(EscalationRepository);
      const due = await escalations.dueForFollowUp(late(3));
      expect(due.map((e) => e.incidentId)).toContain(incidentId);

      const before = (await outboxRows(t, `template = 'incident-resolved' AND related_id = $1`, [incidentId])).length;
      await t.http.post(`/api/v1/incidents/${incidentId}/resolve`).set(bearer(agentToken)).send({ message: 'Rettet igjen.' }).expect(200);
      expect((await outboxRows(t, `template = 'incident-resolved' AND related_id = $1`, [incidentId])).length).toBe(before * 2);
      jest.spyOn(escalations, 'dueForFollowUp').mockResolvedValueOnce(due);
      expect(await followUps.execute(late(3))).toBe(0);
      expect(await updatesOf(incidentId)).toHaveLength(updates.length);
    });
  });

  it('answers the reporters of an incident triaged as their own fault as such, though the resolution does not say so again', async () => {
    const report = (
      await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(reportBody({ service: 'inntekt', title: 'Mangler delegering i Altinn', description: 'Tilgang avvist for vår bruker.' }))
        .expect(201)
    ).body;
    await t.http.post(`/api/v1/incidents/${report.incidentId}/triage`).set(bearer(agentToken)).send({ side: 'local' }).expect(200);
    await t.http
      .post(`/api/v1/incidents/${report.incidentId}/resolve`)
      .set(bearer(agentToken))
      .send({ message: 'Delegeringen må gis i Altinn av kommunen.' })
      .expect(200);
    const mails = await outboxRows(t, `template = 'incident-resolved' AND related_id = $1`, [report.incidentId]);
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) {
      expect(mail.subject).toMatch(/^Svar på meldingen deres: /);
      expect(mail.text).not.toContain('er løst');
    }
    const [{ side }] = await t.dataSource.query(`SELECT side FROM incident WHERE id = $1`, [report.incidentId]);
    expect(side).toBe('local');
  });

  it('sends a security case opened by a report whose words, not its category, looked like one to the service’s own addresses, as the contract says', async () => {
    const report = (
      await t.http
        .post('/api/v1/reports')
        .set(bearer(c.key))
        .send(
          reportBody({
            service: 'inntekt',
            category: 'deviation',
            title: 'Brev sendt til feil mottaker',
            description: 'Inntektsopplysninger sendt til feil adresse.',
            httpStatus: null,
            errorCode: null,
          }),
        )
        .expect(201)
    ).body;
    const [{ track }] = await t.dataSource.query(`SELECT track FROM incident WHERE id = $1`, [report.incidentId]);
    expect(track).toBe('security');
    const res = await t.http.post(`/api/v1/incidents/${report.incidentId}/escalate`).set(bearer(securityToken)).expect(200);
    expect(res.body).toMatchObject({ security: false, to: [`inntekt@${SKE}`] });
    // Still a security case: only the security role reads it.
    await t.http.get(`/api/v1/incidents/${report.incidentId}`).set(bearer(agentToken)).expect(403);
  });

  it('tells in the next update a report whose transaction began before one already told but committed after that update was read', async () => {
    const send = (key: string, title: string) => reportInTest(key, title, 500);
    const first = await send(a.key, 'Skatteoppgjøret i test gir 500');
    await t.http.post(`/api/v1/incidents/${first.incidentId}/escalate`).set(bearer(agentToken)).expect(200);
    const told = await send(b.key, 'Skatteoppgjøret i test svarer 500 hos oss også');
    expect(told.incidentId).toBe(first.incidentId);
    expect(await followUpRound(1)).toBe(1);
    const late = await send(c.key, 'Skatteoppgjøret i test gir fortsatt 500');
    expect(late.incidentId).toBe(first.incidentId);
    // As if its transaction had begun before the report the update told, and committed after the update read the reports.
    await t.dataSource.query(
      `UPDATE report SET created_at = (SELECT created_at FROM report WHERE id = $2) - interval '1 second' WHERE id = $1`,
      [late.id, told.id],
    );
    expect(await followUpRound(2)).toBe(1);
    expect(await followUpRound(3)).toBe(0);
    const updates = await updatesOf(first.incidentId);
    expect(updates).toHaveLength(2);
    expect(updates[0].text).toContain(b.orgNumber);
    expect(updates[1].text).toContain(c.orgNumber);
    expect(updates[1].text).not.toContain(b.orgNumber);
    await resolveOutOfTheWay(first.incidentId);
  });

  it('tells a report that committed while an update was being read in the next update only, and once', async () => {
    const send = (key: string, title: string) => reportInTest(key, title, 503);
    const first = await send(a.key, 'Skatteoppgjøret i test gir 503');
    const escalated = await t.http.post(`/api/v1/incidents/${first.incidentId}/escalate`).set(bearer(agentToken)).expect(200);
    expect(escalated.body.alreadyEscalated).toBe(false);
    const escalations = t.get(EscalationRepository);
    const reports = t.get(ReportRepository);
    // The mark is taken, then a report commits before the update reads: it is not this update's.
    const mark = await escalations.toldMark(first.incidentId);
    const between = await send(b.key, 'Skatteoppgjøret i test svarer 503 hos oss');
    expect(between.incidentId).toBe(first.incidentId);
    expect(await reports.sinceLastEscalationMessage(first.incidentId, mark)).toEqual([]);
    const next = await reports.sinceLastEscalationMessage(first.incidentId, await escalations.toldMark(first.incidentId));
    expect(next.map((r) => r.id)).toEqual([between.id]);
    expect(await followUpRound(1)).toBe(1);
    expect(await followUpRound(2)).toBe(0);
    await resolveOutOfTheWay(first.incidentId);
  });

  it('leaves a report that committed while the first message was being read to the first update, told once', async () => {
    const send = (key: string, title: string) => reportInTest(key, title, 507);
    const first = await send(a.key, 'Skatteoppgjøret i test gir 507');
    const escalations = t.get(EscalationRepository);
    const mark = await escalations.toldMark(first.incidentId);
    const between = await send(b.key, 'Skatteoppgjøret i test svarer 507 hos oss');
    expect(between.incidentId).toBe(first.incidentId);
    // The preview, which takes no mark, reads the incident as it stands.
    const incident = (await t.get(IncidentRepository).find(first.incidentId))!;
    expect((await t.get(EscalationMessage).draft(incident)).data).toMatchObject({ reportCount: 2, consumerCount: 2 });
    // As if the first message's mark had been taken before that report committed, and its reads after.
    const marked = jest.spyOn(escalations, 'toldMark').mockResolvedValueOnce(mark);
    await t.http.post(`/api/v1/incidents/${first.incidentId}/escalate`).set(bearer(agentToken)).expect(200);
    marked.mockRestore();
    const [firstMessage] = await outboxRows(t, `template = 'escalation' AND related_id = $1`, [first.incidentId]);
    expect(firstMessage.text).toContain(a.orgNumber);
    expect(firstMessage.text).not.toContain(b.orgNumber);
    expect(await followUpRound(1)).toBe(1);
    expect(await followUpRound(2)).toBe(0);
    const [update] = await updatesOf(first.incidentId);
    expect(update.text).toContain(b.orgNumber);
    expect(update.text).not.toContain(a.orgNumber);
    await resolveOutOfTheWay(first.incidentId);
  });

  it('falls back to the time of reports when the thread was read in a database that issued other transaction ids', async () => {
    const send = (key: string, title: string) => reportInTest(key, title, 501);
    const first = await send(a.key, 'Skatteoppgjøret i test gir 501');
    const escalated = await t.http.post(`/api/v1/incidents/${first.incidentId}/escalate`).set(bearer(agentToken)).expect(200);
    expect(escalated.body.alreadyEscalated).toBe(false);
    // Restored from a dump of a database far ahead in transaction ids: its snapshot would see every id issued here.
    await t.dataSource.query(`UPDATE escalation SET told_snapshot = '4000000000:4000000000:' WHERE incident_id = $1`, [first.incidentId]);
    const after = await send(c.key, 'Skatteoppgjøret i test svarer 501 også hos oss');
    expect(after.incidentId).toBe(first.incidentId);
    expect(await followUpRound(1)).toBe(1);
    const [update] = await updatesOf(first.incidentId);
    expect(update.text).toContain(c.orgNumber);
    expect(await followUpRound(2)).toBe(0);
    await resolveOutOfTheWay(first.incidentId);
  });

  it('tells a report restored from another database, whose transaction id this one has not issued, in the first message and not again', async () => {
    const send = (key: string, title: string) => reportInTest(key, title, 508);
    const restored = await send(a.key, 'Skatteoppgjøret i test gir 508');
    // Restored from a dump of a database far ahead in transaction ids.
    await t.dataSource.query(`UPDATE report SET created_xid = 4000000000 WHERE id = $1`, [restored.id]);
    await t.http.post(`/api/v1/incidents/${restored.incidentId}/escalate`).set(bearer(agentToken)).expect(200);
    const [firstMessage] = await outboxRows(t, `template = 'escalation' AND related_id = $1`, [restored.incidentId]);
    expect(firstMessage.text).toContain(a.orgNumber);
    const after = await send(b.key, 'Skatteoppgjøret i test svarer 508 hos oss');
    expect(after.incidentId).toBe(restored.incidentId);
    expect(await followUpRound(1)).toBe(1);
    expect(await followUpRound(2)).toBe(0);
    const [update] = await updatesOf(restored.incidentId);
    expect(update.text).toContain(b.orgNumber);
    expect(update.text).not.toContain(a.orgNumber);
    await resolveOutOfTheWay(restored.incidentId);
  });

  it("takes the thread along when staff move an escalated incident's last report out: its next update tells the other incident's reports", async () => {
    const alone = await reportInTest(a.key, 'Skatteoppgjøret i test gir 509', 509);
    const other = (
      await t.http
        .post('/api/v1/reports')
        .set(bearer(b.key))
        .send(
          reportBody({
            environment: 'test',
            service: 'inntekt',
            errorCode: 'INN-422',
            httpStatus: 422,
            title: 'Inntekt i test avviser forespørselen',
            description: 'Inntekt i test svarer 422 på alle oppslag etter endringen.',
          }),
        )
        .expect(201)
    ).body;
    expect(other.incidentId).not.toBe(alone.incidentId);
    const thread = (await t.http.post(`/api/v1/incidents/${alone.incidentId}/escalate`).set(bearer(agentToken)).expect(200)).body;
    expect(thread.status).toBe('sent');
    await t.http.post(`/api/v1/reports/${alone.id}/move`).set(bearer(agentToken)).send({ incidentId: other.incidentId }).expect(200);

    const receiving = await t.http.get(`/api/v1/incidents/${other.incidentId}`).set(bearer(agentToken)).expect(200);
    expect(receiving.body).toMatchObject({ status: 'escalated', escalation: { messageId: thread.messageId, status: 'sent' } });
    expect(await followUpRound(1)).toBe(1);
    const [update] = await updatesOf(other.incidentId);
    expect(update).toMatchObject({ in_reply_to: thread.messageId, to_addresses: thread.to });
    expect(update.text).toContain(b.orgNumber);
    expect(update.text).not.toContain(a.orgNumber);
    await resolveOutOfTheWay(other.incidentId);
    const [closing] = await outboxRows(t, `template = 'escalation-closed' AND related_id = $1`, [other.incidentId]);
    expect(closing.in_reply_to).toBe(thread.messageId);
  });

  it('leaves the thread of a resolved incident where it is when staff move its last report out', async () => {
    const resolved = await reportInTest(a.key, 'Skatteoppgjøret i test gir 511', 511);
    await t.http.post(`/api/v1/incidents/${resolved.incidentId}/escalate`).set(bearer(agentToken)).expect(200);
    await resolveOutOfTheWay(resolved.incidentId);
    const open = (
      await t.http
        .post('/api/v1/reports')
        .set(bearer(b.key))
        .send(
          reportBody({
            environment: 'test',
            service: 'inntekt',
            errorCode: 'INN-409',
            httpStatus: 409,
            title: 'Inntekt i test svarer 409 Conflict',
            description: 'Inntekt i test svarer 409 på innsending.',
          }),
        )
        .expect(201)
    ).body;
    await t.http.post(`/api/v1/reports/${resolved.id}/move`).set(bearer(agentToken)).send({ incidentId: open.incidentId }).expect(200);
    const receiving = await t.http.get(`/api/v1/incidents/${open.incidentId}`).set(bearer(agentToken)).expect(200);
    expect(receiving.body).toMatchObject({ escalation: null, reportCount: 2 });
    const [thread] = await t.dataSource.query(`SELECT incident_id FROM escalation WHERE incident_id = $1`, [resolved.incidentId]);
    expect(thread).toBeDefined();
    await resolveOutOfTheWay(open.incidentId);
  });

  it('sends no automatic updates in an ordinary thread once staff move the incident to the security side', async () => {
    const send = async (key: string) =>
      (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(key))
          .send(
            reportBody({
              environment: 'test',
              service: 'inntekt',
              title: 'Inntekt i test oppgir feil arbeidsgiver',
              description: 'Arbeidsgiveren i svarene fra testmiljøet er en annen enn i a-meldingen.',
              httpStatus: 200,
              errorCode: null,
            }),
          )
          .expect(201)
      ).body;
    const first = await send(a.key);
    await t.http.post(`/api/v1/incidents/${first.incidentId}/escalate`).set(bearer(agentToken)).expect(200);
    expect((await send(b.key)).incidentId).toBe(first.incidentId);
    await t.http.post(`/api/v1/incidents/${first.incidentId}/triage`).set(bearer(agentToken)).send({ side: 'security' }).expect(200);
    const followUps = t.get(SendEscalationFollowUps);
    const late = new Date(Date.now() + (t.config.escalationDigestMinutes + 1) * 60_000);
    expect(await followUps.execute(late)).toBe(0);
    const view = await t.http.get(`/api/v1/incidents/${first.incidentId}`).set(bearer(securityToken)).expect(200);
    expect(view.body.escalation).toMatchObject({ security: false, to: [`inntekt@${SKE}`], updatesPaused: true });
    expect(await updatesOf(first.incidentId)).toEqual([]);
    await createStaffWithToken(t, 'security', { email: 'sikkerhet-side@ks.example.test', password: true });
    const page = await (await signIn(t, 'sikkerhet-side@ks.example.test')).get(`/incidents/${first.incidentId}`).expect(200);
    expect(page.text).toContain('id="escalation-updates-paused"');
    expect(page.text).toContain('så nye meldinger fra kommunene sendes ikke lenger automatisk i den');
    // Back on Skatteetaten's side, the update waiting goes out.
    await t.http.post(`/api/v1/incidents/${first.incidentId}/triage`).set(bearer(securityToken)).send({ side: 'ske' }).expect(200);
    expect(await followUps.execute(late)).toBe(1);
    const view2 = await t.http.get(`/api/v1/incidents/${first.incidentId}`).set(bearer(agentToken)).expect(200);
    expect(view2.body.escalation.updatesPaused).toBe(false);
  });

  it.each([
    ['on the security side', {}],
    ["as the municipality's own fault", { side: 'local' }],
    ["as Skatteetaten's after all", { side: 'ske' }],
  ])('closes such a thread without the resolution or the count of municipalities, resolved %s', async (_how, side) => {
    // Each case's report opens an incident of its own: the last case's is resolved.
    const report = (await t.http.post('/api/v1/reports').set(bearer(a.key)).send(reportBody()).expect(201)).body;
    await t.http.post(`/api/v1/incidents/${report.incidentId}/escalate`).set(bearer(agentToken)).expect(200);
    await t.http.post(`/api/v1/incidents/${report.incidentId}/triage`).set(bearer(agentToken)).send({ side: 'security' }).expect(200);
    const resolution = 'Svarene viste inntekt for feil person; tilgangen er stengt.';
    await t.http
      .post(`/api/v1/incidents/${report.incidentId}/resolve`)
      .set(bearer(securityToken))
      .send({ message: resolution, ...side })
      .expect(200);
    const [root] = await outboxRows(t, `template = 'escalation' AND related_id = $1`, [report.incidentId]);
    const [closing] = await outboxRows(t, `template = 'escalation-closed' AND related_id = $1`, [report.incidentId]);
    expect(closing).toMatchObject({ to_addresses: root.to_addresses, subject: `Re: ${root.subject}`, in_reply_to: root.message_id });
    for (const body of [closing.text, closing.html]) {
      expect(body).toContain('Saken ble fulgt opp videre i en annen kanal, og denne tråden er nå avsluttet.');
      expect(body).not.toContain('tilgangen er stengt');
      expect(body).not.toContain('var berørt');
    }
    // The municipalities read the resolution as staff wrote it.
    const [told] = await outboxRows(t, `template = 'incident-resolved' AND related_id = $1`, [report.incidentId]);
    expect(told.text).toContain(resolution);
  });

  it('moves such a thread to the security channel: the ordinary one ends naming nothing, the new one tells everything', async () => {
    const send = async (key: string, title: string) =>
      (
        await t.http
          .post('/api/v1/reports')
          .set(bearer(key))
          .send(reportBody({ environment: 'test', title, description: `${title}. Gjelder alle oppslag i testmiljøet.` }))
          .expect(201)
      ).body;
    const first = await send(a.key, 'Testmiljøet for summert skattegrunnlag svarer 503');
    const id = first.incidentId;
    const ordinary = (await t.http.post(`/api/v1/incidents/${id}/escalate`).set(bearer(agentToken)).expect(200)).body;
    const notPaused = await t.http.post(`/api/v1/incidents/${id}/escalation/security-channel`).set(bearer(agentToken)).expect(409);
    expect(notPaused.body.code).toBe('escalation_not_movable');
    await t.http.post(`/api/v1/incidents/${id}/triage`).set(bearer(agentToken)).send({ skeCaseReference: 'SKE-ORD-17' }).expect(200);
    await t.http.post(`/api/v1/incidents/${id}/triage`).set(bearer(agentToken)).send({ side: 'security' }).expect(200);
    // No longer the agent's to act on.
    await t.http.post(`/api/v1/incidents/${id}/escalation/security-channel`).set(bearer(agentToken)).expect(403);

    const moved = await t.http.post(`/api/v1/incidents/${id}/escalation/security-channel`).set(bearer(securityToken)).expect(200);
    expect(moved.body).toMatchObject({ security: true, to: [`sikkerhet@${SKE}`], status: 'sent', alreadyEscalated: false });
    expect(moved.body.messageId).not.toBe(ordinary.messageId);
    const [last] = await outboxRows(t, `template = 'escalation-moved' AND related_id = $1`, [id]);
    expect(last).toMatchObject({ to_addresses: ordinary.to, in_reply_to: ordinary.messageId });
    expect(last.text).toContain(`KS følger opp saken ${first.incidentReference} (deres sak SKE-ORD-17) videre i en annen kanal.`);
    const roots = await outboxRows(t, `template = 'escalation' AND related_id = $1`, [id]);
    expect(roots.map((r) => [r.message_id, r.to_addresses, r.in_reply_to])).toEqual([
      [ordinary.messageId, ordinary.to, null],
      [moved.body.messageId, [`sikkerhet@${SKE}`], null],
    ]);
    expect(roots[1].text).not.toContain('SKE-ORD-17');
    const view = await t.http.get(`/api/v1/incidents/${id}`).set(bearer(securityToken)).expect(200);
    expect(view.body.escalation).toMatchObject({ security: true, updatesPaused: false, messageId: moved.body.messageId });
    expect(view.body.skeCaseReference).toBeNull();
    const again = await t.http.post(`/api/v1/incidents/${id}/escalation/security-channel`).set(bearer(securityToken)).expect(409);
    expect(again.body.code).toBe('escalation_not_movable');

    // Updates go on, in the new thread only.
    expect((await send(b.key, 'Summert skattegrunnlag i test gir 503 Service Unavailable')).incidentId).toBe(id);
    const late = new Date(Date.now() + (t.config.escalationDigestMinutes + 1) * 60_000);
    expect(await t.get(SendEscalationFollowUps).execute(late)).toBe(1);
    const [update] = await updatesOf(id);
    expect(update).toMatchObject({
      to_addresses: [`sikkerhet@${SKE}`],
      in_reply_to: moved.body.messageId,
      references: [moved.body.messageId],
    });
    await t.http.post(`/api/v1/incidents/${id}/resolve`).set(bearer(securityToken)).send({ message: 'Tilgangen er stengt.' }).expect(200);
    const [closing] = await outboxRows(t, `template = 'escalation-closed' AND related_id = $1`, [id]);
    expect(closing).toMatchObject({ to_addresses: [`sikkerhet@${SKE}`], in_reply_to: moved.body.messageId });
    expect(closing.text).toContain('Tilgangen er stengt.');
    const [event] = await t.dataSource.query(`SELECT details FROM incident_event WHERE incident_id = $1 AND kind = 'escalation_moved'`, [
      id,
    ]);
    expect(event.details).toEqual({
      from: ordinary.messageId,
      fromTo: ordinary.to,
      skeCaseReference: 'SKE-ORD-17',
      to: [`sikkerhet@${SKE}`],
      messageId: moved.body.messageId,
    });
  });

  it('moves it from the incident page, where only the security role sees the button', async () => {
    const report = (
      await t.http
        .post('/api/v1/reports')
        .set(bearer(c.key))
        .send(
          reportBody({ service: 'inntekt', title: 'Inntekt gir 500 på alle kall', description: 'Inntekt svarer 500.', httpStatus: 500 }),
        )
        .expect(201)
    ).body;
    const id = report.incidentId;
    await t.http.post(`/api/v1/incidents/${id}/escalate`).set(bearer(agentToken)).expect(200);
    await t.http.post(`/api/v1/incidents/${id}/triage`).set(bearer(agentToken)).send({ side: 'security' }).expect(200);
    await createStaffWithToken(t, 'security', { email: 'sikkerhet-flytt@ks.example.test', password: true });
    const officer = await signIn(t, 'sikkerhet-flytt@ks.example.test');
    const page = await officer.get(`/incidents/${id}`).expect(200);
    expect(page.text).toContain(`action="/incidents/${id}/escalate/security-channel"`);
    const done = await officer.post(`/incidents/${id}/escalate/security-channel`).expect(303);
    expect(done.headers.location).toBe(`/incidents/${id}?done=security-channel`);
    const after = await officer.get(done.headers.location).expect(200);
    expect(after.text).toContain('den første e-posten til sikkerhetskanalen er lagt i utboksen');
    expect(after.text).toContain('til den ordinære kanalen, og flyttet til sikkerhetskanalen');
    expect(after.text).not.toContain('id="escalation-updates-paused"');
    expect(after.text).toContain('Tråden til Skatteetaten ble flyttet til sikkerhetskanalen');
    expect(await outboxRows(t, `template = 'escalation-moved' AND related_id = $1`, [id])).toHaveLength(1);
  });
});

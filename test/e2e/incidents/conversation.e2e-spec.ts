import { SendEscalationFollowUps } from '@domain/incidents';

import type { RegisteredConsumer } from '../../support/fixtures';
import { INBOUND_ENV, INBOUND_MAIL_ROLE, sendInbound } from '../../support/inbound-mail';
import { outboxRows, reportBody, reportingApp } from '../../support/incident-fixtures';
import { SmtpCapture } from '../../support/smtp-capture';
import {
  cookieHeader,
  createStaffWithToken,
  openForm,
  setCookieLine,
  signIn,
  type StaffBrowser,
  usePortalLink,
} from '../../support/staff-session';
import { bearer, type TestApp } from '../../support/test-app';

const NOTE = 'Internt: leverandøren har innrømmet feilen, ikke si det videre';
const SKE_ANSWER = '<ske-sak-4711@ske.example.test>';

/** The element a refusal's summary links the field to, when that element is on the page. */
function linkedField(html: string, label: string): string | undefined {
  const id = new RegExp(`<a class="ds-link" href="#([^"]+)">${label}(: |</a>)`).exec(html)?.[1];
  return id && html.includes(`id="${id}"`) ? id : undefined;
}

/** An incident as a conversation: staff write to Skatteetaten and the municipalities, keep notes; municipalities answer and reopen. */
describe('incident conversations', () => {
  const smtp = new SmtpCapture();
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let agent: StaffBrowser;
  let agentToken: string;
  let incidentId: string;
  let reference: string;
  let reportOfA: string;
  let rootMessageId: string;
  let portalOfA: { cookie: string; csrf: string };

  const messages = (where = 'true') =>
    t.dataSource.query(`SELECT * FROM incident_message WHERE incident_id = $1 AND ${where} ORDER BY created_at`, [incidentId]) as Promise<
      Array<Record<string, unknown>>
    >;
  const delivered = async () => {
    await t.deliverMail();
    return smtp.messages;
  };

  async function portalSession(consumer: RegisteredConsumer, reportId: string) {
    const form = await openForm(t, '/portal/login');
    await t.http
      .post('/portal/login')
      .set('Cookie', cookieHeader(form.cookies))
      .type('form')
      .send({ _csrf: form.csrf, email: consumer.emails[0] })
      .expect(200);
    const [row] = await t.dataSource.query(
      `SELECT text FROM outbox_message WHERE template = 'portal-sign-in' AND $1 = ANY(to_addresses) ORDER BY created_at DESC LIMIT 1`,
      [consumer.emails[0]],
    );
    const link = new URL(/https?:\/\/\S+\/portal\/login\/\S+/.exec(row.text as string)![0]).pathname;
    const cookie = setCookieLine(await usePortalLink(t, link), 'sd_portal')!.split(';')[0];
    const page = await t.http.get(`/portal/reports/${reportId}`).set('Cookie', cookie).expect(200);
    return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page.text)![1] };
  }
  const portalPost = (path: string, form: Record<string, string> = {}) =>
    t.http
      .post(path)
      .set('Cookie', portalOfA.cookie)
      .type('form')
      .send({ _csrf: portalOfA.csrf, ...form });

  beforeAll(async () => {
    await smtp.start();
    ({ t, a, b } = await reportingApp({ ...INBOUND_ENV, SMTP_URL: smtp.url }, [INBOUND_MAIL_ROLE]));
    agentToken = (await createStaffWithToken(t, 'agent', { password: true })).token;
    agent = await signIn(t, 'agent@ks.example.test');
    const made = [];
    for (const k of [a, b]) made.push((await t.http.post('/api/v1/reports').set(bearer(k.key)).send(reportBody()).expect(201)).body);
    expect(made[0].incidentId).toBe(made[1].incidentId);
    ({ incidentId, incidentReference: reference, id: reportOfA } = made[0]);
    await t.http.post(`/api/v1/incidents/${incidentId}/escalate`).set(bearer(agentToken)).expect(200);
    [{ message_id: rootMessageId }] = await outboxRows(t, `template = 'escalation'`);
    portalOfA = await portalSession(a, reportOfA);
    await delivered();
    smtp.messages.length = 0;
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  it('writes to every affected municipality from the incident page: one e-mail per contact, each answerable', async () => {
    const res = await agent.post(`/incidents/${incidentId}/messages/municipalities`, {
      body: 'Vi jobber med saken og melder fra i morgen.',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/incidents/${incidentId}?done=message-municipalities`);
    const mail = await delivered();
    expect(mail.map((m) => m.envelopeTo).sort()).toEqual([...a.emails, ...b.emails].map((e) => [e]).sort());
    expect(new Set(mail.map((m) => m.parsed.messageId)).size).toBe(4);
    for (const m of mail) {
      expect(m.parsed.subject).toMatch(new RegExp(`^\\[${reference}\\] Melding fra KS: `));
      expect(m.parsed.text).toContain('Vi jobber med saken og melder fra i morgen.');
    }
    const [sent] = await messages(`audience = 'municipalities'`);
    expect(sent).toMatchObject({ direction: 'out', channel: 'desk', author_label: 'agent@ks.example.test' });
    expect((sent.recipients as string[]).sort()).toEqual([...a.emails, ...b.emails].sort());
    const page = await agent.get(res.headers.location).expect(200);
    expect(page.text).toContain('Meldingen er lagt i utboksen, én e-post til hver kontaktperson.');
    expect(page.text).toContain('Vi jobber med saken og melder fra i morgen.');
  });

  it('writes to the municipalities ticked only', async () => {
    smtp.messages.length = 0;
    await agent.post(`/incidents/${incidentId}/messages/municipalities`, { body: 'Bare til dere.', consumerIds: b.id }).expect(303);
    expect((await delivered()).map((m) => m.envelopeTo[0]).sort()).toEqual([...b.emails].sort());
  });

  it.each([
    ['an empty message', { body: '   ' }, 'Melding'],
    ['a municipality not affected', { body: 'Hei', consumerIds: '00000000-0000-4000-8000-000000000000' }, 'Kommuner'],
  ])('refuses %s with the field named on the page, and stores and sends nothing', async (_what, form, label) => {
    const before = (await messages()).length;
    const outbox = (await outboxRows(t)).length;
    const res = await agent.post(`/incidents/${incidentId}/messages/municipalities`, form).expect(400);
    expect(linkedField(res.text, label)).toBeDefined();
    expect(await messages()).toHaveLength(before);
    expect(await outboxRows(t)).toHaveLength(outbox);
  });

  /**
   * A refusal of each form on the incident page that names a field, and the element it must lead to
   * (ids, and a body that names the incident, known once the incident is).
   */
  type Where = { path: string; field: string; body?: Record<string, string> };
  const refusals: Array<[form: string, at: () => Where, body: Record<string, string>, label: string, status?: number]> = [
    [
      'triage',
      () => ({ path: `/incidents/${incidentId}/triage`, field: 'triage-title' }),
      { side: 'ske', title: 'x'.repeat(201) },
      'Tittel',
    ],
    [
      'assign',
      () => ({ path: `/incidents/${incidentId}/assign`, field: 'assign-assignee' }),
      { groupId: 'none', assigneeId: '00000000-0000-4000-8000-000000000000' },
      'Saksbehandler',
    ],
    ['note', () => ({ path: `/incidents/${incidentId}/messages/note`, field: 'note-body' }), { body: ' ' }, 'Melding'],
    [
      'Skatteetaten',
      () => ({ path: `/incidents/${incidentId}/messages/skatteetaten`, field: 'skatteetaten-body' }),
      { body: ' ' },
      'Melding',
    ],
    [
      'municipalities',
      () => ({ path: `/incidents/${incidentId}/messages/municipalities`, field: 'municipalities-body' }),
      { body: ' ' },
      'Melding',
    ],
    [
      'move',
      () => ({ path: `/incidents/${incidentId}/reports/${reportOfA}/move`, field: `move-${reportOfA}` }),
      { target: ' ' },
      'Hendelse',
    ],
    [
      'move to an unknown incident',
      () => ({ path: `/incidents/${incidentId}/reports/${reportOfA}/move`, field: `move-${reportOfA}` }),
      { target: 'KS-1999-9999' },
      'Hendelse',
      404,
    ],
    [
      'merge with an unknown incident',
      () => ({ path: `/incidents/${incidentId}/merge`, field: 'merge-other' }),
      { other: 'KS-1999-9999' },
      'Hendelse',
      404,
    ],
    [
      'merge with itself',
      () => ({ path: `/incidents/${incidentId}/merge`, field: 'merge-other', body: { other: reference } }),
      {},
      'Hendelse',
      409,
    ],
  ];
  it.each(refusals)('leads a refusal (%s) on the incident page to the field to correct', async (_form, at, body, label, status = 400) => {
    const where = at();
    const { path, field } = where;
    const res = await agent.post(path, where.body ?? body).expect(status);
    expect(linkedField(res.text, label)).toBe(field);
    expect(res.text).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`));
  });

  it('answers Skatteetaten in the escalation thread from the incident page', async () => {
    smtp.messages.length = 0;
    await agent.post(`/incidents/${incidentId}/messages/skatteetaten`, { body: 'Har dere et saksnummer?' }).expect(303);
    const [mail] = await delivered();
    expect(mail.envelopeTo).toEqual(['summert-skattegrunnlag@ske.example.test']);
    expect(mail.parsed.inReplyTo).toBe(rootMessageId);
    expect(mail.parsed.references).toContain(rootMessageId);
    expect(mail.parsed.subject).toMatch(new RegExp(`^Re: \\[${reference}\\]`));
    expect(mail.parsed.text).toContain('Har dere et saksnummer?');
  });

  it('threads a municipality answering KS by e-mail onto the incident, shown in its own portal and not another’s', async () => {
    const ours = (await outboxRows(t, `template = 'incident-message-municipality' AND $1 = ANY(to_addresses)`, [a.emails[0]]))[0];
    await sendInbound(t, {
      from: a.emails[0],
      subject: `SV: ${ours.subject}`,
      text: 'Hos oss er det fortsatt nede.',
      inReplyTo: ours.message_id,
      references: [ours.message_id],
      messageId: '<svar-a@kommune.example.test>',
    });
    const [reply] = await messages(`direction = 'in'`);
    expect(reply).toMatchObject({ audience: 'municipalities', channel: 'email', consumer_ids: [a.id], report_id: reportOfA });
    // The owner is told who wrote by name, not by address alone.
    const [told] = await outboxRows(t, `template = 'incident-reply-received' AND related_id = $1`, [incidentId]);
    expect(told.text).toMatch(new RegExp(`^\\S.* \\(${a.emails[0].replace(/\./g, '\\.')}\\) har svart på en melding om `));
    const portal = await t.http.get(`/portal/reports/${reportOfA}`).set('Cookie', portalOfA.cookie).expect(200);
    expect(portal.text).toContain('Hos oss er det fortsatt nede.');
    expect(portal.text).toContain('Vi jobber med saken og melder fra i morgen.');
    expect(portal.text).not.toContain('Bare til dere.');
    expect(portal.text).not.toContain('Har dere et saksnummer?');
    const api = await t.http.get(`/api/v1/reports/${reportOfA}`).set(bearer(a.key)).expect(200);
    expect(api.body.messages.map((m: { direction: string; body: string }) => [m.direction, m.body])).toEqual([
      ['out', 'Vi jobber med saken og melder fra i morgen.'],
      ['in', 'Hos oss er det fortsatt nede.'],
    ]);
  });

  it('answers Skatteetaten’s latest message once they have written: staff’s messages and the automatic updates alike', async () => {
    const [root] = await outboxRows(t, `template = 'escalation' AND related_id = $1`, [incidentId]);
    await sendInbound(t, {
      from: 'summert-skattegrunnlag@ske.example.test',
      subject: `SV: ${root.subject}`,
      text: 'Vi har opprettet en sak og ser på feilen.',
      inReplyTo: rootMessageId,
      references: [rootMessageId],
      messageId: SKE_ANSWER,
    });
    expect(await messages(`audience = 'skatteetaten' AND direction = 'in'`)).toHaveLength(1);
    const answersTheirs = (row: { in_reply_to: string | null; references: string[] | null }) => {
      expect(row.in_reply_to).toBe(SKE_ANSWER);
      expect(row.references).toEqual([rootMessageId, SKE_ANSWER]);
    };
    await agent.post(`/incidents/${incidentId}/messages/skatteetaten`, { body: 'Takk, vi venter på dere.' }).expect(303);
    answersTheirs((await outboxRows(t, `template = 'incident-message-ske'`)).at(-1)!);
    // A report that came in since goes to them as an update, answering them too.
    await t.http
      .post('/api/v1/reports')
      .set(bearer(b.key))
      .send(reportBody({ title: 'Fortsatt feil hos oss', description: 'Fortsatt samme feil i svarene.' }))
      .expect(201);
    const late = new Date(Date.now() + (t.config.escalationDigestMinutes + 1) * 60_000);
    expect(await t.get(SendEscalationFollowUps).execute(late)).toBe(1);
    const [update] = await outboxRows(t, `template = 'escalation-follow-up' AND related_id = $1`, [incidentId]);
    answersTheirs(update);
    expect(update.subject).toBe(`Re: ${root.subject}`);
  });

  it("answers each thread's own latest message from Skatteetaten once another incident's thread is merged in", async () => {
    smtp.messages.length = 0;
    const other = (
      await t.http
        .post('/api/v1/reports')
        .set(bearer(b.key))
        .send(
          reportBody({
            service: 'inntekt',
            title: 'Inntekt gir 500 for desember',
            description: 'Alle oppslag på inntekt for desember gir 500.',
            httpStatus: 500,
            errorCode: 'IM-500',
          }),
        )
        .expect(201)
    ).body;
    expect(other.incidentId).not.toBe(incidentId);
    await t.http.post(`/api/v1/incidents/${other.incidentId}/escalate`).set(bearer(agentToken)).expect(200);
    const [otherRoot] = await outboxRows(t, `template = 'escalation' AND related_id = $1`, [other.incidentId]);
    const inOtherThread = '<ske-sak-4712@ske.example.test>';
    await sendInbound(t, {
      from: 'inntekt@ske.example.test',
      subject: `SV: ${otherRoot.subject}`,
      text: 'Vi ser på inntekt.',
      inReplyTo: otherRoot.message_id,
      references: [otherRoot.message_id],
      messageId: inOtherThread,
    });
    // As stored before messages knew their thread: the merge files them under their incidents' threads.
    await t.dataSource.query(`UPDATE incident_message SET thread_root_message_id = NULL WHERE incident_id IN ($1, $2)`, [
      incidentId,
      other.incidentId,
    ]);
    // Both threads went out; the older incident, this conversation's, goes on.
    const merged = await t.http
      .post(`/api/v1/incidents/${other.incidentId}/merge`)
      .set(bearer(agentToken))
      .send({ otherIncidentId: incidentId })
      .expect(200);
    expect(merged.body.id).toBe(incidentId);
    const pointer = (await delivered()).find((m) => m.parsed.subject === `Re: ${otherRoot.subject}`)!;
    expect(pointer.envelopeTo).toEqual(['inntekt@ske.example.test']);
    expect(pointer.parsed.inReplyTo).toBe(inOtherThread);
    expect(pointer.parsed.text).toContain(`KS har slått saken ${other.incidentReference} sammen med ${reference}.`);
    // Skatteetaten answers the pointer in the thread that ended: it reaches the incident that goes on.
    await sendInbound(t, {
      from: 'inntekt@ske.example.test',
      subject: `SV: ${pointer.parsed.subject}`,
      text: 'Da lukker vi vår sak.',
      inReplyTo: pointer.parsed.messageId,
      // Only our last message is named: the reply is known by it alone.
      references: [inOtherThread, pointer.parsed.messageId!],
      messageId: '<ske-sak-4712-lukket@ske.example.test>',
    });
    // So does one that names the merged incident only in its subject, from that thread's address.
    await sendInbound(t, {
      from: 'inntekt@ske.example.test',
      subject: `Vedr. ${other.incidentReference}`,
      text: 'Saken er lukket hos oss.',
      messageId: '<ske-sak-4712-emne@ske.example.test>',
    });
    const theirs = await messages(`audience = 'skatteetaten' AND direction = 'in'`);
    expect(theirs.map((m) => [m.body, m.thread_root_message_id])).toEqual([
      ['Vi har opprettet en sak og ser på feilen.', rootMessageId],
      ['Vi ser på inntekt.', otherRoot.message_id],
      ['Da lukker vi vår sak.', otherRoot.message_id],
      ['Saken er lukket hos oss.', otherRoot.message_id],
    ]);
    // The next message in this incident's thread answers Skatteetaten's latest in it, not in the other one.
    smtp.messages.length = 0;
    await agent.post(`/incidents/${incidentId}/messages/skatteetaten`, { body: 'Vi følger opp saken her.' }).expect(303);
    const ours = (await delivered()).find((m) => m.parsed.text?.includes('Vi følger opp saken her.'))!;
    expect(ours.parsed.inReplyTo).toBe(SKE_ANSWER);
    expect(ours.parsed.references).toEqual([rootMessageId, SKE_ANSWER]);
    expect([...ours.envelopeTo].sort()).toEqual(['inntekt@ske.example.test', 'summert-skattegrunnlag@ske.example.test']);
  });

  it('keeps an internal note on the incident page and nowhere else: not in the portal, the consumer API or any e-mail', async () => {
    smtp.messages.length = 0;
    await agent.post(`/incidents/${incidentId}/messages/note`, { body: NOTE }).expect(303);
    expect((await agent.get(`/incidents/${incidentId}`).expect(200)).text).toContain(NOTE);
    expect((await t.http.get(`/portal/reports/${reportOfA}`).set('Cookie', portalOfA.cookie).expect(200)).text).not.toContain(NOTE);
    for (const path of [`/api/v1/reports/${reportOfA}`, '/api/v1/reports'])
      expect(JSON.stringify((await t.http.get(path).set(bearer(a.key)).expect(200)).body)).not.toContain(NOTE);
    // Whatever comes next (more messages, the resolution) carries no note either.
    await agent.post(`/incidents/${incidentId}/messages/municipalities`, { body: 'Ny oppdatering.' }).expect(303);
    await agent.post(`/incidents/${incidentId}/messages/skatteetaten`, { body: 'Ny oppdatering til dere.' }).expect(303);
    await t.http.post(`/api/v1/incidents/${incidentId}/resolve`).set(bearer(agentToken)).send({ message: 'Rettet.' }).expect(200);
    const mail = await delivered();
    expect(mail.length).toBeGreaterThan(4);
    // The closing message answers Skatteetaten's latest message too.
    const [closing] = await outboxRows(t, `template = 'escalation-closed' AND related_id = $1`, [incidentId]);
    expect(closing.in_reply_to).toBe(SKE_ANSWER);
    for (const m of mail) expect(m.raw).not.toContain('leverandøren har innrømmet');
    expect((await outboxRows(t)).filter((r) => `${r.subject}${r.text}${r.html}`.includes('leverandøren har innrømmet'))).toEqual([]);
  });

  it('leads an empty answer in the portal to its field, storing nothing', async () => {
    const before = (await messages(`channel = 'portal'`)).length;
    const res = await portalPost(`/portal/reports/${reportOfA}/reply`, { body: '  ' }).expect(400);
    expect(linkedField(res.text, 'Svar til KS')).toBe('reply-body');
    expect(res.text).toMatch(/id="reply-body"[^>]*aria-invalid="true" aria-describedby="reply-body-error"/);
    expect(res.text).toContain('<div class="ds-validation-message" id="reply-body-error">');
    expect(await messages(`channel = 'portal'`)).toHaveLength(before);
  });

  it('lets the municipality answer in the portal and reopen its resolved report within the window; the incident opens again', async () => {
    const replied = await portalPost(`/portal/reports/${reportOfA}/reply`, { body: 'Fortsatt feil hos oss etter rettingen.' });
    expect(replied.headers.location).toBe(`/portal/reports/${reportOfA}?done=replied#conversation`);
    expect((await messages(`channel = 'portal'`))[0]).toMatchObject({ direction: 'in', audience: 'municipalities', report_id: reportOfA });
    const masked = await portalPost(`/portal/reports/${reportOfA}/reply`, { body: 'Gjelder 01019000083.' });
    expect(masked.headers.location).toBe(`/portal/reports/${reportOfA}?done=replied-masked#conversation`);
    expect((await messages(`channel = 'portal'`))[1]).toMatchObject({ body: 'Gjelder [fødselsnummer fjernet].' });
    const confirmed = await t.http.get(`/portal/reports/${reportOfA}?done=replied-masked`).set('Cookie', portalOfA.cookie).expect(200);
    expect(confirmed.text).toContain('Svaret er sendt til KS. Noe som lignet et fødselsnummer eller D-nummer er fjernet');
    const page = await t.http.get(`/portal/reports/${reportOfA}`).set('Cookie', portalOfA.cookie).expect(200);
    expect(page.text).toContain('Gjenåpne meldingen');
    expect(page.text).toContain('Et svar åpner den ikke igjen');
    await portalPost(`/portal/reports/${reportOfA}/reopen`).expect(303);
    // KS's answer that closed it is shown as what it was, not as the answer to the reopened report.
    const reopened = await t.http.get(`/portal/reports/${reportOfA}`).set('Cookie', portalOfA.cookie).expect(200);
    expect(reopened.text).toContain('Svaret fra KS før meldingen ble gjenåpnet');
    const [incident] = await t.dataSource.query(`SELECT status, resolved_at, reopen_count FROM incident WHERE id = $1`, [incidentId]);
    expect(incident).toEqual({ status: 'escalated', resolved_at: null, reopen_count: 1 });
    const [report] = await t.dataSource.query(`SELECT status FROM report WHERE id = $1`, [reportOfA]);
    expect(report.status).toBe('open');
    const told = await outboxRows(t, `template = 'incident-reply-received' AND subject LIKE 'Gjenåpnet%'`);
    expect(told.map((r) => r.to_addresses)).toEqual([['agent@ks.example.test']]);
    // Resolved again, the municipalities hear of it again.
    const resolvedBefore = (await outboxRows(t, `template = 'incident-resolved'`)).length;
    await t.http.post(`/api/v1/incidents/${incidentId}/resolve`).set(bearer(agentToken)).send({ message: 'Rettet igjen.' }).expect(200);
    expect((await outboxRows(t, `template = 'incident-resolved'`)).length).toBe(resolvedBefore * 2);
  });

  it("lets the municipality's system answer and reopen through the API, as its users do in the portal", async () => {
    const path = `/api/v1/reports/${reportOfA}`;
    const own = (await t.http.get(path).set(bearer(a.key)).expect(200)).body;
    expect(new Date(own.reopenUntil).getTime()).toBeGreaterThan(Date.now());
    const told = (await outboxRows(t, `template = 'incident-reply-received'`)).length;

    const answered = await t.http
      .post(`${path}/messages`)
      .set(bearer(a.key))
      .send({ body: 'Fra fagsystemet: 01019000083 får fortsatt 503.' });
    expect(answered.status).toBe(201);
    expect(answered.body).toMatchObject({
      direction: 'in',
      channel: 'api',
      body: 'Fra fagsystemet: [fødselsnummer fjernet] får fortsatt 503.',
    });
    expect((await messages(`channel = 'api'`)).map((m) => m.report_id)).toEqual([reportOfA]);
    expect((await outboxRows(t, `template = 'incident-reply-received'`)).length).toBe(told + 1);
    expect((await agent.get(`/incidents/${incidentId}`).expect(200)).text).toContain('(via API)');
    expect((await t.http.get(path).set(bearer(a.key)).expect(200)).body.messages).toContainEqual(
      expect.objectContaining({ id: answered.body.id }),
    );

    const blank = await t.http.post(`${path}/messages`).set(bearer(a.key)).send({ body: ' \u200b ' }).expect(400);
    expect(blank.body.fields.map((f: { field: string }) => f.field)).toEqual(['body']);
    await t.http.post(`${path}/messages`).set(bearer(b.key)).send({ body: 'Ikke vår melding.' }).expect(404);
    await t.http.post(`${path}/messages`).set(bearer(agentToken)).send({ body: 'Staff bruker samtalen.' }).expect(403);
    expect(await messages(`channel = 'api'`)).toHaveLength(1);

    await t.http.post(`${path}/reopen`).set(bearer(b.key)).expect(404);
    const reopened = await t.http.post(`${path}/reopen`).set(bearer(a.key)).expect(200);
    expect(reopened.body).toMatchObject({ id: reportOfA, status: 'open', incidentStatus: 'escalated', reopenUntil: null });
    const again = await t.http.post(`${path}/reopen`).set(bearer(a.key)).expect(409);
    expect(again.body.code).toBe('incident_not_resolved');
    await t.http
      .post(`/api/v1/incidents/${incidentId}/resolve`)
      .set(bearer(agentToken))
      .send({ message: 'Rettet en tredje gang.' })
      .expect(200);
  });

  it('refuses to reopen after the window, saying so in Norwegian', async () => {
    await t.dataSource.query(`UPDATE incident SET resolved_at = now() - interval '15 days' WHERE id = $1`, [incidentId]);
    const res = await portalPost(`/portal/reports/${reportOfA}/reopen`).expect(409);
    expect(res.text).toContain('Fristen for å gjenåpne meldingen er ute. Send en ny melding.');
    const byApi = await t.http.post(`/api/v1/reports/${reportOfA}/reopen`).set(bearer(a.key)).expect(409);
    expect(byApi.body.code).toBe('reopen_window_closed');
    expect((await t.http.get(`/api/v1/reports/${reportOfA}`).set(bearer(a.key)).expect(200)).body.reopenUntil).toBeNull();
    const [incident] = await t.dataSource.query(`SELECT status FROM incident WHERE id = $1`, [incidentId]);
    expect(incident.status).toBe('resolved');
  });

  it('stores an answer retried under its Idempotency-Key once, also when the copies arrive together', async () => {
    const path = `/api/v1/reports/${reportOfA}/messages`;
    const answer = (key: string, body: string) =>
      t.http
        .post(path)
        .set({ ...bearer(a.key), 'Idempotency-Key': key })
        .send({ body });
    const before = (await messages(`channel = 'api'`)).length;
    const told = (await outboxRows(t, `template = 'incident-reply-received'`)).length;

    const first = await answer('svar-1', 'Fortsatt feil hos oss.').expect(201);
    const retried = await answer('svar-1', 'Fortsatt feil hos oss.').expect(201);
    expect(retried.body).toEqual(first.body);
    const together = await Promise.all([answer('svar-2', 'Nå virker det.'), answer('svar-2', 'Nå virker det.')]);
    expect(together.map((r) => r.status)).toEqual([201, 201]);
    expect(together[1].body.id).toBe(together[0].body.id);
    expect((await messages(`channel = 'api'`)).length).toBe(before + 2);
    expect((await outboxRows(t, `template = 'incident-reply-received'`)).length).toBe(told + 2);

    expect((await answer('svar-1', 'Et annet svar.').expect(422)).body.code).toBe('idempotency_key_reused');
    const report = await t.http
      .post('/api/v1/reports')
      .set({ ...bearer(a.key), 'Idempotency-Key': 'melding-og-svar' })
      .send(reportBody({ title: 'Ny feil med samme nøkkel' }))
      .expect(201);
    expect(report.body.id).toBeDefined();
    expect((await answer('melding-og-svar', 'Fortsatt feil hos oss.').expect(422)).body.code).toBe('idempotency_key_reused');
    expect((await messages(`channel = 'api'`)).length).toBe(before + 2);
  });

  it('ends the ordinary thread answering Skatteetaten there when staff move it to the security channel; the new thread answers only its own', async () => {
    const r = (
      await t.http
        .post('/api/v1/reports')
        .set(bearer(b.key))
        .send(
          reportBody({ service: 'skatteoppgjor', title: 'Skatteoppgjøret gir 504', description: 'Alle oppslag gir 504.', httpStatus: 504 }),
        )
        .expect(201)
    ).body;
    expect(r.incidentId).not.toBe(incidentId);
    await t.http.post(`/api/v1/incidents/${r.incidentId}/escalate`).set(bearer(agentToken)).expect(200);
    const [ordinaryRoot] = await outboxRows(t, `template = 'escalation' AND related_id = $1`, [r.incidentId]);
    const theirAnswer = '<ske-sak-5000@ske.example.test>';
    await sendInbound(t, {
      from: 'skatteoppgjor@ske.example.test',
      subject: `SV: ${ordinaryRoot.subject}`,
      text: 'Vi ser på skatteoppgjøret.',
      inReplyTo: ordinaryRoot.message_id,
      references: [ordinaryRoot.message_id],
      messageId: theirAnswer,
    });
    await t.http.post(`/api/v1/incidents/${r.incidentId}/triage`).set(bearer(agentToken)).send({ side: 'security' }).expect(200);
    const officer = await createStaffWithToken(t, 'security', { email: 'sikkerhet-samtale@ks.example.test', password: true });
    smtp.messages.length = 0;
    const moved = await t.http.post(`/api/v1/incidents/${r.incidentId}/escalation/security-channel`).set(bearer(officer.token)).expect(200);
    const mail = await delivered();
    const pointer = mail.find((m) => m.parsed.subject === `Re: ${ordinaryRoot.subject}`)!;
    expect(pointer.envelopeTo).toEqual(['skatteoppgjor@ske.example.test']);
    expect(pointer.parsed.inReplyTo).toBe(theirAnswer);
    expect(pointer.parsed.text).toContain('videre i en annen kanal');
    const first = mail.find((m) => m.parsed.messageId === moved.body.messageId)!;
    expect(first.envelopeTo).toEqual(['sikkerhet@ske.example.test']);
    expect(first.parsed.inReplyTo).toBeUndefined();
    // Their answer to the pointer stays with the ordinary thread.
    await sendInbound(t, {
      from: 'skatteoppgjor@ske.example.test',
      subject: `SV: ${pointer.parsed.subject}`,
      text: 'Da lukker vi saken her.',
      inReplyTo: pointer.parsed.messageId,
      references: [ordinaryRoot.message_id, pointer.parsed.messageId!],
      messageId: '<ske-sak-5000-lukket@ske.example.test>',
    });
    // So does one from that thread's address that names the incident only in its subject.
    await sendInbound(t, {
      from: 'skatteoppgjor@ske.example.test',
      subject: `Vedr. ${r.incidentReference}`,
      text: 'Saken er lukket i vår ordinære kø.',
      messageId: '<ske-sak-5000-emne@ske.example.test>',
    });
    const theirs = await t.dataSource.query(
      `SELECT body, thread_root_message_id FROM incident_message WHERE incident_id = $1 AND direction = 'in' ORDER BY created_at`,
      [r.incidentId],
    );
    expect(theirs.map((m: Record<string, unknown>) => [m.body, m.thread_root_message_id])).toEqual([
      ['Vi ser på skatteoppgjøret.', ordinaryRoot.message_id],
      ['Da lukker vi saken her.', ordinaryRoot.message_id],
      ['Saken er lukket i vår ordinære kø.', ordinaryRoot.message_id],
    ]);
    smtp.messages.length = 0;
    const session = await signIn(t, 'sikkerhet-samtale@ks.example.test');
    await session.post(`/incidents/${r.incidentId}/messages/skatteetaten`, { body: 'Vi sender detaljene her.' }).expect(303);
    const ours = (await delivered()).find((m) => m.parsed.text?.includes('Vi sender detaljene her.'))!;
    expect(ours.envelopeTo).toEqual(['sikkerhet@ske.example.test']);
    expect(ours.parsed.inReplyTo).toBe(moved.body.messageId);
    expect(ours.parsed.references).toEqual(moved.body.messageId);
  });
});

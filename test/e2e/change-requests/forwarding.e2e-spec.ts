import { publishCatalogue, registerConsumer, type RegisteredConsumer, SKE, submitChangeRequest } from '../../support/fixtures';
import { outboxRows } from '../../support/incident-fixtures';
import { SmtpCapture } from '../../support/smtp-capture';
import { createStaffWithToken } from '../../support/staff-session';
import { auditActions } from '../../support/stored-data';
import { bearer, createTestApp, type TestApp } from '../../support/test-app';

const SERVICE = 'summert-skattegrunnlag';

describe('change requests: forwarding to Skatteetaten and the outcome', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let c: RegisteredConsumer;
  let agentToken: string;
  let id: string;
  let reference: string;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({ SMTP_URL: smtp.url });
    await publishCatalogue(t, [SERVICE, 'uten-adresse'], { 'uten-adresse': { escalationEmails: [] } });
    a = await registerConsumer(t, 515, [SERVICE, 'uten-adresse']);
    b = await registerConsumer(t, 616, [SERVICE]);
    c = await registerConsumer(t, 717, [SERVICE]);
    agentToken = (await createStaffWithToken(t, 'agent')).token;
    ({ id, reference } = await submitChangeRequest(t, a.key, SERVICE, {
      description: 'Gi inntekt per måned i tjenesten.',
      useCase: 'Foreldrebetaling i barnehage.',
    }));
    await t.http
      .post(`/api/v1/change-requests/${id}/support`)
      .set(bearer(b.key))
      .send({ useCase: 'Egenbetaling i institusjon.' })
      .expect(200);
    await t.http
      .post(`/api/v1/change-requests/${id}/assessment`)
      .set(bearer(agentToken))
      .send({ status: 'assessing', priority: 'high' })
      .expect(200);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('refuses to record an answer before the request is forwarded', async () => {
    const res = await t.http.post(`/api/v1/change-requests/${id}/answer`).set(bearer(agentToken)).send({ answer: 'Ja' }).expect(409);
    expect(res.body.code).toBe('change_request_not_forwarded');
  });

  it('refuses to set forwarded by hand', async () => {
    const res = await t.http
      .post(`/api/v1/change-requests/${id}/assessment`)
      .set(bearer(agentToken))
      .send({ status: 'forwarded' })
      .expect(409);
    expect(res.body.code).toBe('status_change_refused');
  });

  it('forwards once under concurrent calls: one e-mail over SMTP to the escalation address, with every supporter', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.http.post(`/api/v1/change-requests/${id}/forward`).set(bearer(agentToken)).send({ note: 'KS støtter ønsket.' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(5).fill(200));
    expect(results.filter((r) => !r.body.alreadyForwarded)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.messageId)).size).toBe(1);
    expect(await t.deliverMail()).toBe(1);
    const [mail] = smtp.messages.filter((m) => m.parsed.subject?.includes(reference));
    expect(mail.envelopeTo).toEqual([`${SERVICE}@${SKE}`]);
    expect(mail.parsed.messageId).toBe(results[0].body.messageId);
    expect(mail.parsed.text).toContain('Foreldrebetaling i barnehage.');
    expect(mail.parsed.text).toContain('Egenbetaling i institusjon.');
    expect(mail.parsed.text).toContain('Antall kommuner som står bak: 2');
    expect(mail.parsed.text).toContain('KS støtter ønsket.');
    expect(mail.parsed.text).toContain('høy');

    const again = await t.http.post(`/api/v1/change-requests/${id}/forward`).set(bearer(agentToken)).send({}).expect(200);
    expect(again.body).toMatchObject({ alreadyForwarded: true, messageId: results[0].body.messageId });
    expect(await outboxRows(t, `template = 'change-request-forward'`)).toHaveLength(1);
    const one = await t.http.get(`/api/v1/change-requests/${id}`).set(bearer(agentToken)).expect(200);
    expect(one.body).toMatchObject({
      status: 'forwarded',
      forwardedTo: [`${SERVICE}@${SKE}`],
      forwardMessageId: results[0].body.messageId,
    });
    expect(await auditActions(t, id)).toContain('change_request.forwarded');
  });

  it('refuses a forward when the catalogue has no address for the service, changing nothing', async () => {
    const other = await t.http
      .post('/api/v1/change-requests')
      .set(bearer(a.key))
      .send({ service: 'uten-adresse', title: 'Uten adresse', description: 'x', useCase: 'y', urgency: 'low' })
      .expect(201);
    const res = await t.http.post(`/api/v1/change-requests/${other.body.id}/forward`).set(bearer(agentToken)).send({}).expect(422);
    expect(res.body.code).toBe('no_escalation_address');
    const after = await t.http.get(`/api/v1/change-requests/${other.body.id}`).set(bearer(agentToken)).expect(200);
    expect(after.body.status).toBe('new');
  });

  it('tells Skatteetaten of consumers who join later, as replies in the thread', async () => {
    const [root] = await outboxRows(t, `template = 'change-request-forward'`);
    await t.http.post(`/api/v1/change-requests/${id}/support`).set(bearer(c.key)).send({ useCase: 'Boligsosialt arbeid.' }).expect(200);
    await t.http.post(`/api/v1/change-requests/${id}/support`).set(bearer(c.key)).send({ useCase: 'Igjen.' }).expect(200);
    const replies = await outboxRows(t, `template = 'change-request-follow-up'`);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ to_addresses: [`${SERVICE}@${SKE}`], in_reply_to: root.message_id, references: [root.message_id] });
    expect(replies[0].text).toContain('Boligsosialt arbeid.');
    expect(replies[0].text).toContain('Nå står 3 kommuner bak');
    smtp.messages.length = 0;
    expect(await t.deliverMail()).toBe(1);
    expect(smtp.messages[0].parsed.inReplyTo).toBe(root.message_id);
    expect(smtp.messages[0].parsed.subject).toBe(`Re: Endringsønske fra kommunene: Inntekt per måned (${reference})`);
  });

  it("tells every supporter's contacts of Skatteetaten's answer, one e-mail each, once", async () => {
    const res = await t.http
      .post(`/api/v1/change-requests/${id}/answer`)
      .set(bearer(agentToken))
      .send({ answer: 'Skatteetaten legger inn inntekt per måned i neste versjon.' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'answered', notified: 6 });
    await t.http.post(`/api/v1/change-requests/${id}/answer`).set(bearer(agentToken)).send({ answer: 'Rettet svar.' }).expect(200);
    const rows = await outboxRows(t, `template = 'change-request-outcome'`);
    expect(rows.map((r) => r.to_addresses[0]).sort()).toEqual([...a.emails, ...b.emails, ...c.emails].sort());
    smtp.messages.length = 0;
    expect(await t.deliverMail()).toBe(6);
    expect(smtp.messages.map((m) => m.envelopeTo[0]).sort()).toEqual([...a.emails, ...b.emails, ...c.emails].sort());
    expect(smtp.messages[0].parsed.text).toContain('Skatteetaten legger inn inntekt per måned i neste versjon.');
    expect(smtp.messages[0].parsed.subject).toContain(reference);
  });

  it('shows the answer to a supporter in the API', async () => {
    const seen = await t.http.get(`/api/v1/change-requests/${id}`).set(bearer(b.key)).expect(200);
    expect(seen.body).toMatchObject({ status: 'answered', forwardedTo: [], forwardMessageId: null });
    expect(seen.body.answer).toBe('Rettet svar.');
  });
});

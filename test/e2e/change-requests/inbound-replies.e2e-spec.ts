import { publishCatalogue, registerConsumer, type RegisteredConsumer, SKE, submitChangeRequest } from '../../support/fixtures';
import { INBOUND_ENV, INBOUND_MAIL_ROLE, sendInbound } from '../../support/inbound-mail';
import { outboxRows } from '../../support/incident-fixtures';
import { createStaffWithToken, signIn, type StaffBrowser, type StaffWithToken } from '../../support/staff-session';
import { bearer, createTestApp, type TestApp } from '../../support/test-app';

const SERVICE = 'summert-skattegrunnlag';
const ESCALATION_ADDRESS = `${SERVICE}@${SKE}`;

/** Skatteetaten answering a forwarded change request by e-mail, in through the worker's SMTP listener. */
describe("change requests: Skatteetaten's answer by e-mail", () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let agent: StaffWithToken;
  let page: StaffBrowser;
  let id: string;
  let reference: string;
  let forwardMessageId: string;

  const stored = async (messageId: string) =>
    (await t.dataSource.query(`SELECT id, status, routed_to, route_how FROM inbound_message WHERE message_id = $1`, [messageId]))[0];
  const replies = async () =>
    t.dataSource.query(
      `SELECT actor_label, details -> 'after' AS after FROM audit_entry WHERE action = 'change_request.reply_received' AND object_id = $1`,
      [id],
    );

  beforeAll(async () => {
    t = await createTestApp(INBOUND_ENV, [INBOUND_MAIL_ROLE]);
    await publishCatalogue(t, [SERVICE]);
    a = await registerConsumer(t, 515, [SERVICE]);
    agent = await createStaffWithToken(t, 'agent', { password: true });
    page = await signIn(t, agent.email);
    ({ id, reference } = await submitChangeRequest(t, a.key, SERVICE));
    await t.http.post(`/api/v1/change-requests/${id}/assessment`).set(bearer(agent.token)).send({ status: 'assessing' }).expect(200);
    await t.http.post(`/api/v1/change-requests/${id}/forward`).set(bearer(agent.token)).send({}).expect(200);
    [{ message_id: forwardMessageId }] = await outboxRows(t, `template = 'change-request-forward'`);
  });
  afterAll(() => t?.close());

  it('keeps a reply in the thread with the request, from whoever answers there, and tells the staff who forward requests', async () => {
    await sendInbound(t, {
      from: `Saksbehandler <saksbehandler@${SKE}>`,
      subject: `SV: Endringsønske fra kommunene: Inntekt per måned (${reference})`,
      text: 'Vi tar dette med i neste versjon.',
      inReplyTo: forwardMessageId,
      references: [forwardMessageId],
      messageId: '<cr-1@ske.example.test>',
    });
    const message = await stored('<cr-1@ske.example.test>');
    expect(message).toMatchObject({ status: 'routed', routed_to: 'change-requests', route_how: 'message-id' });
    expect(await replies()).toEqual([
      { actor_label: `saksbehandler@${SKE}`, after: { from: `saksbehandler@${SKE}`, inboundMessageId: message.id } },
    ]);
    const notified = await t.dataSource.query(`SELECT recipient_id FROM notification WHERE kind = 'change_request.reply_received'`);
    expect(notified.map((n: { recipient_id: string }) => n.recipient_id)).toContain(agent.id);
    // No ticket: the answer belongs to the request.
    expect(await t.dataSource.query(`SELECT 1 FROM ticket`)).toEqual([]);

    const html = (await page.get(`/change-requests/${id}`).expect(200)).text;
    expect(html).toContain('E-post fra Skatteetaten');
    expect(html).toContain(`href="/inbound-mail/${message.id}"`);
  });

  it('keeps mail that names the request in its subject from an address it was forwarded to', async () => {
    await sendInbound(t, {
      from: ESCALATION_ADDRESS,
      subject: `Svar på ${reference}`,
      text: 'Endringen kommer i mars.',
      messageId: '<cr-2@ske.example.test>',
    });
    expect(await stored('<cr-2@ske.example.test>')).toMatchObject({
      status: 'routed',
      routed_to: 'change-requests',
      route_how: 'subject-reference',
    });
    expect(await replies()).toHaveLength(2);
  });

  it('opens a ticket for mail that names the request from anyone else, as a municipality writing about it', async () => {
    await sendInbound(t, {
      from: a.emails[0],
      subject: `Spørsmål om ${reference}`,
      text: 'Når kommer dette?',
      messageId: '<cr-3@kommune.example.test>',
    });
    expect(await stored('<cr-3@kommune.example.test>')).toMatchObject({ status: 'routed', routed_to: 'tickets' });
    expect(await replies()).toHaveLength(2);
  });

  it("puts a municipality's reply on its ticket when the ticket's subject names the request too", async () => {
    const ticket = await t.http
      .post('/api/v1/tickets')
      .set(bearer(agent.token))
      .send({ subject: `Spørsmål om ${reference}`, body: 'Når kommer endringen?', consumerId: a.id, requesterEmail: a.emails[0] })
      .expect(201);
    // Webmail that keeps no In-Reply-To: only the subject tells where it belongs.
    await sendInbound(t, {
      from: a.emails[0],
      subject: `SV: Spørsmål om ${reference} [${ticket.body.reference}]`,
      text: 'Takk for svaret.',
      messageId: '<cr-4@kommune.example.test>',
    });
    expect(await stored('<cr-4@kommune.example.test>')).toMatchObject({
      status: 'routed',
      routed_to: 'tickets',
      route_how: 'subject-reference',
    });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ticket_message WHERE ticket_id = $1`, [ticket.body.id]);
    expect(n).toBe(2);
  });
});

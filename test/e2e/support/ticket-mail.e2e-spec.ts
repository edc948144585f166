import { nationalId, type RegisteredConsumer } from '../../support/fixtures';
import { INBOUND_ENV, INBOUND_MAIL_ROLE, sendInbound } from '../../support/inbound-mail';
import { outboxRows, reportingApp } from '../../support/incident-fixtures';
import { createStaffWithToken, signIn, type StaffWithToken } from '../../support/staff-session';
import { bearer, type TestApp } from '../../support/test-app';

type Row = Record<string, unknown>;
const VENDOR = 'drift@leverandor.example.test';

/** E-mail into tickets through the worker's SMTP listener, sent by a real SMTP client (nodemailer). */
describe('inbound e-mail into tickets', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let agent: StaffWithToken;
  let ticketId: string;
  let reference: string;
  let answerMessageId: string;

  const inbound = (messageId: string): Promise<Row[]> =>
    t.dataSource.query(`SELECT * FROM inbound_message WHERE message_id = $1`, [messageId]);
  const ticketOf = async (messageId: string): Promise<Row | undefined> =>
    (
      await t.dataSource.query(
        `SELECT t.* FROM ticket t JOIN ticket_message m ON m.ticket_id = t.id WHERE m.message_id = $1 OR t.thread_message_id = $1 LIMIT 1`,
        [messageId],
      )
    )[0];
  const messagesOf = (id: string): Promise<Row[]> =>
    t.dataSource.query(`SELECT * FROM ticket_message WHERE ticket_id = $1 ORDER BY created_at, id`, [id]);
  const ticketCount = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ticket`))[0].n as number;

  beforeAll(async () => {
    ({ t, a, b } = await reportingApp({ ...INBOUND_ENV, INBOUND_MAX_ATTACHMENT_BYTES: '2000' }, [INBOUND_MAIL_ROLE]));
    agent = await createStaffWithToken(t, 'agent', { password: true });
    const admin = await createStaffWithToken(t, 'admin', { email: 'registry@ks.example.test' });
    for (const consumer of [a, b])
      await t.http
        .post(`/api/v1/consumers/${consumer.id}/contacts`)
        .set(bearer(admin.token))
        .send({ name: 'Leverandør', email: VENDOR, role: 'technical' })
        .expect(201);
    const opened = await t.http
      .post('/api/v1/tickets')
      .set(bearer(a.key))
      .send({ subject: 'Tilgang i test', body: 'Vi får 403.', requesterEmail: a.emails[0] })
      .expect(201);
    ({ id: ticketId, reference } = opened.body);
    await t.http.post(`/api/v1/tickets/${ticketId}/messages`).set(bearer(agent.token)).send({ body: 'Hvilken klient-id?' }).expect(201);
    await t.http.patch(`/api/v1/tickets/${ticketId}`).set(bearer(agent.token)).send({ status: 'waiting_on_consumer' }).expect(200);
    [{ message_id: answerMessageId }] = await outboxRows(t, `template = 'ticket-reply'`);
  });
  afterAll(() => t?.close());

  it('threads a reply by In-Reply-To onto its ticket as the requester, opening the waiting ticket again', async () => {
    await sendInbound(t, {
      from: a.emails[0],
      subject: `SV: ${reference} Tilgang i test`,
      text: 'Klient-id er abc-123.',
      inReplyTo: answerMessageId,
      references: [answerMessageId],
      messageId: '<reply-1@kommune.example.test>',
    });
    expect((await inbound('<reply-1@kommune.example.test>'))[0]).toMatchObject({
      status: 'routed',
      routed_to: 'tickets',
      route_how: 'message-id',
      route_summary: `ticket:${reference}`,
    });
    const last = (await messagesOf(ticketId)).at(-1)!;
    expect(last).toMatchObject({ body: 'Klient-id er abc-123.', author: 'requester', channel: 'email', visibility: 'public' });
    const [ticket] = await t.dataSource.query(`SELECT status FROM ticket WHERE id = $1`, [ticketId]);
    expect(ticket.status).toBe('open');
  });

  it('threads mail naming the ticket in its subject from a contact of its consumer, but not from a stranger', async () => {
    await sendInbound(t, {
      from: a.emails[1],
      subject: `Angående ${reference}`,
      text: 'Også fra meg.',
      messageId: '<ref-1@kommune.example.test>',
    });
    expect((await inbound('<ref-1@kommune.example.test>'))[0]).toMatchObject({ status: 'routed', route_how: 'subject-reference' });
    expect((await messagesOf(ticketId)).at(-1)).toMatchObject({ body: 'Også fra meg.', from_address: a.emails[1] });

    await sendInbound(t, {
      from: 'noen@annet.example.test',
      subject: `Angående ${reference}`,
      text: 'Hei',
      messageId: '<ref-2@annet.example.test>',
    });
    expect((await messagesOf(ticketId)).map((m) => m.body)).not.toContain('Hei');
    const other = await ticketOf('<ref-2@annet.example.test>');
    expect(other).toMatchObject({ consumer_id: null, unverified: true, channel: 'email' });
    expect((await inbound('<ref-2@annet.example.test>'))[0]).toMatchObject({ route_how: 'new-conversation' });
  });

  it('opens a ticket for the consumer whose registered contact writes, masking identity numbers', async () => {
    const id = nationalId('010190123');
    await sendInbound(t, {
      from: `Teknisk <${b.emails[0]}>`,
      subject: `Skattegrunnlag mangler for ${id}`,
      text: `Vi finner ikke grunnlaget for ${id}.`,
      messageId: '<new-b@kommune.example.test>',
    });
    const ticket = (await ticketOf('<new-b@kommune.example.test>'))!;
    expect(ticket).toMatchObject({ consumer_id: b.id, unverified: false, channel: 'email', requester_email: b.emails[0], status: 'new' });
    expect(ticket.subject).not.toContain(id);
    const [first] = await messagesOf(ticket.id as string);
    expect(first.body).not.toContain(id);
    expect(first.body).toContain('[fødselsnummer fjernet]');

    // Writing again in the thread of that first e-mail (before KS has answered) adds to the same ticket.
    await sendInbound(t, {
      from: b.emails[0],
      subject: 'SV: Skattegrunnlag mangler',
      text: 'Glemte å si: det gjelder 2025.',
      inReplyTo: '<new-b@kommune.example.test>',
      messageId: '<new-b-2@kommune.example.test>',
    });
    expect((await inbound('<new-b-2@kommune.example.test>'))[0]).toMatchObject({ routed_to: 'tickets', route_how: 'message-id' });
    expect((await messagesOf(ticket.id as string)).map((m) => m.body)).toEqual([first.body, 'Glemte å si: det gjelder 2025.']);
  });

  it('opens an unverified ticket without a consumer for an unknown sender, and for an address several consumers share', async () => {
    await sendInbound(t, {
      from: 'ukjent@example.test',
      subject: 'Spørsmål',
      text: 'Hvem kan hjelpe?',
      messageId: '<unknown@example.test>',
    });
    await sendInbound(t, {
      from: VENDOR,
      subject: 'Felles spørsmål',
      text: 'Gjelder flere kommuner.',
      messageId: '<vendor@leverandor.example.test>',
    });
    for (const messageId of ['<unknown@example.test>', '<vendor@leverandor.example.test>'])
      expect(await ticketOf(messageId)).toMatchObject({ consumer_id: null, unverified: true });
  });

  it('shows staff whose the shared address is and knowledge-base suggestions; setting the consumer verifies the sender', async () => {
    await sendInbound(t, {
      from: VENDOR,
      subject: 'Mangler delegering i Altinn',
      text: 'Vi får 403. Mangler vi delegering i Altinn for leverandøren?',
      messageId: '<vendor-2@leverandor.example.test>',
    });
    const ticket = (await ticketOf('<vendor-2@leverandor.example.test>'))!;
    const staff = await signIn(t, agent.email);
    const page = await staff.get(`/tickets/${ticket.id as string}`).expect(200);
    expect(page.text).toContain('id="ticket-unverified"');
    expect(page.text).toMatch(/id="sender-consumers">Avsenderen er registrert som kontaktperson hos [^<]+, [^<]+\.</);
    expect(page.text).toContain('Forslag fra kunnskapsbasen');
    expect(page.text).toContain('/portal/hjelp/altinn-delegering');
    expect(page.text).toContain('data-insert="');

    await staff.post(`/tickets/${ticket.id as string}/consumer`, { consumerId: b.id }).expect(303);
    const [after] = await t.dataSource.query(`SELECT consumer_id, unverified FROM ticket WHERE id = $1`, [ticket.id]);
    expect(after).toEqual({ consumer_id: b.id, unverified: false });
    expect((await staff.get(`/tickets/${ticket.id as string}`).expect(200)).text).not.toContain('id="ticket-unverified"');
    const bad = await staff.post(`/tickets/${ticket.id as string}/consumer`, { consumerId: 'ingen' }).expect(400);
    expect(bad.text).toContain('Kommune');
  });

  it('opens a new ticket linked to a closed one when its thread is answered', async () => {
    await t.http.patch(`/api/v1/tickets/${ticketId}`).set(bearer(agent.token)).send({ status: 'closed' }).expect(200);
    await sendInbound(t, {
      from: a.emails[0],
      subject: `SV: ${reference}`,
      text: 'Feilen er tilbake.',
      inReplyTo: answerMessageId,
      messageId: '<after-close@kommune.example.test>',
    });
    const next = (await ticketOf('<after-close@kommune.example.test>'))!;
    expect(next.id).not.toBe(ticketId);
    expect(next).toMatchObject({ consumer_id: a.id, unverified: false });
    const links = await t.dataSource.query(`SELECT ticket_id, target_id FROM ticket_link WHERE kind = 'ticket' ORDER BY created_at`);
    expect(links).toEqual(
      expect.arrayContaining([
        { ticket_id: next.id, target_id: ticketId },
        { ticket_id: ticketId, target_id: next.id },
      ]),
    );
  });

  it.each([
    ['an auto-reply (Auto-Submitted)', { 'Auto-Submitted': 'auto-replied' }, 'auto-submitted'],
    ['bulk mail (Precedence)', { Precedence: 'bulk' }, 'precedence'],
  ])('keeps %s but opens or threads no ticket', async (_what, headers, reason) => {
    const before = await ticketCount();
    const messages = (await messagesOf(ticketId)).length;
    const messageId = `<auto-${reason}@kommune.example.test>`;
    await sendInbound(t, { from: a.emails[0], headers, subject: `Fravær: ${reference}`, text: 'Jeg er borte.', messageId });
    expect((await inbound(messageId))[0]).toMatchObject({ status: 'ignored', ignored_reason: reason });
    expect(await ticketCount()).toBe(before);
    expect(await messagesOf(ticketId)).toHaveLength(messages);
  });

  it('stores a message delivered twice (same Message-ID) once, with one ticket', async () => {
    const mail = { from: b.emails[1], subject: 'To ganger', text: 'Sendt to ganger.', messageId: '<twice@kommune.example.test>' };
    const before = await ticketCount();
    await sendInbound(t, mail);
    await sendInbound(t, mail);
    expect(await inbound('<twice@kommune.example.test>')).toHaveLength(1);
    expect(await ticketCount()).toBe(before + 1);
  });

  it('lists the attachments on the ticket page, the stored ones for download, and shows on the inbound page which ticket it went to', async () => {
    await sendInbound(t, {
      from: b.emails[0],
      subject: 'Logg fra integrasjonen',
      text: 'Logg vedlagt.',
      messageId: '<files@kommune.example.test>',
      attachments: [
        { filename: 'feil.log', content: 'linje 1\nlinje 2', contentType: 'text/plain' },
        { filename: 'stor.zip', content: Buffer.alloc(5000, 1), contentType: 'application/zip' },
        { filename: '..\\..\\windows/../../etc/.passwd.log', content: 'linje', contentType: 'text/plain' },
      ],
    });
    const ticket = (await ticketOf('<files@kommune.example.test>'))!;
    const staff = await signIn(t, agent.email);
    const page = await staff.get(`/tickets/${ticket.id as string}`).expect(200);
    expect(page.text).toContain('feil.log</a>');
    expect(page.text).toContain('stor.zip</span>');
    expect(page.text).toContain('for stort, ikke lagret');
    const [file] = await t.dataSource.query(`SELECT id FROM inbound_attachment WHERE filename = 'feil.log'`);
    const download = await staff.get(`/tickets/${ticket.id as string}/attachments/${file.id as string}`).expect(200);
    expect(download.headers['content-disposition']).toContain('attachment; filename="feil.log"');
    expect(download.headers['content-type']).toBe('application/octet-stream');
    await staff.get(`/tickets/${ticketId}/attachments/${file.id as string}`).expect(404);
    const [climbing] = await t.dataSource.query(`SELECT id FROM inbound_attachment WHERE filename LIKE '%passwd.log'`);
    const saved = await staff.get(`/tickets/${ticket.id as string}/attachments/${climbing.id as string}`).expect(200);
    expect(saved.headers['content-disposition']).toBe(`attachment; filename="passwd.log"; filename*=UTF-8''passwd.log`);

    const unverified = await staff.get('/tickets').expect(200);
    expect(unverified.text).toContain('Ikke bekreftet avsender');
    const [stored] = await inbound('<files@kommune.example.test>');
    const list = await staff.get('/inbound-mail').expect(200);
    expect(list.text).toContain(
      `href="/tickets/ref/${ticket.reference as string}">henvendelse ${ticket.reference as string} (ny henvendelse)`,
    );
    const followed = await staff.get(`/tickets/ref/${ticket.reference as string}`).expect(303);
    expect(followed.headers.location).toBe(`/tickets/${ticket.id as string}`);
    await staff.get('/tickets/ref/HV-2026-9999').expect(404);
    expect(stored.status).toBe('routed');
  });
});

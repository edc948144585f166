import { nationalId, type RegisteredConsumer, SKE } from '../../support/fixtures';
import { INBOUND_ENV, INBOUND_MAIL_ROLE, sendInbound } from '../../support/inbound-mail';
import { outboxRows, reportBody, reportingApp } from '../../support/incident-fixtures';
import { createStaffWithToken, signIn, type StaffWithToken } from '../../support/staff-session';
import { bearer, type TestApp } from '../../support/test-app';

const ESCALATION_ADDRESS = `skatteoppgjor@${SKE}`;
const CASE_WORKER = `saksbehandler@${SKE}`;

/** E-mail in through the worker's SMTP listener, sent by a real SMTP client, threaded into an escalated incident. */
describe('inbound e-mail', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let agent: StaffWithToken;
  let incidentId: string;
  let reference: string;
  let rootMessageId: string;

  const inbound = (messageId: string) =>
    t.dataSource.query(`SELECT * FROM inbound_message WHERE message_id = $1`, [messageId]) as Promise<Array<Record<string, unknown>>>;
  const conversation = () =>
    t.dataSource.query(`SELECT * FROM incident_message WHERE incident_id = $1 ORDER BY created_at`, [incidentId]) as Promise<
      Array<Record<string, unknown>>
    >;

  beforeAll(async () => {
    ({ t, a } = await reportingApp({ ...INBOUND_ENV, INBOUND_MAX_MESSAGE_BYTES: String(64 * 1024), INBOUND_MAX_ATTACHMENT_BYTES: '2000' }, [
      INBOUND_MAIL_ROLE,
    ]));
    agent = await createStaffWithToken(t, 'agent', { password: true });
    await createStaffWithToken(t, 'viewer', { password: true });
    const report = await t.http
      .post('/api/v1/reports')
      .set(bearer(a.key))
      .send(reportBody({ service: 'skatteoppgjor', errorCode: 'SO-504', httpStatus: 504, title: 'Skatteoppgjør svarer 504' }))
      .expect(201);
    incidentId = report.body.incidentId;
    reference = report.body.incidentReference;
    await t.http.post(`/api/v1/incidents/${incidentId}/escalate`).set(bearer(agent.token)).expect(200);
    [{ message_id: rootMessageId }] = await outboxRows(t, `template = 'escalation'`);
  });
  afterAll(() => t?.close());

  it('threads a reply by In-Reply-To onto the incident, masks identity numbers, records it on the timeline and tells the owner', async () => {
    const id = nationalId('010190123');
    await sendInbound(t, {
      from: `Saksbehandler <${CASE_WORKER}>`,
      subject: `SV: feil for ${id}`,
      text: `Vi ser på saken. Gjelder ${id}.`,
      inReplyTo: rootMessageId,
      references: [rootMessageId],
      messageId: '<ske-1@ske.example.test>',
    });
    const [stored] = await inbound('<ske-1@ske.example.test>');
    expect(stored).toMatchObject({ status: 'routed', routed_to: 'incidents', route_how: 'message-id', personal_data_masked: true });
    expect(`${stored.subject as string} ${stored.text as string}`).not.toContain(id);
    expect(stored.text).toContain('[fødselsnummer fjernet]');
    const messages = await conversation();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ direction: 'in', audience: 'skatteetaten', channel: 'email', author_label: CASE_WORKER });
    expect(messages[0].body).not.toContain(id);
    const events = await t.dataSource.query(`SELECT details FROM incident_event WHERE incident_id = $1 AND kind = 'message_received'`, [
      incidentId,
    ]);
    expect(events).toEqual([{ details: { audience: 'skatteetaten', from: CASE_WORKER, channel: 'email' } }]);
    const told = await outboxRows(t, `template = 'incident-reply-received'`);
    expect(told.map((m) => m.to_addresses)).toEqual([[agent.email]]);
    expect(told[0].subject).toBe(`Svar fra Skatteetaten: Skatteoppgjør svarer 504 (${reference})`);
    expect(told[0].text).not.toContain(id);
  });

  it('threads a reply that names the incident only in its subject, from an address of the thread', async () => {
    await sendInbound(t, {
      from: ESCALATION_ADDRESS,
      subject: `SV: [${reference}] Skatteoppgjør svarer 504`,
      text: 'Feilen er funnet.',
      messageId: '<ske-2@ske.example.test>',
    });
    expect((await inbound('<ske-2@ske.example.test>'))[0]).toMatchObject({ status: 'routed', route_how: 'subject-reference' });
    expect((await conversation()).map((m) => m.body)).toEqual([expect.stringContaining('Vi ser på saken'), 'Feilen er funnet.']);
  });

  it('keeps mail that names the incident from a stranger off the incident: it opens an unverified ticket instead', async () => {
    await sendInbound(t, {
      from: 'noen@annet.example.test',
      subject: `Angående ${reference}`,
      text: 'Hei',
      messageId: '<stranger@annet.example.test>',
    });
    expect((await inbound('<stranger@annet.example.test>'))[0]).toMatchObject({
      status: 'routed',
      routed_to: 'tickets',
      route_how: 'new-conversation',
    });
    expect(await conversation()).toHaveLength(2);
    const [ticket] = await t.dataSource.query(`SELECT consumer_id, unverified FROM ticket WHERE thread_message_id = $1`, [
      '<stranger@annet.example.test>',
    ]);
    expect(ticket).toEqual({ consumer_id: null, unverified: true });
  });

  it('stores a message delivered twice (same Message-ID) once', async () => {
    const again = {
      from: CASE_WORKER,
      subject: 'SV: oppdatering',
      text: 'Rettet i test.',
      inReplyTo: rootMessageId,
      messageId: '<ske-3@ske.example.test>',
    };
    await sendInbound(t, again);
    await sendInbound(t, again);
    expect(await inbound('<ske-3@ske.example.test>')).toHaveLength(1);
    expect((await conversation()).filter((m) => m.body === 'Rettet i test.')).toHaveLength(1);
  });

  it.each([
    ['an auto-reply (Auto-Submitted)', { from: CASE_WORKER, headers: { 'Auto-Submitted': 'auto-replied' } }, 'auto-submitted'],
    [
      'an out-of-office (X-Auto-Response-Suppress)',
      { from: CASE_WORKER, headers: { 'X-Auto-Response-Suppress': 'All' } },
      'auto-response-suppress',
    ],
    ['bulk mail (Precedence)', { from: CASE_WORKER, headers: { Precedence: 'bulk' } }, 'precedence'],
    ['our own message coming back (a loop)', { from: 'Segment desk <segment@ks.example.test>' }, 'own-address'],
  ])('keeps %s but never threads it', async (_what, mail, reason) => {
    const messageId = `<auto-${reason}@ske.example.test>`;
    const before = (await conversation()).length;
    const notified = (await outboxRows(t, `template = 'incident-reply-received'`)).length;
    await sendInbound(t, { ...mail, subject: `Fravær: [${reference}]`, text: 'Jeg er borte.', inReplyTo: rootMessageId, messageId });
    expect((await inbound(messageId))[0]).toMatchObject({ status: 'ignored', ignored_reason: reason });
    expect(await conversation()).toHaveLength(before);
    expect(await outboxRows(t, `template = 'incident-reply-received'`)).toHaveLength(notified);
  });

  it('keeps small attachments and only the name and size of one over the limit, identity numbers masked in names', async () => {
    await sendInbound(t, {
      from: CASE_WORKER,
      subject: 'SV: logg',
      text: 'Logg vedlagt.',
      inReplyTo: rootMessageId,
      messageId: '<ske-4@ske.example.test>',
      attachments: [
        { filename: 'liten.txt', content: 'x'.repeat(500), contentType: 'text/plain' },
        { filename: 'stor.log', content: 'y'.repeat(5000), contentType: 'text/plain' },
        { filename: `skjermbilde ${nationalId('020290123')}.png`, content: Buffer.from('png'), contentType: 'image/png' },
      ],
    });
    const [stored] = await inbound('<ske-4@ske.example.test>');
    expect(stored).toMatchObject({ status: 'routed', attachment_count: 3, personal_data_masked: true });
    const files = await t.dataSource.query(
      `SELECT filename, size_bytes, stored, octet_length(content) AS kept FROM inbound_attachment WHERE inbound_message_id = $1 ORDER BY filename`,
      [stored.id],
    );
    expect(files).toEqual([
      { filename: 'liten.txt', size_bytes: 500, stored: true, kept: 500 },
      { filename: 'skjermbilde [fødselsnummer fjernet].png', size_bytes: 3, stored: true, kept: 3 },
      { filename: 'stor.log', size_bytes: 5000, stored: false, kept: null },
    ]);
  });

  it('keeps a message whose encoded text decodes to NUL characters, or whose Message-ID no index could hold, without them', async () => {
    const raw = (messageId: string, subject: string, body: string) =>
      [
        `From: Saksbehandler <${CASE_WORKER}>`,
        'To: segment@ks.example.test',
        `Subject: ${subject}`,
        `Message-ID: ${messageId}`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        body,
      ].join('\r\n');
    const envelope = { from: CASE_WORKER, to: ['segment@ks.example.test'] };
    await sendInbound(t, { envelope, raw: raw('<nul-1@ske.example.test>', '=?utf-8?q?Null=00tegn?=', 'Tekst=00med nulltegn') });
    const [stored] = await inbound('<nul-1@ske.example.test>');
    expect(stored).toMatchObject({ subject: 'Nulltegn', text: 'Tekstmed nulltegn' });

    const overlong = `<${'x'.repeat(3000)}@ske.example.test>`;
    await sendInbound(t, { envelope, raw: raw(overlong, 'Lang Message-ID', 'Kommer den fram?') });
    const [kept] = await t.dataSource.query(`SELECT message_id FROM inbound_message WHERE subject = 'Lang Message-ID'`);
    expect(kept.message_id).toMatch(/^<[0-9a-f]{64}@inbound\.invalid>$/);
  });

  it('masks an identity number in the sender’s name', async () => {
    const id = nationalId('050575123');
    await sendInbound(t, {
      from: `"Kari ${id}" <${CASE_WORKER}>`,
      subject: 'SV: saken',
      text: 'Se over.',
      inReplyTo: rootMessageId,
      messageId: '<ske-name@ske.example.test>',
    });
    const [stored] = await inbound('<ske-name@ske.example.test>');
    expect(stored).toMatchObject({ from_name: 'Kari [fødselsnummer fjernet]', from_address: CASE_WORKER, personal_data_masked: true });
  });

  it('refuses a message over the size limit during the SMTP transaction and stores nothing', async () => {
    const error = await sendInbound(t, {
      from: CASE_WORKER,
      subject: 'For stor',
      text: 'z'.repeat(100 * 1024),
      inReplyTo: rootMessageId,
      messageId: '<too-big@ske.example.test>',
    }).catch((e: { responseCode?: number }) => e);
    expect((error as { responseCode?: number }).responseCode).toBe(552);
    expect(await inbound('<too-big@ske.example.test>')).toEqual([]);
  });

  it('lists what came in for staff, filtered by status, with its masked text and attachments; viewers may not read it', async () => {
    const staff = await signIn(t, agent.email);
    const ignored = await staff.get('/inbound-mail?status=ignored').expect(200);
    expect(ignored.text).toContain(`Fravær: [${reference}]`);
    expect(ignored.text).not.toContain('SV: logg');
    const [{ id }] = await inbound('<ske-4@ske.example.test>');
    const page = await staff.get(`/inbound-mail/${id as string}`).expect(200);
    expect(page.text).toContain('Logg vedlagt.');
    expect(page.text).toContain('stor.log</span>, 5 kB – for stort, ikke lagret');
    const [{ id: masked }] = await inbound('<ske-1@ske.example.test>');
    expect((await staff.get(`/inbound-mail/${masked as string}`).expect(200)).text).toContain('Fødselsnumre i e-posten er fjernet.');
    await (await signIn(t, 'viewer@ks.example.test')).get('/inbound-mail').expect(403);
  });
});

describe('inbound e-mail longer than the text kept of it', () => {
  let t: TestApp;

  beforeAll(async () => {
    ({ t } = await reportingApp({ ...INBOUND_ENV, INBOUND_MAX_MESSAGE_BYTES: String(512 * 1024) }, [INBOUND_MAIL_ROLE]));
  });
  afterAll(() => t?.close());

  it('masks a number the cut to length runs through, leaving none of its digits', async () => {
    const id = nationalId('010190123');
    // The text kept is 100,000 characters: the cut falls between the number's birth date and personal number.
    const text = `${'x'.repeat(99_990)} ${id.slice(0, 6)} ${id.slice(6)} og mer tekst etter`;
    await sendInbound(t, { from: CASE_WORKER, subject: 'Lang logg', text, messageId: '<long@ske.example.test>' });
    const [stored] = await t.dataSource.query(`SELECT text, personal_data_masked FROM inbound_message WHERE message_id = $1`, [
      '<long@ske.example.test>',
    ]);
    expect(stored.personal_data_masked).toBe(true);
    expect(stored.text.length).toBe(100_000);
    expect(stored.text.slice(99_990)).not.toMatch(/[0-9]/);
  });
});

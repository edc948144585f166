import { AcknowledgeNotice, SendDueNotices, SendNoticeReminders } from '@domain/notices';
import { NoticeRepository } from '@domain/notices/notice.repository';
import { DomainException } from '@platform/errors';

import { publishCatalogue, registerConsumer, type RegisteredConsumer } from '../../support/fixtures';
import { SmtpCapture } from '../../support/smtp-capture';
import { createStaffWithPassword, signIn } from '../../support/staff-session';
import { bearer, createTestApp, TestApp } from '../../support/test-app';

const DAY = 86_400_000;
const inDays = (d: number) => new Date(Date.now() + d * DAY).toISOString();

describe('change notices', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let c: RegisteredConsumer;
  const staff = () => bearer(t.adminToken);
  const create = (over: object = {}) =>
    t.http
      .post('/api/v1/notices')
      .set(staff())
      .send({
        title: 'Nytt format',
        body: 'Feltet endres.',
        services: ['ssg'],
        environments: ['production'],
        effectiveAt: inDays(60),
        ...over,
      });
  const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
  const mailTo = (subjectPart: string) => smtp.messages.filter((m) => m.parsed.subject?.includes(subjectPart)).flatMap((m) => m.envelopeTo);
  const tokenIn = (to: string, subjectPart: string) => {
    const m = smtp.messages.find((x) => x.parsed.subject?.includes(subjectPart) && x.envelopeTo.includes(to));
    return /\/varsler\/kvittering\/(nack_[A-Za-z0-9_-]+)/.exec(m?.parsed.text ?? '')?.[1] ?? '';
  };

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({ SMTP_URL: smtp.url });
    // Only the consumers sharing a contact have skattekort.
    await publishCatalogue(t, ['ssg', 'inntekt', 'skattekort']);
    a = await registerConsumer(t, 101, ['ssg', 'inntekt']);
    b = await registerConsumer(t, 202, ['ssg']);
    c = await registerConsumer(t, 303, ['inntekt']);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it.each<[string, object, string]>([
    ['an unknown service', { services: ['ssg', 'finnes-ikke'] }, 'services'],
    ['an effective date in the past', { effectiveAt: inDays(-1) }, 'effectiveAt'],
    ['no title', { title: '' }, 'title'],
    ['an unknown environment', { environments: ['staging'] }, 'environments'],
  ])('refuses %s with 400 naming the field, storing nothing', async (_, over, field) => {
    const res = await create(over);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
    expect(await count('notice')).toBe(0);
  });

  it('is only for staff who may write it', async () => {
    expect((await create().set(bearer(a.key))).status).toBe(403);
    expect((await t.http.post('/api/v1/notices').send({})).status).toBe(401);
  });

  it('previews and sends one e-mail per contact of each affected consumer, once, however often or concurrently it is sent', async () => {
    const n = await create({ title: 'Varsel én', services: ['ssg', 'inntekt'], technicalBody: 'Teknisk tekst.' });
    expect(n.status).toBe(201);
    const preview = await t.http.get(`/api/v1/notices/${n.body.id}/audience`).set(staff());
    expect(preview.body.recipients.map((r: { email: string }) => r.email).sort()).toEqual([...a.emails, ...b.emails, ...c.emails].sort());
    const sends = await Promise.all([1, 2, 3].map(() => t.http.post(`/api/v1/notices/${n.body.id}/send`).set(staff())));
    expect(sends.map((s) => s.status)).toEqual([200, 200, 200]);
    expect(sends.filter((s) => s.body.sentNow)).toHaveLength(1);
    await t.deliverMail();
    const got = mailTo('Varsel én');
    expect(got.sort()).toEqual([...a.emails, ...b.emails, ...c.emails].sort());
    const tech = smtp.messages.find((m) => m.parsed.subject?.includes('Varsel én') && m.envelopeTo[0] === a.emails[0]);
    expect(tech?.parsed.text).toContain('Teknisk tekst.');
    // Contacts read the services' names from the catalogue, not their codes.
    expect(tech?.parsed.text).toMatch(/Tjeneste\(r\):\s+Tjeneste inntekt, Tjeneste ssg\n/);
    // A consumer with access to one of them reads that one.
    const onlySsg = smtp.messages.find((m) => m.parsed.subject?.includes('Varsel én') && m.envelopeTo[0] === b.emails[0]);
    expect(onlySsg?.parsed.text).toMatch(/Tjeneste\(r\):\s+Tjeneste ssg\n/);
    const fag = smtp.messages.find((m) => m.parsed.subject?.includes('Varsel én') && m.envelopeTo[0] === a.emails[1]);
    expect(fag?.parsed.text).toContain('Feltet endres.');
    const again = await t.http.post(`/api/v1/notices/${n.body.id}/send`).set(staff());
    expect(again.body).toMatchObject({ sentNow: false, recipients: 6 });
    await t.deliverMail();
    expect(mailTo('Varsel én')).toHaveLength(6);
  });

  it('stores and e-mails no identity number, however staff wrote it', async () => {
    // 01019000083 has valid control digits; written as staff might paste it.
    const n = await create({
      title: 'Personvarsel 010190\u00a000083',
      body: 'Gjelder 01.01.90 00083 og 010190 – 00083.',
      roles: ['technical'],
      technicalBody: 'Logg: fnr=01019000083',
    });
    expect(n.status).toBe(201);
    expect(n.body.title).toBe('Personvarsel [fødselsnummer fjernet]');
    await t.http.post(`/api/v1/notices/${n.body.id}/send`).set(staff()).expect(200);
    await t.deliverMail();
    const sent = smtp.messages.filter((m) => m.parsed.subject?.includes('Personvarsel'));
    expect(sent.length).toBeGreaterThan(0);
    for (const m of sent) {
      const whole = `${m.parsed.subject}\n${m.parsed.text}\n${m.parsed.html}`;
      // As a word of its own or the end of the 11 digits, so that a link's random id cannot hold it.
      expect(whole).not.toMatch(/\b(\d{6})?00083\b/);
      expect(m.parsed.text).toContain('Logg: fnr=[fødselsnummer fjernet]');
    }
    const stored = JSON.stringify(await t.dataSource.query('SELECT title, body, technical_body FROM notice WHERE id = $1', [n.body.id]));
    expect(stored).not.toMatch(/00083/);
  });

  it('narrows by role, and refuses to send to nobody (nothing changes)', async () => {
    const n = await create({ title: 'Bare teknisk', roles: ['technical'], environments: ['test'] });
    await t.http.post(`/api/v1/notices/${n.body.id}/send`).set(staff()).expect(200);
    await t.deliverMail();
    expect(mailTo('Bare teknisk').sort()).toEqual([a.emails[0], b.emails[0]].sort());
    const none = await create({ title: 'Ingen', roles: ['security'] });
    const refused = await t.http.post(`/api/v1/notices/${none.body.id}/send`).set(staff());
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('notice_no_recipients');
    expect((await t.http.get(`/api/v1/notices/${none.body.id}`).set(staff())).body).toMatchObject({ status: 'draft', recipients: [] });
  });

  it('confirms read and ready by the personal link, each once, and staff see it per consumer', async () => {
    const n = await create({ title: 'Kvittering', kind: 'dataset-change', services: ['inntekt'] });
    await t.http.post(`/api/v1/notices/${n.body.id}/send`).set(staff()).expect(200);
    await t.deliverMail();
    const token = tokenIn(c.emails[0], 'Kvittering');
    expect(token).toMatch(/^nack_/);
    const ack = (action: 'read' | 'ready', tk = token) =>
      t
        .get(AcknowledgeNotice)
        .byToken(tk, action)
        .catch((e: DomainException) => e.code);
    expect(await ack('read')).toMatchObject({ readAt: expect.any(Date), readyAt: null });
    expect(await ack('read')).toBe('notice_ack_already_given');
    expect(await ack('ready')).toMatchObject({ needsWork: true, readyAt: expect.any(Date) });
    expect(await ack('ready')).toBe('notice_ack_already_given');
    // Readiness is the municipality's: its other contact counts as ready too, though not as having read it.
    const [colleague] = await t.dataSource.query('SELECT read_at, ready_at FROM notice_recipient WHERE notice_id = $1 AND email = $2', [
      n.body.id,
      c.emails[1],
    ]);
    expect(colleague).toEqual({ read_at: null, ready_at: expect.any(Date) });
    expect(await ack('read', 'nack_forged')).toBe('notice_ack_link_invalid');
    const detail = (await t.http.get(`/api/v1/notices/${n.body.id}`).set(staff())).body;
    const row = detail.recipients.find((r: { email: string }) => r.email === c.emails[0]);
    expect(row).toMatchObject({ delivery: 'sent', readAt: expect.any(String), readyAt: expect.any(String) });
    // The mail view withholds the message from staff who are not admins: its links act for the recipient.
    const [sent] = await t.dataSource.query(`SELECT id FROM outbox_message WHERE template = 'notice' AND $1 = ANY(to_addresses)`, [
      c.emails[0],
    ]);
    await createStaffWithPassword(t, 'agent@ks.example.test', 'agent');
    const agent = await signIn(t, 'agent@ks.example.test');
    expect((await agent.get(`/api/v1/outbox/${sent.id}`).expect(403)).body.code).toBe('credential_mail');
    expect((await t.http.get(`/api/v1/outbox/${sent.id}`).set(staff()).expect(200)).body.text).toContain('/varsler/kvittering/nack_');
    // a token's hash is stored, never the token
    expect(JSON.stringify(await t.dataSource.query('SELECT * FROM notice_recipient'))).not.toContain(token);
    // expired: moved past its expiry, the link answers 422 and records nothing
    const other = tokenIn(c.emails[1], 'Kvittering');
    await t.dataSource.query(`UPDATE notice_recipient SET token_expires_at = now() - interval '1 second' WHERE email = $1`, [c.emails[1]]);
    expect(await ack('read', other)).toBe('notice_ack_link_expired');
    expect((await t.dataSource.query('SELECT read_at FROM notice_recipient WHERE email = $1', [c.emails[1]]))[0].read_at).toBeNull();
  });

  it('takes no confirmation by the link of a removed contact, or of a suspended municipality', async () => {
    const n = await create({ title: 'Fjernet kontakt', kind: 'dataset-change', services: ['inntekt'] });
    await t.http.post(`/api/v1/notices/${n.body.id}/send`).set(staff()).expect(200);
    await t.deliverMail();
    const ack = (tk: string) =>
      t
        .get(AcknowledgeNotice)
        .byToken(tk, 'ready')
        .catch((e: DomainException) => e.code);
    const { contacts } = (await t.http.get(`/api/v1/consumers/${c.id}`).set(staff()).expect(200)).body as {
      contacts: Array<{ id: string; email: string }>;
    };
    const removed = contacts.find((x) => x.email === c.emails[1])!;
    await t.http.delete(`/api/v1/consumers/${c.id}/contacts/${removed.id}`).set(staff()).expect(204);
    expect(await ack(tokenIn(c.emails[1], 'Fjernet kontakt'))).toBe('notice_ack_link_invalid');
    await t.http.patch(`/api/v1/consumers/${a.id}`).set(staff()).send({ status: 'suspended' }).expect(200);
    try {
      expect(await ack(tokenIn(a.emails[0], 'Fjernet kontakt'))).toBe('notice_ack_link_invalid');
    } finally {
      await t.http.patch(`/api/v1/consumers/${a.id}`).set(staff()).send({ status: 'active' }).expect(200);
    }
    const readiness = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM notice_recipient WHERE notice_id = $1 AND ready_at IS NOT NULL',
      [n.body.id],
    );
    expect(readiness).toEqual([{ n: 0 }]);
    // The contact that stays still confirms.
    expect(await ack(tokenIn(c.emails[0], 'Fjernet kontakt'))).toMatchObject({ readyAt: expect.any(Date) });
    await t.http
      .post(`/api/v1/consumers/${c.id}/contacts`)
      .set(staff())
      .send({ name: 'Faglig', email: c.emails[1], role: 'professional' })
      .expect(201);
  });

  it('reminds those not ready 14 and 3 days before, once each (controllable clock)', async () => {
    const effective = new Date(Date.now() + 30 * DAY);
    const n = await create({ title: 'Påminnes', kind: 'interface-change', services: ['inntekt'], effectiveAt: effective.toISOString() });
    await t.http.post(`/api/v1/notices/${n.body.id}/send`).set(staff()).expect(200);
    // c's users confirm "ready" in the portal/API; a's contacts stay not ready
    await t.http.post(`/api/v1/notices/${n.body.id}/acknowledge`).set(bearer(c.key)).send({ action: 'ready' }).expect(204);
    // A retry, or "read" after "ready", changes nothing and is no error.
    const [readyAt] = await t.dataSource.query('SELECT ready_at FROM notice_recipient WHERE notice_id = $1 AND consumer_id = $2', [
      n.body.id,
      c.id,
    ]);
    for (const action of ['ready', 'read'])
      await t.http.post(`/api/v1/notices/${n.body.id}/acknowledge`).set(bearer(c.key)).send({ action }).expect(204);
    expect(
      (await t.dataSource.query('SELECT ready_at FROM notice_recipient WHERE notice_id = $1 AND consumer_id = $2', [n.body.id, c.id]))[0],
    ).toEqual(readyAt);
    const remind = t.get(SendNoticeReminders);
    const at = (d: number) => new Date(effective.getTime() - d * DAY);
    expect(await remind.execute(at(20))).toBe(0);
    const first = await remind.execute(at(14));
    expect(await remind.execute(at(13))).toBe(0);
    const second = await remind.execute(at(3));
    expect(await remind.execute(at(1))).toBe(0);
    // consumer a has inntekt too: its two contacts are not ready; c readied for both of its contacts
    expect([first, second]).toEqual([2, 2]);
    const log = (await t.http.get(`/api/v1/notices/${n.body.id}`).set(staff())).body.reminders;
    expect(log.map((r: { daysBefore: number }) => r.daysBefore).sort()).toEqual([14, 14, 3, 3].sort());
  });

  it('reminds no contact of a municipality that one of its contacts made ready by the link, and threads each reminder under its notice', async () => {
    const effective = new Date(Date.now() + 30 * DAY);
    const n = await create({ title: 'Klar for én', kind: 'interface-change', services: ['inntekt'], effectiveAt: effective.toISOString() });
    await t.http.post(`/api/v1/notices/${n.body.id}/send`).set(staff()).expect(200);
    await t.deliverMail();
    await t.get(AcknowledgeNotice).byToken(tokenIn(a.emails[0], 'Klar for én'), 'ready');
    expect(await t.get(SendNoticeReminders).execute(new Date(effective.getTime() - 14 * DAY))).toBe(2);
    const reminders = await t.dataSource.query(
      `SELECT r.to_addresses, r.in_reply_to, n.message_id AS notice_message_id
         FROM outbox_message r JOIN outbox_message n ON n.template = 'notice' AND n.related_id = r.related_id AND n.to_addresses = r.to_addresses
        WHERE r.template = 'notice-reminder' AND r.related_id = $1`,
      [n.body.id],
    );
    expect(reminders.flatMap((r: { to_addresses: string[] }) => r.to_addresses).sort()).toEqual([...c.emails].sort());
    for (const r of reminders) expect(r.in_reply_to).toBe(r.notice_message_id);
  });

  it('reminds of a notice sent late only of the lead times still ahead, saying the days actually left', async () => {
    const effective = new Date(Date.now() + 2.5 * DAY);
    const n = await create({ title: 'Sendt sent', kind: 'interface-change', services: ['inntekt'], effectiveAt: effective.toISOString() });
    await t.http.post(`/api/v1/notices/${n.body.id}/send`).set(staff()).expect(200);
    // Both lead times (14 and 3 days) had passed when it was sent: the notice itself is the news.
    expect(await t.get(SendNoticeReminders).execute(new Date(effective.getTime() - 2 * DAY))).toBe(0);

    const later = new Date(Date.now() + 10.5 * DAY);
    const m = await create({
      title: 'Sendt tidlig nok',
      kind: 'interface-change',
      services: ['inntekt'],
      effectiveAt: later.toISOString(),
    });
    await t.http.post(`/api/v1/notices/${m.body.id}/send`).set(staff()).expect(200);
    expect(await t.get(SendNoticeReminders).execute(new Date(later.getTime() - 2.5 * DAY))).toBeGreaterThan(0);
    const [reminder] = await t.dataSource.query(
      `SELECT subject FROM outbox_message WHERE template = 'notice-reminder' AND related_id = $1 LIMIT 1`,
      [m.body.id],
    );
    expect(reminder.subject).toBe('Påminnelse: Sendt tidlig nok gjelder om 2 dager');
  });

  describe('when staff act while the worker goes through the notices', () => {
    afterEach(() => jest.restoreAllMocks());

    /** Runs `meanwhile` once the worker's pass has read the notices it goes through, before it acts on them. */
    const after = <K extends 'dueScheduled' | 'notReady'>(read: K, meanwhile: () => Promise<unknown>) => {
      const notices = t.get(NoticeRepository);
      const original = notices[read].bind(notices) as (...args: unknown[]) => Promise<unknown>;
      jest.spyOn(notices, read).mockImplementationOnce((async (...args: unknown[]) => {
        const found = await original(...args);
        await meanwhile();
        return found;
      }) as never);
    };

    it('sends nothing of a scheduled notice staff take back to draft after the worker listed it as due', async () => {
      const n = await create({ title: 'Angret plan', services: ['ssg'] });
      const sendAt = new Date(Date.now() + DAY);
      await t.http.post(`/api/v1/notices/${n.body.id}/schedule`).set(staff()).send({ sendAt: sendAt.toISOString() }).expect(200);
      after('dueScheduled', () => t.http.post(`/api/v1/notices/${n.body.id}/schedule`).set(staff()).send({}).expect(200));

      expect(await t.get(SendDueNotices).execute(new Date(sendAt.getTime() + 1000))).toEqual({ sent: 0, failed: 0 });
      expect((await t.http.get(`/api/v1/notices/${n.body.id}`).set(staff()).expect(200)).body).toMatchObject({ status: 'draft' });
      expect(await t.dataSource.query('SELECT 1 FROM notice_recipient WHERE notice_id = $1', [n.body.id])).toEqual([]);
    });

    it('reminds no one of a notice staff withdraw after the worker read who is not ready', async () => {
      const effective = new Date(Date.now() + 30 * DAY);
      const n = await create({
        title: 'Trukket før påminnelsen',
        kind: 'interface-change',
        services: ['inntekt'],
        effectiveAt: effective.toISOString(),
      });
      await t.http.post(`/api/v1/notices/${n.body.id}/send`).set(staff()).expect(200);
      after('notReady', () => t.http.post(`/api/v1/notices/${n.body.id}/withdraw`).set(staff()).expect(200));

      expect(await t.get(SendNoticeReminders).execute(new Date(effective.getTime() - 14 * DAY))).toBe(0);
      expect(await t.dataSource.query('SELECT 1 FROM notice_reminder WHERE notice_id = $1', [n.body.id])).toEqual([]);
      expect(
        await t.dataSource.query(`SELECT 1 FROM outbox_message WHERE dedupe_key LIKE 'notice-reminder:%' AND related_id = $1`, [n.body.id]),
      ).toEqual([]);
    });
  });

  it('refuses to move a scheduled notice’s effective date to before its send time, naming the field, and keeps it', async () => {
    const n = await create({ title: 'Flyttet dato', services: ['ssg'], effectiveAt: inDays(30) });
    const sendAt = new Date(Date.now() + 10 * DAY);
    await t.http.post(`/api/v1/notices/${n.body.id}/schedule`).set(staff()).send({ sendAt: sendAt.toISOString() }).expect(200);
    const res = await t.http
      .put(`/api/v1/notices/${n.body.id}`)
      .set(staff())
      .send({ title: 'Flyttet dato', body: 'Feltet endres.', services: ['ssg'], environments: ['production'], effectiveAt: inDays(5) })
      .expect(400);
    expect(res.body.fields).toEqual([expect.objectContaining({ field: 'effectiveAt' })]);
    const stored = (await t.http.get(`/api/v1/notices/${n.body.id}`).set(staff()).expect(200)).body;
    expect(stored).toMatchObject({ status: 'scheduled', effectiveAt: n.body.effectiveAt, scheduledAt: sendAt.toISOString() });
  });

  it('sends a scheduled notice when its time comes, and withdraws a sent one once to the same recipients', async () => {
    const n = await create({ title: 'Planlagt', services: ['ssg'] });
    const sendAt = new Date(Date.now() + DAY);
    await t.http.post(`/api/v1/notices/${n.body.id}/schedule`).set(staff()).send({ sendAt: sendAt.toISOString() }).expect(200);
    expect(await t.get(SendDueNotices).execute(new Date())).toEqual({ sent: 0, failed: 0 });
    expect(await t.get(SendDueNotices).execute(new Date(sendAt.getTime() + 1000))).toEqual({ sent: 1, failed: 0 });
    expect(await t.get(SendDueNotices).execute(new Date(sendAt.getTime() + 2000))).toEqual({ sent: 0, failed: 0 });
    const w1 = await t.http.post(`/api/v1/notices/${n.body.id}/withdraw`).set(staff());
    const w2 = await t.http.post(`/api/v1/notices/${n.body.id}/withdraw`).set(staff());
    expect([w1.body.notified, w2.body.notified]).toEqual([4, 0]);
    await t.deliverMail();
    expect(mailTo('Trukket tilbake: Planlagt').sort()).toEqual([...a.emails, ...b.emails].sort());
    // Each in the thread of the notice it withdraws.
    const notice = smtp.messages.find((m) => m.parsed.subject === 'Endringsvarsel: Planlagt' && m.envelopeTo.includes(a.emails[0]))!;
    const withdrawal = smtp.messages.find(
      (m) => m.parsed.subject?.startsWith('Trukket tilbake: Planlagt') && m.envelopeTo.includes(a.emails[0]),
    )!;
    expect(withdrawal.parsed.inReplyTo).toBe(notice.parsed.messageId);
    expect(mailTo('Endringsvarsel: Planlagt').sort()).toEqual([...a.emails, ...b.emails].sort());
  });

  it('writes once to a contact shared by several municipalities, naming each, and asks and reminds for each of them', async () => {
    // Technical contact for one, security contact for the other.
    const shared = { name: 'Drift', email: 'drift@it-samarbeid.example.test', role: 'technical' };
    const d = await registerConsumer(t, 404, ['skattekort'], [shared]);
    const e = await registerConsumer(t, 505, ['skattekort'], [{ ...shared, role: 'security' }]);
    const effective = new Date(Date.now() + 30 * DAY);
    const n = await create({
      title: 'Delt kontakt',
      kind: 'interface-change',
      services: ['skattekort'],
      effectiveAt: effective.toISOString(),
      technicalBody: 'Bytt til det nye endepunktet.',
    });
    const sent = await t.http.post(`/api/v1/notices/${n.body.id}/send`).set(staff()).expect(200);
    // Five addresses: each municipality's own two and the shared one.
    expect(sent.body).toMatchObject({ sentNow: true, recipients: 5 });
    await t.deliverMail();
    expect(mailTo('Endringsvarsel: Delt kontakt').filter((to) => to === shared.email)).toHaveLength(1);
    const mail = smtp.messages.find((m) => m.parsed.subject === 'Endringsvarsel: Delt kontakt' && m.envelopeTo.includes(shared.email))!;
    expect(mail.parsed.text).toContain('som berører Kommune 404 og Kommune 505.');
    // With two roles it reads the default text and, under its heading, the technical one.
    expect(mail.parsed.text).toContain('Feltet endres.\n\nTil tekniske kontakter:\nBytt til det nye endepunktet.');
    // Each municipality has the notice, and the shared contact is asked on behalf of each.
    for (const consumer of [d, e]) {
      const received = (await t.http.get('/api/v1/notices/received').set(bearer(consumer.key)).expect(200)).body;
      expect(received.map((r: { title: string }) => r.title)).toContain('Delt kontakt');
    }
    const rows = await t.dataSource.query(
      'SELECT consumer_id FROM notice_recipient WHERE notice_id = $1 AND email = $2 ORDER BY consumer_name',
      [n.body.id, shared.email],
    );
    expect(rows.map((r: { consumer_id: string }) => r.consumer_id)).toEqual([d.id, e.id]);

    const remind = t.get(SendNoticeReminders);
    const reminderTo = async (to: string, days: number) =>
      t.dataSource.query(
        `SELECT m.text FROM outbox_message m
          WHERE m.template = 'notice-reminder' AND m.related_id = $1 AND $2 = ANY(m.to_addresses) AND m.dedupe_key LIKE $3`,
        [n.body.id, to, `%:${days}`],
      );
    // 14 days before: one reminder to the shared address, naming both.
    expect(await remind.execute(new Date(effective.getTime() - 14 * DAY))).toBe(5);
    const [first] = await reminderTo(shared.email, 14);
    expect(first.text).toContain('at Kommune 404 og Kommune 505 er klare for den.');

    // Kommune 404's technical contact confirms by its own link: 3 days before, the shared address is reminded of Kommune 505 alone.
    const ack = t.get(AcknowledgeNotice);
    await ack.byToken(tokenIn(d.emails[0], 'Delt kontakt'), 'ready');
    await remind.execute(new Date(effective.getTime() - 3 * DAY));
    const late = await reminderTo(shared.email, 3);
    expect(late).toHaveLength(1);
    expect(late[0].text).toContain('at Kommune 505 er klar for den.');

    // The shared link still asks for Kommune 505, and answers for it; confirming ready counts as read for both.
    const token = tokenIn(shared.email, 'Delt kontakt');
    expect(await ack.describe(token)).toMatchObject({ consumerNames: ['Kommune 404', 'Kommune 505'], readAt: null, readyAt: null });
    expect(await ack.byToken(token, 'ready')).toMatchObject({ readAt: expect.any(Date), readyAt: expect.any(Date) });
    const notReady = await t.dataSource.query('SELECT email FROM notice_recipient WHERE notice_id = $1 AND ready_at IS NULL', [n.body.id]);
    expect(notReady).toEqual([]);
    expect(await ack.byToken(token, 'ready').catch((x: DomainException) => x.code)).toBe('notice_ack_already_given');

    // Withdrawn: one message to each address, the shared one too.
    expect((await t.http.post(`/api/v1/notices/${n.body.id}/withdraw`).set(staff())).body.notified).toBe(5);
  });
});

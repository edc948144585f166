import { randomUUID } from 'node:crypto';

import { nationalId, publishCatalogue, registerConsumer, type RegisteredConsumer } from '../../support/fixtures';
import { SmtpCapture } from '../../support/smtp-capture';
import { createStaffWithToken, type StaffWithToken } from '../../support/staff-session';
import { auditActions } from '../../support/stored-data';
import { bearer, createTestApp, type TestApp } from '../../support/test-app';

const SERVICE = 'summert-skattegrunnlag';
const NOTE = 'Intern merknad: kommunen har glemt delegeringen igjen';

describe('tickets over the API: opening, answering, notes, isolation and e-mail', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let agent: StaffWithToken;
  let viewer: StaffWithToken;
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const open = (key: string, over: Record<string, unknown> = {}) =>
    t.http
      .post('/api/v1/tickets')
      .set(bearer(key))
      .send({ subject: 'Tilgang i testmiljøet', body: 'Vi får 403 fra tjenesten i test. Hva mangler?', ...over });
  const mailTo = (address: string) => smtp.messages.filter((m) => m.envelopeTo.includes(address));

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({ SMTP_URL: smtp.url });
    await publishCatalogue(t, [SERVICE]);
    a = await registerConsumer(t, 1201, [SERVICE]);
    b = await registerConsumer(t, 1302, [SERVICE]);
    agent = await createStaffWithToken(t, 'agent');
    viewer = await createStaffWithToken(t, 'viewer');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  describe('a consumer asks', () => {
    let id: string;
    let reference: string;

    beforeAll(async () => {
      const res = await open(a.key, { category: 'access', requesterEmail: a.emails[0], service: SERVICE }).expect(201);
      ({ id, reference } = res.body);
    });

    it('gets 201 with the id and an HV reference', () => {
      expect(reference).toMatch(/^HV-\d{4}-\d{4}$/);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('reads its ticket with the status and the question', async () => {
      const res = await t.http.get(`/api/v1/tickets/${id}`).set(bearer(a.key)).expect(200);
      expect(res.body).toMatchObject({ reference, status: 'new', category: 'access', channel: 'api', serviceCode: SERVICE });
      expect(res.body.messages).toEqual([
        expect.objectContaining({ visibility: 'public', author: 'requester', body: 'Vi får 403 fra tjenesten i test. Hva mangler?' }),
      ]);
    });

    it('is not found by another consumer, reading, listing or writing', async () => {
      await t.http.get(`/api/v1/tickets/${id}`).set(bearer(b.key)).expect(404);
      await t.http.post(`/api/v1/tickets/${id}/messages`).set(bearer(b.key)).send({ body: 'Hei' }).expect(404);
      const list = await t.http.get('/api/v1/tickets').set(bearer(b.key)).expect(200);
      expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(id);
      const own = await t.http.get('/api/v1/tickets').set(bearer(a.key)).query({ consumerId: b.id }).expect(200);
      expect(own.body.items.map((x: { id: string }) => x.id)).toContain(id);
      expect(own.body.items.every((x: { consumerId: string }) => x.consumerId === a.id)).toBe(true);
    });

    it('is read by staff, and not found for a random id', async () => {
      await t.http.get(`/api/v1/tickets/${id}`).set(bearer(viewer.token)).expect(200);
      const missing = await t.http.get('/api/v1/tickets/00000000-0000-4000-8000-000000000000').set(bearer(agent.token)).expect(404);
      expect(missing.body.code).toBe('ticket_not_found');
    });

    it('cannot set its own priority', async () => {
      const res = await open(a.key, { priority: 'urgent' }).expect(201);
      expect((await t.http.get(`/api/v1/tickets/${res.body.id}`).set(bearer(agent.token)).expect(200)).body.priority).toBe('normal');
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an empty subject', { subject: '  ' }, 'subject'],
    ['a missing body', { body: undefined }, 'body'],
    ['an unknown category', { category: 'tax' }, 'category'],
    ['an unknown service', { service: 'finnes-ikke' }, 'service'],
    ['a requester address that is none', { requesterEmail: 'ikke en adresse' }, 'requesterEmail'],
  ])('refuses %s with 400 naming the field, storing nothing', async (_case, over, field) => {
    const before = await count('ticket');
    const res = await open(a.key, over).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await count('ticket')).toBe(before);
  });

  it('masks identity numbers in the subject and the question', async () => {
    const pnr = nationalId('010190123');
    const res = await open(a.key, { subject: `Gjelder ${pnr}`, body: `Personen ${pnr} mangler i svaret.` }).expect(201);
    const seen = await t.http.get(`/api/v1/tickets/${res.body.id}`).set(bearer(agent.token)).expect(200);
    expect(JSON.stringify(seen.body)).not.toContain(pnr);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM ticket t JOIN ticket_message m ON m.ticket_id = t.id WHERE strpos(t.subject || m.body, $1) > 0`,
      [pnr],
    );
    expect(n).toBe(0);
  });

  describe('KS answers and notes', () => {
    let id: string;
    let reference: string;

    beforeAll(async () => {
      ({ id, reference } = (await open(a.key, { subject: 'Spørsmål om hjemmel', requesterEmail: a.emails[1] }).expect(201)).body);
    });

    it('e-mails a public answer to the requester only, opens the ticket and stops the first-response clock', async () => {
      const res = await t.http
        .post(`/api/v1/tickets/${id}/messages`)
        .set(bearer(agent.token))
        .send({ body: 'Hjemmelen står i skatteforvaltningsloven § 3-1.', internal: false })
        .expect(201);
      expect(res.body).toMatchObject({ ticketId: id, status: 'open', emailed: 1 });
      await t.deliverMail();
      const [mail] = mailTo(a.emails[1]);
      expect(mail.parsed.subject).toContain(reference);
      expect(mail.parsed.text).toContain('skatteforvaltningsloven § 3-1');
      expect(mailTo(a.emails[0]).filter((m) => m.parsed.subject?.includes(reference))).toEqual([]);
      const seen = (await t.http.get(`/api/v1/tickets/${id}`).set(bearer(a.key)).expect(200)).body;
      expect(seen.firstResponseAt).not.toBeNull();
      expect(seen.messages.at(-1)).toMatchObject({ author: 'staff', authorLabel: 'KS' });
    });

    it('keeps an internal note from the consumer: API, e-mail and the stored outbox', async () => {
      const before = smtp.messages.length;
      const res = await t.http
        .post(`/api/v1/tickets/${id}/messages`)
        .set(bearer(agent.token))
        .send({ body: NOTE, internal: true })
        .expect(201);
      expect(res.body.emailed).toBe(0);
      await t.deliverMail();
      expect(smtp.messages.length).toBe(before);
      const consumerView = await t.http.get(`/api/v1/tickets/${id}`).set(bearer(a.key)).expect(200);
      expect(JSON.stringify(consumerView.body)).not.toContain(NOTE);
      expect(consumerView.body.messages.every((m: { visibility: string }) => m.visibility === 'public')).toBe(true);
      const listed = await t.http.get('/api/v1/tickets').set(bearer(a.key)).expect(200);
      expect(JSON.stringify(listed.body)).not.toContain(NOTE);
      const staffView = await t.http.get(`/api/v1/tickets/${id}`).set(bearer(viewer.token)).expect(200);
      expect(staffView.body.messages).toContainEqual(expect.objectContaining({ visibility: 'internal', body: NOTE }));
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE strpos(text || html, $1) > 0`, [NOTE]);
      expect(n).toBe(0);
    });

    it('threads every answer under the earlier ones', async () => {
      await t.http.post(`/api/v1/tickets/${id}/messages`).set(bearer(agent.token)).send({ body: 'Et tillegg til svaret.' }).expect(201);
      await t.deliverMail();
      const thread = mailTo(a.emails[1]).filter((m) => m.parsed.subject?.includes(reference));
      expect(thread).toHaveLength(2);
      const [first, second] = thread;
      expect(second.parsed.inReplyTo).toBe(first.parsed.messageId);
      expect([second.parsed.references].flat()).toContain(first.parsed.messageId);
      expect(second.parsed.text).not.toContain(NOTE);
    });

    it('opens a ticket waiting on the consumer again when the consumer writes, and refuses it a note', async () => {
      // null is not a status, priority or tag list: 400 naming each, nothing changed.
      const nulled = await t.http
        .patch(`/api/v1/tickets/${id}`)
        .set(bearer(agent.token))
        .send({ status: null, priority: null, tags: null });
      expect(nulled.status).toBe(400);
      expect([...new Set(nulled.body.fields.map((f: { field: string }) => f.field))].sort()).toEqual(['priority', 'status', 'tags']);
      await t.http.patch(`/api/v1/tickets/${id}`).set(bearer(agent.token)).send({ status: 'waiting_on_consumer' }).expect(200);
      const refused = await t.http.post(`/api/v1/tickets/${id}/messages`).set(bearer(a.key)).send({ body: 'Hemmelig', internal: true });
      expect(refused.status).toBe(400);
      expect(refused.body.fields[0].field).toBe('internal');
      const res = await t.http.post(`/api/v1/tickets/${id}/messages`).set(bearer(a.key)).send({ body: 'Takk, vi har prøvd.' }).expect(201);
      expect(res.body).toMatchObject({ status: 'open', emailed: 0 });
    });

    it('lets a viewer read but not answer', async () => {
      await t.http.post(`/api/v1/tickets/${id}/messages`).set(bearer(viewer.token)).send({ body: 'Hei' }).expect(403);
      await t.http.patch(`/api/v1/tickets/${id}`).set(bearer(viewer.token)).send({ status: 'closed' }).expect(403);
    });

    it('records each staff action in the audit log', async () => {
      expect(await auditActions(t, id)).toEqual(expect.arrayContaining(['ticket.replied', 'ticket.note_added', 'ticket.status_changed']));
    });
  });

  it('writes to every contact of the consumer when the requester is not one of them', async () => {
    const { id, reference } = (await open(b.key, { requesterEmail: 'fremmed@example.test' }).expect(201)).body;
    await t.http.post(`/api/v1/tickets/${id}/messages`).set(bearer(agent.token)).send({ body: 'Svar til alle.' }).expect(201);
    await t.deliverMail();
    const mails = smtp.messages.filter((m) => m.parsed.subject?.includes(reference));
    expect(mails.flatMap((m) => m.envelopeTo).sort()).toEqual([...b.emails].sort());
    expect(mails.flatMap((m) => m.envelopeTo)).not.toContain('fremmed@example.test');
  });

  describe('handling', () => {
    let id: string;
    beforeAll(async () => {
      id = (await open(a.key, { subject: 'Håndtering' }).expect(201)).body.id;
    });

    it('changes status, assignee, priority and tags, keeping each status change with both ends', async () => {
      const res = await t.http
        .patch(`/api/v1/tickets/${id}`)
        .set(bearer(agent.token))
        .send({ status: 'waiting_on_skatteetaten', assigneeId: agent.id, priority: 'high', tags: ['Maskinporten', 'maskinporten'] })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'waiting_on_skatteetaten', priority: 'high', tags: ['maskinporten'] });
      expect(res.body.assignee.id).toBe(agent.id);
      await t.http.patch(`/api/v1/tickets/${id}`).set(bearer(agent.token)).send({ status: 'resolved' }).expect(200);
      const timeline = (await t.http.get(`/api/v1/tickets/${id}/timeline`).set(bearer(agent.token)).expect(200)).body;
      expect(timeline.filter((e: { kind: string }) => e.kind === 'status_changed').map((e: { details: object }) => e.details)).toEqual([
        { from: 'new', to: 'waiting_on_skatteetaten' },
        { from: 'waiting_on_skatteetaten', to: 'resolved' },
      ]);
      const resolved = (await t.http.get(`/api/v1/tickets/${id}`).set(bearer(agent.token)).expect(200)).body;
      expect(resolved.resolvedAt).not.toBeNull();
    });

    it('refuses going back to new, and an unknown assignee, changing nothing', async () => {
      const back = await t.http
        .patch(`/api/v1/tickets/${id}`)
        .set(bearer(agent.token))
        .send({ status: 'new', priority: 'low' })
        .expect(409);
      expect(back.body.code).toBe('ticket_status_refused');
      const nobody = await t.http
        .patch(`/api/v1/tickets/${id}`)
        .set(bearer(agent.token))
        .send({ assigneeId: '00000000-0000-4000-8000-000000000000' })
        .expect(400);
      expect(nobody.body.fields[0].field).toBe('assigneeId');
      expect((await t.http.get(`/api/v1/tickets/${id}`).set(bearer(agent.token)).expect(200)).body.priority).toBe('high');
    });

    it('counts the saved views and filters the list by them', async () => {
      const counts = (await t.http.get('/api/v1/tickets/counts').set(bearer(agent.token)).expect(200)).body;
      const mine = await t.http.get('/api/v1/tickets').set(bearer(agent.token)).query({ assignee: 'me' }).expect(200);
      const active = mine.body.items.filter((x: { status: string }) => !['resolved', 'closed'].includes(x.status));
      expect(counts.mine).toBe(active.length);
      const unassigned = await t.http
        .get('/api/v1/tickets')
        .set(bearer(agent.token))
        .query({ assignee: 'none', status: 'new' })
        .expect(200);
      expect(unassigned.body.total).toBe(counts.byStatus.find((s: { status: string }) => s.status === 'new').count);
      await t.http.get('/api/v1/tickets/counts').set(bearer(a.key)).expect(403);
    });

    it('links a change request by its reference, once, and refuses one that does not exist', async () => {
      const cr = await t.http
        .post('/api/v1/change-requests')
        .set(bearer(a.key))
        .send({ service: SERVICE, title: 'Månedlig inntekt', description: 'Per måned.', useCase: 'Foreldrebetaling.', urgency: 'low' })
        .expect(201);
      const first = await t.http
        .post(`/api/v1/tickets/${id}/links`)
        .set(bearer(agent.token))
        .send({ kind: 'change_request', reference: cr.body.reference.toLowerCase() })
        .expect(200);
      expect(first.body.added).toBe(true);
      const again = await t.http
        .post(`/api/v1/tickets/${id}/links`)
        .set(bearer(agent.token))
        .send({ kind: 'change_request', reference: cr.body.reference })
        .expect(200);
      expect(again.body.added).toBe(false);
      const missing = await t.http
        .post(`/api/v1/tickets/${id}/links`)
        .set(bearer(agent.token))
        .send({ kind: 'incident', reference: 'KS-2020-9999' })
        .expect(400);
      expect(missing.body).toMatchObject({ code: 'link_target_not_found', fields: [{ field: 'reference' }] });
      const own = (await t.http.get(`/api/v1/tickets/${id}`).set(bearer(agent.token)).expect(200)).body.reference;
      const itself = await t.http
        .post(`/api/v1/tickets/${id}/links`)
        .set(bearer(agent.token))
        .send({ kind: 'ticket', reference: own })
        .expect(400);
      expect(itself.body).toMatchObject({ code: 'ticket_link_to_itself', fields: [{ field: 'reference' }] });
      const staffView = (await t.http.get(`/api/v1/tickets/${id}`).set(bearer(agent.token)).expect(200)).body;
      expect(staffView.links).toEqual([
        expect.objectContaining({ kind: 'change_request', reference: cr.body.reference, targetId: cr.body.id }),
      ]);
      expect((await t.http.get(`/api/v1/tickets/${id}`).set(bearer(a.key)).expect(200)).body.links).toEqual([]);
      const unknownLink = await t.http
        .delete(`/api/v1/tickets/${id}/links/00000000-0000-4000-8000-000000000000`)
        .set(bearer(agent.token))
        .expect(404);
      expect(unknownLink.body.code).toBe('ticket_link_not_found');
      await t.http.delete(`/api/v1/tickets/${id}/links/${staffView.links[0].id}`).set(bearer(agent.token)).expect(204);
      const removedAgain = await t.http.delete(`/api/v1/tickets/${id}/links/${staffView.links[0].id}`).set(bearer(agent.token)).expect(404);
      expect(removedAgain.body.code).toBe('ticket_link_not_found');
    });
  });

  it('merges a duplicate with its messages, and unmerges exactly those back', async () => {
    const target = (await open(a.key, { subject: 'Original' }).expect(201)).body;
    const dup = (await open(a.key, { subject: 'Duplikat', body: 'Samme spørsmål igjen.' }).expect(201)).body;
    const other = (await open(b.key, { subject: 'Annen kommune' }).expect(201)).body;
    const refused = await t.http.post(`/api/v1/tickets/${dup.id}/merge`).set(bearer(agent.token)).send({ intoId: other.id }).expect(409);
    expect(refused.body.code).toBe('ticket_merge_other_consumer');
    const merged = await t.http.post(`/api/v1/tickets/${dup.id}/merge`).set(bearer(agent.token)).send({ intoId: target.id }).expect(200);
    expect(merged.body.messages.map((m: { body: string }) => m.body)).toContain('Samme spørsmål igjen.');
    expect(merged.body.merged).toEqual([expect.objectContaining({ id: dup.id })]);
    const list = await t.http.get('/api/v1/tickets').set(bearer(agent.token)).query({ q: 'Duplikat' }).expect(200);
    expect(list.body.total).toBe(0);
    const reply = await t.http
      .post(`/api/v1/tickets/${dup.id}/messages`)
      .set(bearer(a.key))
      .send({ body: 'Til den sammenslåtte.' })
      .expect(201);
    expect(reply.body.ticketId).toBe(target.id);
    const restored = await t.http.post(`/api/v1/tickets/${dup.id}/unmerge`).set(bearer(agent.token)).expect(200);
    expect(restored.body.mergedInto).toBeNull();
    expect(restored.body.messages.map((m: { body: string }) => m.body)).toEqual(['Samme spørsmål igjen.']);
    await t.http.post(`/api/v1/tickets/${dup.id}/unmerge`).set(bearer(agent.token)).expect(409);
    expect(await auditActions(t, dup.id)).toEqual(['ticket.merged', 'ticket.unmerged']);
  });

  describe('canned responses, macros and bulk replies', () => {
    it('refuses an unknown placeholder, naming the field', async () => {
      const res = await t.http
        .post('/api/v1/canned-responses')
        .set(bearer(agent.token))
        .send({ title: 'Feil', body: 'Hei {{nvan}}' })
        .expect(400);
      expect(res.body).toMatchObject({ code: 'unknown_placeholder', fields: [{ field: 'body' }] });
    });

    it('refuses a change whose If-Match names a version someone else has changed since, and stores nothing of it', async () => {
      const created = await t.http
        .post('/api/v1/canned-responses')
        .set(bearer(agent.token))
        .send({ title: 'Venter', body: 'Hei {{navn}}, vi venter på Skatteetaten.' })
        .expect(201);
      expect(created.headers.location).toBe(`/api/v1/canned-responses/${created.body.id}`);
      const listed = (await t.http.get('/api/v1/canned-responses').set(bearer(agent.token)).expect(200)).body;
      expect(listed.find((c: { id: string }) => c.id === created.body.id).version).toBe(created.body.version);
      const got = await t.http.get(`/api/v1/canned-responses/${created.body.id}`).set(bearer(agent.token)).expect(200);
      expect(got.headers.etag).toBe(`"${created.body.version}"`);
      const read = got.body;
      const put = (body: object, ifMatch?: string) => {
        const req = t.http.put(`/api/v1/canned-responses/${created.body.id}`).set(bearer(agent.token));
        return (ifMatch ? req.set('If-Match', ifMatch) : req).send(body);
      };
      // Someone else changes it in between: the version read is now out of date.
      const other = await put({ title: 'Venter', body: 'Hei {{navn}}, saken ligger hos Skatteetaten.' }, `"${read.version}"`).expect(200);
      expect(other.headers.etag).toBe(`"${other.body.version}"`);
      expect(other.body.version).not.toBe(read.version);
      const stale = await put({ title: 'Venter (utdatert)', body: 'Utdatert.', setStatus: 'resolved' }, `"${read.version}"`).expect(412);
      expect(stale.body).toMatchObject({ code: 'canned_response_changed' });
      const now = (await t.http.get(`/api/v1/canned-responses/${created.body.id}`).set(bearer(agent.token)).expect(200)).body;
      expect(now).toMatchObject({
        title: 'Venter',
        body: 'Hei {{navn}}, saken ligger hos Skatteetaten.',
        setStatus: null,
        version: other.body.version,
      });
      // The version stored now, or no condition at all, changes it.
      await put({ title: 'Venter', body: 'Ny tekst.' }, `"${now.version}"`).expect(200);
      expect((await put({ title: 'Venter', body: 'Uten betingelse.' }).expect(200)).body.body).toBe('Uten betingelse.');
      await t.http.put(`/api/v1/canned-responses/${randomUUID()}`).set(bearer(agent.token)).send({ title: 'X', body: 'Y' }).expect(404);
    });

    it('answers selected tickets each with its own placeholders and sets the macro’s status', async () => {
      const macro = await t.http
        .post('/api/v1/canned-responses')
        .set(bearer(agent.token))
        .send({ title: 'Løst', body: 'Hei {{navn}}! {{referanse}} for {{kommune}} er løst.', setStatus: 'resolved' })
        .expect(201);
      const one = (await open(a.key, { requesterName: 'Kari', requesterEmail: a.emails[0] }).expect(201)).body;
      const two = (await open(b.key, { requesterName: '<b>Ola</b> {{referanse}}' }).expect(201)).body;
      const res = await t.http
        .post('/api/v1/tickets/bulk-reply')
        .set(bearer(agent.token))
        .send({ ids: [one.id, two.id], cannedResponseId: macro.body.id })
        .expect(200);
      expect(res.body).toEqual({ replied: 2, emailed: 3 });
      const first = (await t.http.get(`/api/v1/tickets/${one.id}`).set(bearer(a.key)).expect(200)).body;
      expect(first.status).toBe('resolved');
      expect(first.messages.at(-1).body).toBe(`Hei Kari! ${one.reference} for Kommune 1201 er løst.`);
      const second = (await t.http.get(`/api/v1/tickets/${two.id}`).set(bearer(b.key)).expect(200)).body;
      expect(second.messages.at(-1).body).toBe(`Hei <b>Ola</b> {{referanse}}! ${two.reference} for Kommune 1302 er løst.`);
      await t.deliverMail();
      const html = smtp.messages.find((m) => m.parsed.subject?.includes(two.reference))!.parsed.html as string;
      expect(html).toContain('&lt;b&gt;Ola&lt;/b&gt;');
    });

    it('refuses an answer to selected tickets with a placeholder it cannot fill, naming body, and sends nothing', async () => {
      const one = (await open(a.key).expect(201)).body;
      const res = await t.http
        .post('/api/v1/tickets/bulk-reply')
        .set(bearer(agent.token))
        .send({ ids: [one.id], body: 'Hei {{navn}}, se {{ukjent}}.' })
        .expect(400);
      expect(res.body).toMatchObject({ code: 'unknown_placeholder', fields: [{ field: 'body' }] });
      const stored = (await t.http.get(`/api/v1/tickets/${one.id}`).set(bearer(agent.token)).expect(200)).body;
      expect(stored.messages.map((m: { body: string }) => m.body)).not.toContain('Hei {{navn}}, se {{ukjent}}.');
      expect(stored.messages).toHaveLength(1);
    });

    it('changes nothing when one of the selected tickets cannot take the change', async () => {
      const one = (await open(a.key).expect(201)).body;
      const two = (await open(a.key).expect(201)).body;
      await t.http.patch(`/api/v1/tickets/${two.id}`).set(bearer(agent.token)).send({ status: 'open' }).expect(200);
      await t.http
        .post('/api/v1/tickets/bulk')
        .set(bearer(agent.token))
        .send({ ids: [one.id, two.id], status: 'new', priority: 'low' })
        .expect(409);
      const priorities = await Promise.all(
        [one.id, two.id].map(async (x) => (await t.http.get(`/api/v1/tickets/${x}`).set(bearer(agent.token))).body.priority),
      );
      expect(priorities).toEqual(['normal', 'normal']);
      const ok = await t.http
        .post('/api/v1/tickets/bulk')
        .set(bearer(agent.token))
        .send({ ids: [one.id, two.id], assigneeId: agent.id })
        .expect(200);
      expect(ok.body.changed).toBe(2);
    });
  });

  it('lets staff open a ticket on behalf of a caller, audited', async () => {
    const res = await t.http
      .post('/api/v1/tickets')
      .set(bearer(agent.token))
      .send({
        subject: 'Telefon fra kommunen',
        body: 'Ringte om tilgang.',
        consumerId: b.id,
        requesterName: 'Per',
        requesterEmail: 'per@kommune.example.test',
      })
      .expect(201);
    const seen = (await t.http.get(`/api/v1/tickets/${res.body.id}`).set(bearer(b.key)).expect(200)).body;
    expect(seen).toMatchObject({ channel: 'staff', requesterName: 'Per' });
    // The municipality reads its caller as the author of the question, not the staff member who took it down.
    expect(seen.messages[0]).toMatchObject({ author: 'requester', authorLabel: 'Per' });
    expect(await auditActions(t, res.body.id)).toEqual(['ticket.opened']);
    const nameless = await t.http
      .post('/api/v1/tickets')
      .set(bearer(agent.token))
      .send({ subject: 'Telefon uten navn', body: 'Ringte om tilgang.', consumerId: b.id })
      .expect(201);
    const [first] = (await t.http.get(`/api/v1/tickets/${nameless.body.id}`).set(bearer(b.key)).expect(200)).body.messages;
    const [{ name }] = await t.dataSource.query(`SELECT name FROM consumer WHERE id = $1`, [b.id]);
    expect(first.authorLabel).toBe(name);
    const unknown = await t.http
      .post('/api/v1/tickets')
      .set(bearer(agent.token))
      .send({ subject: 'x', body: 'y', consumerId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(unknown.body.fields[0].field).toBe('consumerId');
  });
});

import { publishCatalogue, registerConsumer, type RegisteredConsumer } from '../../support/fixtures';
import { SmtpCapture } from '../../support/smtp-capture';
import {
  cookieHeader,
  createStaffWithPassword,
  type PortalBrowser,
  portalSignIn,
  signIn,
  type StaffBrowser,
} from '../../support/staff-session';
import { createTestApp, type TestApp } from '../../support/test-app';

const SERVICE = 'inntekt';
const NOTE = 'Intern: sjekk delegeringen i Altinn før vi svarer';

describe('ticket pages: the portal question, the answer in the admin UI, notes kept from the portal and e-mail', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let portalA: PortalBrowser;
  let portalB: PortalBrowser;
  let agent: StaffBrowser;
  let viewer: StaffBrowser;
  let agentId: string;
  const count = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM ticket'))[0].n as number;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({ SMTP_URL: smtp.url });
    await publishCatalogue(t, [SERVICE]);
    a = await registerConsumer(t, 2101, [SERVICE]);
    b = await registerConsumer(t, 2202, [SERVICE]);
    portalA = await portalSignIn(t, a.emails[0]);
    portalB = await portalSignIn(t, b.emails[0]);
    agentId = await createStaffWithPassword(t, 'agent@ks.example.test', 'agent');
    await createStaffWithPassword(t, 'viewer@ks.example.test', 'viewer');
    agent = await signIn(t, 'agent@ks.example.test');
    viewer = await signIn(t, 'viewer@ks.example.test');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('shows the question form again naming the empty field, storing nothing', async () => {
    const before = await count();
    const res = await portalA.post('/portal/tickets', { category: 'legal', service: '', subject: 'Hjemmel', body: ' ' });
    expect(res.status).toBe(400);
    // The summary names the field as the form labels it.
    expect(res.text).toMatch(/<a class="ds-link" href="#ask-body">Spørsmålet: Skriv spørsmålet/);
    expect(res.text).toContain('value="Hjemmel"');
    expect(await count()).toBe(before);
  });

  it.each([
    ['warns of an identity number in the question before it is sent', 'Gjelder skattyter 01019000083.', true],
    ['gives no such warning for a question without one', 'Gjelder skattyter med saksnummer 123.', false],
  ])('%s', async (_label, body, warned) => {
    const res = await portalA.post('/portal/tickets/new/check', { category: 'data', service: SERVICE, subject: 'Inntekt mangler', body });
    expect(res.status).toBe(200);
    expect(res.text.includes('id="identity-number-warning"')).toBe(warned);
  });

  describe('a question from the portal, answered in the admin UI', () => {
    let id: string;

    /** Asks KS an access question from consumer A's portal; the new ticket's id. */
    async function ask(subject: string, body: string): Promise<string> {
      const res = await portalA.post('/portal/tickets', { category: 'access', service: SERVICE, subject, body });
      expect(res.status).toBe(303);
      return /\/portal\/tickets\/([0-9a-f-]{36})\?done=asked$/.exec(res.headers.location)![1];
    }

    beforeAll(async () => {
      id = await ask('Tilgang til inntekt i test', 'Hvilken rolle i Altinn trenger leverandøren vår?');
    });

    it('lists it in the portal and shows it to its organisation only', async () => {
      const list = (await portalA.get('/portal/tickets').expect(200)).text;
      expect(list).toContain('Tilgang til inntekt i test');
      expect(list).toMatch(/Viser 1–\d+ av \d+ henvendelse/);
      expect((await portalB.get('/portal/tickets').expect(200)).text).not.toContain('Tilgang til inntekt i test');
      await portalB.get(`/portal/tickets/${id}`).expect(404);
    });

    it('says in the confirmation when an identity number was removed from the question or a reply', async () => {
      const asked = await portalA.post('/portal/tickets', {
        category: 'access',
        service: SERVICE,
        subject: 'Spørsmål om en skattyter',
        body: 'Gjelder 01019000083.',
      });
      expect(asked.headers.location).toMatch(/\?done=asked-masked$/);
      const page = await portalA.get(asked.headers.location).expect(200);
      expect(page.text).toContain('Spørsmålet er sendt til KS.');
      expect(page.text).toContain('Noe som lignet et fødselsnummer eller D-nummer er fjernet fra teksten før lagring.');
      expect(page.text).toContain('Gjelder [fødselsnummer fjernet].');
      const ticketId = /\/portal\/tickets\/([0-9a-f-]{36})/.exec(asked.headers.location)![1];
      const plain = await portalA.post(`/portal/tickets/${ticketId}/messages`, { body: 'Ingen personopplysninger her.' });
      expect(plain.headers.location).toBe(`/portal/tickets/${ticketId}?done=replied`);
      const masked = await portalA.post(`/portal/tickets/${ticketId}/messages`, { body: 'Og 41819000032 også.' });
      expect(masked.headers.location).toBe(`/portal/tickets/${ticketId}?done=replied-masked`);
    });

    it('shows staff the ticket in the list with the saved views counting it', async () => {
      const page = await agent.get('/tickets').expect(200);
      expect(page.text).toContain('Tilgang til inntekt i test');
      // The count is the design system's badge (data-count), and read out in brackets.
      expect(page.text).toMatch(
        /Ikke tildelt <span class="ds-badge" data-color="neutral" data-count="(\d+)" aria-hidden="true"><\/span><span class="ds-sr-only"> \(\1\)<\/span>/,
      );
      expect(page.text).toMatch(/Brytes i dag <span class="ds-badge" data-color="neutral" data-count="\d+"/);
      expect(page.text).toContain('href="/tickets?due&#x3D;today"');
      expect(page.text).toContain('sort&#x3D;due');
      await agent.get('/tickets?due=today&sort=due&dir=asc').expect(200);
      const ticketPage = await agent.get(`/tickets/${id}`).expect(200);
      expect(ticketPage.text).toContain('<span class="ds-tag" data-color="success" id="sla-tag">I rute</span>');
      expect(ticketPage.text).toMatch(
        /Første svar \(innen 8 t\)<\/dt>\s*<dd><span class="ds-tag" data-color="success">I rute<\/span> frist /,
      );
    });

    it('keeps an internal note in the admin UI only, and e-mails the answer', async () => {
      await agent.post(`/tickets/${id}/messages`, { body: NOTE, visibility: 'internal' }).expect(303);
      const answered = await agent.post(`/tickets/${id}/messages`, {
        body: 'Leverandøren trenger rollen «Skatteforhold for privatpersoner».',
        visibility: 'public',
        replyStatus: 'waiting_on_consumer',
      });
      expect(answered.status).toBe(303);
      expect(answered.headers.location).toBe(`/tickets/${id}?done=answered`);
      const staffPage = await agent.get(`/tickets/${id}`).expect(200);
      expect(staffPage.text).toContain(NOTE);
      expect(staffPage.text).toContain('app-message--internal');
      expect(staffPage.text).toContain('Venter på kommunen');
      // Answered, then waiting on the consumer: the first-response clock is kept, the resolution clock stands still.
      expect(staffPage.text).toContain('id="sla-tag">Pauset</span>');
      expect(staffPage.text).toContain('<span class="ds-tag" data-color="info">Innfridd</span>');
      const portalPage = await portalA.get(`/portal/tickets/${id}`).expect(200);
      expect(portalPage.text).toContain('Skatteforhold for privatpersoner');
      expect(portalPage.text).not.toContain(NOTE);
      // The organisation's start page names the question KS waits for an answer to; the other organisation's does not.
      const [{ reference }] = await t.dataSource.query('SELECT reference FROM ticket WHERE id = $1', [id]);
      expect((await portalA.get('/portal').expect(200)).text).toContain(
        `<li>KS venter på svar fra dere på <a class="ds-link" href="/portal/tickets/${id}">${reference}</a>: <span data-verbatim>Tilgang til inntekt i test</span></li>`,
      );
      expect((await portalB.get('/portal').expect(200)).text).not.toContain(`/portal/tickets/${id}`);
      expect(portalPage.text).not.toContain('agent@ks.example.test');
      await t.deliverMail();
      const mails = smtp.messages.filter((m) => m.envelopeTo.includes(a.emails[0]) && m.parsed.subject?.startsWith('Svar fra KS'));
      expect(mails).toHaveLength(1);
      expect(mails[0].parsed.text).toContain('Skatteforhold for privatpersoner');
      expect(smtp.messages.some((m) => m.raw.includes('sjekk delegeringen'))).toBe(false);
    });

    it('leads an empty reply in the portal to its field', async () => {
      const res = await portalA.post(`/portal/tickets/${id}/messages`, { body: ' ' });
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/<a class="ds-link" href="#reply-body">Melding/);
      expect(res.text).toMatch(/id="reply-body"[^>]*aria-invalid="true"/);
    });

    it('opens the ticket again when the consumer replies in the portal', async () => {
      const res = await portalA.post(`/portal/tickets/${id}/messages`, { body: 'Takk, det virket.' });
      expect(res.status).toBe(303);
      const page = await portalA.get(`/portal/tickets/${id}`).expect(200);
      expect(page.text).toContain('Takk, det virket.');
      expect(page.text).toContain('KS ser på saken');
      expect((await portalA.get('/portal').expect(200)).text).not.toContain(`/portal/tickets/${id}`);
    });

    it('keeps the status chosen for after the answer when the message is missing', async () => {
      const res = await agent.post(`/tickets/${id}/messages`, { body: '', visibility: 'public', replyStatus: 'resolved' });
      expect(res.status).toBe(400);
      const statusSelect = /<select class="ds-input" id="reply-status" name="replyStatus">([\s\S]*?)<\/select>/.exec(res.text)![1];
      expect([...statusSelect.matchAll(/<option value="([a-z_]*)" selected>/g)].map((m) => m[1])).toEqual(['resolved']);
    });

    it('lets a viewer read the ticket but shows no forms and refuses a post', async () => {
      const page = await viewer.get(`/tickets/${id}`).expect(200);
      expect(page.text).not.toContain(`action="/tickets/${id}/messages"`);
      await viewer.post(`/tickets/${id}/messages`, { body: 'Hei', visibility: 'public' }).expect(403);
    });

    it('shows a failed link beside its form, naming the reference', async () => {
      const res = await agent.post(`/tickets/${id}/links`, { kind: 'incident', reference: 'KS-2020-9999' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('Fant ingenting med den referansen.');
      expect(res.text).toMatch(/<a class="ds-link" href="#link-reference">[^<]+<\/a>/);
      expect(res.text).toContain('id="link-reference"');
    });

    it('leads a refused merge to the choice of ticket, merging nothing', async () => {
      const other = await ask('Tilgang for leverandøren', 'Samme spørsmål, sendt på nytt.');
      const res = await agent.post(`/tickets/${id}/merge`, { intoId: id });
      expect(res.status).toBe(409);
      expect(res.text).toContain('En henvendelse kan ikke slås sammen med seg selv.');
      expect(res.text).toMatch(/<a class="ds-link" href="#merge-into">Slå sammen med/);
      expect(res.text).toMatch(/id="merge-into"[^>]*aria-invalid="true"/);
      const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM ticket WHERE merged_into_id IS NOT NULL');
      expect(n).toBe(0);

      // Merged, the other ticket shows it in place of its status and no clocks of its own, until the merge is undone.
      await agent.post(`/tickets/${other}/merge`, { intoId: id }).expect(303);
      const merged = await agent.get(`/tickets/${other}`).expect(200);
      expect(merged.text).toContain('id="ticket-status">Slått sammen</span>');
      expect(merged.text).not.toContain('id="ticket-sla"');
      await agent.post(`/tickets/${other}/unmerge`, {}).expect(303);
      expect((await agent.get(`/tickets/${other}`).expect(200)).text).toContain('id="ticket-sla"');
    });

    it('shows a refused answer to ticked rows again as it was sent, leading to what is missing', async () => {
      const post = (path: string, form: string) =>
        t.http
          .post(path)
          .set('Cookie', cookieHeader(agent.cookies))
          .set('X-Forwarded-For', agent.ip)
          .type('form')
          .send(`_csrf=${encodeURIComponent(agent.csrf)}&${form}`);
      const none = await post('/tickets/bulk-reply', 'cannedResponseId=&body=Hei+%7B%7Bnavn%7D%7D%2C+vi+ser+p%C3%A5+det.');
      expect(none.status).toBe(400);
      expect(none.text).toContain('>Hei {{navn}}, vi ser på det.</textarea>');
      expect(none.text).toMatch(/<a class="ds-link" href="#select-[0-9a-f-]{36}">Valgte henvendelser: /);
      expect(none.text).toMatch(/id="select-[0-9a-f-]{36}"[^>]*aria-invalid="true"/);
      const unknown = await post('/tickets/bulk-reply', `ids=${id}&cannedResponseId=&body=Hei+%7B%7Bukjent%7D%7D`);
      expect(unknown.status).toBe(400);
      expect(unknown.text).toMatch(new RegExp(`id="select-${id}" aria-label="[^"]+" checked`));
      expect(unknown.text).toMatch(/id="bulk-body"[^>]*aria-invalid="true"/);
    });

    it('assigns the ticked rows from the list', async () => {
      const res = await t.http
        .post('/tickets/bulk')
        .set('Cookie', cookieHeader(agent.cookies))
        .set('X-Forwarded-For', agent.ip)
        .type('form')
        .send(`_csrf=${encodeURIComponent(agent.csrf)}&ids=${id}&assigneeId=${agentId}&status=&priority=`);
      expect(res.status).toBe(303);
      expect((await agent.get('/tickets?assignee=me').expect(200)).text).toContain('Tilgang til inntekt i test');
    });
  });

  it('lets staff register a call on behalf of a municipality', async () => {
    const form = await agent.get('/tickets/new').expect(200);
    expect(form.text).toContain(`Kommune 2202`);
    const res = await agent.post('/tickets', {
      consumerId: b.id,
      requesterName: 'Per Telefon',
      requesterEmail: '',
      category: 'technical',
      service: '',
      priority: 'high',
      subject: 'Ringte om timeout',
      body: 'Får timeout mot tjenesten.',
    });
    expect(res.status).toBe(303);
    const id = /\/tickets\/([0-9a-f-]{36})\?done=opened$/.exec(res.headers.location)![1];
    expect((await portalB.get(`/portal/tickets/${id}`).expect(200)).text).toContain('Ringte om timeout');
    const masked = await agent.post('/tickets', {
      consumerId: b.id,
      requesterName: 'Per Telefon',
      category: 'technical',
      priority: 'normal',
      subject: 'Ringte om en skattyter',
      body: 'Oppga 01019000083 på telefonen.',
    });
    expect(masked.headers.location).toMatch(/\?done=opened-masked$/);
    expect((await agent.get(masked.headers.location).expect(200)).text).toContain(
      'Henvendelsen er registrert. Noe som lignet et fødselsnummer eller D-nummer er fjernet',
    );
  });

  it('keeps canned responses, refusing an unknown placeholder', async () => {
    const bad = await agent.post('/canned-responses', { title: 'Feil', body: 'Hei {{nvan}}', setStatus: '' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('plassholder som ikke finnes');
    const ok = await agent.post('/canned-responses', {
      title: 'Takk',
      body: 'Hei {{navn}}, takk for {{referanse}}.',
      setStatus: 'resolved',
    });
    expect(ok.status).toBe(303);
    expect((await agent.get('/canned-responses').expect(200)).text).toContain('Hei {{navn}}, takk for {{referanse}}.');
    await viewer.get('/canned-responses').expect(403);
  });

  it('refuses an edit of a canned response changed by someone else since the page was opened, shows what was entered, and saves it when sent again', async () => {
    await agent.post('/canned-responses', { title: 'Mottatt', body: 'Hei {{navn}}, vi har mottatt saken.', setStatus: '' }).expect(303);
    const [{ id }] = await t.dataSource.query(`SELECT id FROM canned_response WHERE title = 'Mottatt'`);
    const formOf = (html: string) => html.slice(html.indexOf(`action="/canned-responses/${id}"`));
    const versionOn = (html: string) => /<input type="hidden" name="version" value="([^"]+)">/.exec(formOf(html))?.[1];
    const opened = versionOn((await agent.get('/canned-responses').expect(200)).text);
    expect(opened).toBeDefined();
    // Another member of staff changes it meanwhile.
    await agent
      .post(`/canned-responses/${id}`, { title: 'Mottatt', body: 'Hei {{navn}}, saken er mottatt.', setStatus: '', version: opened! })
      .expect(303);
    const mine = { title: 'Mottatt og lest', body: 'Hei {{navn}}, vi har lest {{referanse}}.', setStatus: 'open' };
    const refused = await agent.post(`/canned-responses/${id}`, { ...mine, version: opened! }).expect(412);
    expect(refused.text).toContain('Noen andre endret standardsvaret etter at du åpnet siden.');
    expect(formOf(refused.text)).toContain('value="Mottatt og lest"');
    expect(formOf(refused.text)).toContain('Hei {{navn}}, vi har lest {{referanse}}.</textarea>');
    expect(formOf(refused.text)).toMatch(/<option value="open" selected>/);
    // Only in its own form: the form for a new response stays empty.
    expect(refused.text.slice(refused.text.indexOf('id="h-new-canned"'))).not.toContain('Mottatt og lest');
    const [stored] = await t.dataSource.query(`SELECT title, body, set_status FROM canned_response WHERE id = $1`, [id]);
    expect(stored).toEqual({ title: 'Mottatt', body: 'Hei {{navn}}, saken er mottatt.', set_status: null });
    // Sent again from the refused page, it overwrites knowingly.
    await agent.post(`/canned-responses/${id}`, { ...mine, version: versionOn(refused.text)! }).expect(303);
    const [saved] = await t.dataSource.query(`SELECT title, body, set_status FROM canned_response WHERE id = $1`, [id]);
    expect(saved).toEqual({ title: mine.title, body: mine.body, set_status: 'open' });
  });
});

import { type RegisteredConsumer, SKE } from '../../support/fixtures';
import { INBOUND_ENV, INBOUND_MAIL_ROLE, sendInbound } from '../../support/inbound-mail';
import { outboxRows, reportBody, reportingApp } from '../../support/incident-fixtures';
import { createStaffWithToken, signIn, type StaffWithToken } from '../../support/staff-session';
import { auditActions } from '../../support/stored-data';
import { bearer, type TestApp } from '../../support/test-app';

interface Group {
  id: string;
  name: string;
  categories: string[];
  archived: boolean;
  members: Array<{ id: string; email: string }>;
}

/** Assignment groups: managed by admins, routing new tickets by category, bounding who may be assigned, in views and notifications. */
describe('assignment groups', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let admin: StaffWithToken;
  let kari: StaffWithToken;
  let ola: StaffWithToken;
  let per: StaffWithToken;
  let viewer: StaffWithToken;
  let access: Group;
  let data: Group;

  const as = (who: StaffWithToken) => bearer(who.token);
  const createGroup = (body: Record<string, unknown>, who = admin) => t.http.post('/api/v1/staff-groups').set(as(who)).send(body);
  const open = (category: string, subject = 'Spørsmål om tilgang') =>
    t.http
      .post('/api/v1/tickets')
      .set(bearer(a.key))
      .send({ subject, body: 'Vi får 403 i test. Hva mangler?', category })
      .expect(201)
      .then((r) => r.body.id as string);
  const ticket = (id: string, who = kari) =>
    t.http
      .get(`/api/v1/tickets/${id}`)
      .set(as(who))
      .expect(200)
      .then((r) => r.body);
  const change = (id: string, body: Record<string, unknown>) => t.http.patch(`/api/v1/tickets/${id}`).set(as(kari)).send(body);
  const notified = (who: StaffWithToken, kind: string, link: string) =>
    t.dataSource
      .query(`SELECT count(*)::int AS n FROM notification WHERE recipient_id = $1 AND kind = $2 AND link = $3`, [who.id, kind, link])
      .then((rows: Array<{ n: number }>) => rows[0].n);
  const listIds = async (who: StaffWithToken, query: Record<string, string>) =>
    ((await t.http.get('/api/v1/tickets').set(as(who)).query(query).expect(200)).body.items as Array<{ id: string }>).map((x) => x.id);

  beforeAll(async () => {
    ({ t, a } = await reportingApp(INBOUND_ENV, [INBOUND_MAIL_ROLE]));
    admin = await createStaffWithToken(t, 'admin', { email: 'leder@ks.example.test' });
    kari = await createStaffWithToken(t, 'agent', { email: 'kari@ks.example.test' });
    ola = await createStaffWithToken(t, 'agent', { email: 'ola@ks.example.test' });
    per = await createStaffWithToken(t, 'agent', { email: 'per@ks.example.test' });
    viewer = await createStaffWithToken(t, 'viewer');
  });
  afterAll(() => t?.close());

  describe('managing groups', () => {
    it('lets an admin create a group with its categories, audited', async () => {
      const res = await createGroup({ name: 'Tilgang', description: 'Altinn og Maskinporten', categories: ['access'] }).expect(201);
      access = res.body;
      expect(access).toMatchObject({
        name: 'Tilgang',
        description: 'Altinn og Maskinporten',
        categories: ['access'],
        archived: false,
        members: [],
      });
      expect(await auditActions(t, access.id)).toEqual(['staff_group.created']);
    });

    it('refuses a second active group with the same name or category (409 naming the field), and bad input (400)', async () => {
      const named = await createGroup({ name: 'tilgang' }).expect(409);
      expect(named.body).toMatchObject({ code: 'staff_group_name_taken', fields: [expect.objectContaining({ field: 'name' })] });
      const routed = await createGroup({ name: 'Andre', categories: ['access', 'data'] }).expect(409);
      expect(routed.body).toMatchObject({ code: 'staff_group_category_taken', fields: [expect.objectContaining({ field: 'categories' })] });
      const bad = await createGroup({ name: 'Skatt', categories: ['tax'] }).expect(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field)).toContain('categories');
      const empty = await createGroup({ name: '  ' }).expect(400);
      expect(empty.body.fields.map((f: { field: string }) => f.field)).toContain('name');
    });

    it('shows the new-group form again as it was entered when the page refuses it, its name marked', async () => {
      const page = await t.http
        .post('/staff-groups')
        .set(as(admin))
        .set('Accept', 'text/html')
        .type('form')
        .send({ name: ' ', description: 'Spørsmål om innholdet', categories: 'data' })
        .expect(400);
      expect(page.text).toMatch(/id="new-name" name="name" value="" maxlength="100" required aria-invalid="true"/);
      expect(page.text).toContain('id="new-description" name="description" value="Spørsmål om innholdet"');
      expect(page.text).toMatch(/id="new-category-data" name="categories" value="data" checked/);
      expect(page.text).toMatch(/<a class="ds-link" href="#new-name">[^<]+<\/a>/);
    });

    it('is read by every staff member but changed by admins only', async () => {
      const list = await t.http.get('/api/v1/staff-groups').set(as(viewer)).expect(200);
      expect(list.body.map((g: Group) => g.name)).toEqual(['Tilgang']);
      await createGroup({ name: 'Agentenes' }, kari).expect(403);
      await t.http.post(`/api/v1/staff-groups/${access.id}/members`).set(as(viewer)).send({ staffId: viewer.id }).expect(403);
    });

    it('adds and removes members, refusing someone who is not staff', async () => {
      for (const who of [kari, ola, per])
        await t.http.post(`/api/v1/staff-groups/${access.id}/members`).set(as(admin)).send({ staffId: who.id }).expect(201);
      const removed = await t.http.delete(`/api/v1/staff-groups/${access.id}/members/${per.id}`).set(as(admin)).expect(200);
      expect(removed.body.members.map((m: { email: string }) => m.email)).toEqual([kari.email, ola.email]);
      const unknown = await t.http
        .post(`/api/v1/staff-groups/${access.id}/members`)
        .set(as(admin))
        .send({ staffId: '00000000-0000-4000-8000-000000000000' })
        .expect(400);
      expect(unknown.body).toMatchObject({ code: 'unknown_staff_user', fields: [expect.objectContaining({ field: 'staffId' })] });
      expect(await auditActions(t, access.id)).toEqual(expect.arrayContaining(['staff_group.member_added', 'staff_group.member_removed']));
    });

    it('renames a group', async () => {
      data = (await createGroup({ name: 'Data', categories: ['data'] }).expect(201)).body;
      await t.http.post(`/api/v1/staff-groups/${data.id}/members`).set(as(admin)).send({ staffId: per.id }).expect(201);
      const renamed = await t.http.patch(`/api/v1/staff-groups/${data.id}`).set(as(admin)).send({ name: 'Data og innhold' }).expect(200);
      expect(renamed.body).toMatchObject({ name: 'Data og innhold', categories: ['data'] });
    });

    it('refuses a change whose If-Match names details someone else has changed since, and stores nothing of it', async () => {
      const created = (await createGroup({ name: 'Fakturering', description: 'Regninger' }).expect(201)).body;
      const read = await t.http.get(`/api/v1/staff-groups/${created.id}`).set(as(viewer)).expect(200);
      expect(read.headers.etag).toBe(`"${created.version}"`);
      const patch = (body: object, ifMatch: string) =>
        t.http.patch(`/api/v1/staff-groups/${created.id}`).set(as(admin)).set('If-Match', ifMatch).send(body);
      // A member joining is not a change of the details the version covers.
      await t.http.post(`/api/v1/staff-groups/${created.id}/members`).set(as(admin)).send({ staffId: kari.id }).expect(201);
      const other = await patch({ description: 'Regninger og kreditnotaer' }, read.headers.etag).expect(200);
      expect(other.headers.etag).toBe(`"${other.body.version}"`);
      const stale = await patch({ name: 'Faktura' }, read.headers.etag).expect(412);
      expect(stale.body).toMatchObject({ code: 'staff_group_changed' });
      const now = (await t.http.get(`/api/v1/staff-groups/${created.id}`).set(as(admin)).expect(200)).body;
      expect(now).toMatchObject({ name: 'Fakturering', description: 'Regninger og kreditnotaer', version: other.body.version });

      // The page's details form sends the version it showed; a refused form shows what was entered, and saving again overwrites.
      const formOf = (html: string) => html.slice(html.indexOf(`action="/staff-groups/${created.id}"`));
      const versionOn = (html: string) => /<input type="hidden" name="version" value="([^"]+)">/.exec(formOf(html))?.[1];
      const send = (version: string) =>
        t.http
          .post(`/staff-groups/${created.id}`)
          .set(as(admin))
          .set('Accept', 'text/html')
          .type('form')
          .send({ version, name: 'Faktura og betaling', description: 'Regninger', categories: 'legal' });
      const opened = versionOn((await t.http.get('/staff-groups').set(as(admin)).expect(200)).text);
      expect(opened).toBe(now.version);
      await patch({ description: 'Bare regninger' }, `"${now.version}"`).expect(200);
      const refused = await send(opened!).expect(412);
      expect(refused.text).toContain('Noen andre endret gruppen etter at du åpnet siden.');
      expect(formOf(refused.text)).toContain('value="Faktura og betaling"');
      expect(formOf(refused.text)).toMatch(/name="categories" value="legal" checked/);
      expect((await t.http.get(`/api/v1/staff-groups/${created.id}`).set(as(admin)).expect(200)).body).toMatchObject({
        name: 'Fakturering',
        description: 'Bare regninger',
      });
      await send(versionOn(refused.text)!).expect(303);
      expect((await t.http.get(`/api/v1/staff-groups/${created.id}`).set(as(admin)).expect(200)).body).toMatchObject({
        name: 'Faktura og betaling',
        description: 'Regninger',
      });
      await patch({ archived: true }, '*').expect(200);
    });
  });

  describe('tickets', () => {
    let routed: string;

    it('routes a new ticket to the group that handles its category, and to none when no group does', async () => {
      routed = await open('access');
      expect((await ticket(routed)).group).toEqual({ id: access.id, name: 'Tilgang' });
      expect((await ticket(await open('legal', 'Hjemmel'))).group).toBeNull();
      const timeline = (await t.http.get(`/api/v1/tickets/${routed}/timeline`).set(as(kari)).expect(200)).body;
      expect(timeline).toContainEqual(expect.objectContaining({ kind: 'group_set', details: { from: null, to: 'Tilgang', routed: true } }));
    });

    it('tells the group’s members of a ticket routed to them, in the app', async () => {
      expect(await notified(kari, 'ticket.group_assigned', `/tickets/${routed}`)).toBe(1);
      expect(await notified(ola, 'ticket.group_assigned', `/tickets/${routed}`)).toBe(1);
      expect(await notified(per, 'ticket.group_assigned', `/tickets/${routed}`)).toBe(0);
    });

    it('refuses an assignee who is not a member of the ticket’s group with 400 naming assigneeId, changing nothing', async () => {
      const res = await change(routed, { assigneeId: per.id }).expect(400);
      expect(res.body).toMatchObject({ code: 'assignee_not_in_group', fields: [{ field: 'assigneeId', message: expect.any(String) }] });
      expect((await ticket(routed)).assignee).toBeNull();
    });

    it('assigns a member, who is notified', async () => {
      const res = await change(routed, { assigneeId: ola.id }).expect(200);
      expect(res.body.assignee).toEqual({ id: ola.id, name: 'ola' });
      expect(await notified(ola, 'ticket.assigned', `/tickets/${routed}`)).toBe(1);
    });

    it('moving the ticket to another group drops an assignee who is not a member there; timeline and audit say so', async () => {
      const res = await change(routed, { groupId: data.id }).expect(200);
      expect(res.body).toMatchObject({ group: { id: data.id, name: 'Data og innhold' }, assignee: null });
      expect(await notified(per, 'ticket.group_assigned', `/tickets/${routed}`)).toBe(1);
      const timeline = (await t.http.get(`/api/v1/tickets/${routed}/timeline`).set(as(kari)).expect(200)).body;
      expect(timeline.slice(-2)).toEqual([
        expect.objectContaining({ kind: 'group_set', details: { from: 'Tilgang', to: 'Data og innhold' } }),
        expect.objectContaining({ kind: 'assigned', details: { from: 'ola', to: null } }),
      ]);
      expect(await auditActions(t, routed)).toEqual(expect.arrayContaining(['ticket.group_set', 'ticket.assigned']));
    });

    it('takes a group and one of its members together, and refuses an unknown group naming groupId', async () => {
      await change(routed, { groupId: access.id, assigneeId: kari.id }).expect(200);
      expect(await ticket(routed)).toMatchObject({ group: { id: access.id }, assignee: { id: kari.id } });
      const res = await change(routed, { groupId: '00000000-0000-4000-8000-000000000000' }).expect(400);
      expect(res.body).toMatchObject({ code: 'unknown_group', fields: [expect.objectContaining({ field: 'groupId' })] });
    });

    it('filters the list by group, mine and none, and counts the views', async () => {
      const unassigned = await open('access', 'Ufordelt tilgang');
      const other = await open('data', 'Feil i dataene');
      const none = await open('other', 'Annet');
      expect(await listIds(kari, { group: access.id })).toEqual(expect.arrayContaining([routed, unassigned]));
      expect(await listIds(kari, { group: access.id })).not.toContain(other);
      expect(await listIds(kari, { group: 'mine' })).not.toContain(other);
      expect(await listIds(per, { group: 'mine' })).toEqual([other]);
      expect(await listIds(kari, { group: 'none' })).toContain(none);
      expect(await listIds(kari, { group: 'mine', assignee: 'none' })).toEqual([unassigned]);
      await t.http.get('/api/v1/tickets').set(as(kari)).query({ group: 'noen' }).expect(400);
      const counts = (await t.http.get('/api/v1/tickets/counts').set(as(kari)).expect(200)).body;
      expect(counts).toMatchObject({ myGroups: 2, unassignedInMyGroups: 1 });
      expect(counts.byGroup).toEqual(
        expect.arrayContaining([
          { groupId: access.id, count: 2 },
          { groupId: data.id, count: 1 },
        ]),
      );
    });

    it('moves several tickets to a group at once, all or none', async () => {
      const [x, y] = [await open('other', 'Første'), await open('other', 'Andre')];
      await t.http
        .post('/api/v1/tickets/bulk')
        .set(as(kari))
        .send({ ids: [x, y], groupId: data.id })
        .expect(200);
      expect((await ticket(x)).group.id).toBe(data.id);
      expect((await ticket(y)).group.id).toBe(data.id);
      const refused = await t.http
        .post('/api/v1/tickets/bulk')
        .set(as(kari))
        .send({ ids: [x, y], groupId: access.id, assigneeId: per.id });
      expect(refused.status).toBe(400);
      expect((await ticket(x)).group.id).toBe(data.id);
    });

    it('stops routing to an archived group, and takes no ticket into it', async () => {
      const archived = await t.http.patch(`/api/v1/staff-groups/${data.id}`).set(as(admin)).send({ archived: true }).expect(200);
      expect(archived.body.archived).toBe(true);
      expect(await auditActions(t, data.id)).toContain('staff_group.archived');
      expect((await ticket(await open('data', 'Mer feil i dataene'))).group).toBeNull();
      const res = await change(routed, { groupId: data.id }).expect(400);
      expect(res.body.code).toBe('unknown_group');
      const listed = (await t.http.get('/api/v1/staff-groups').set(as(kari)).expect(200)).body.map((g: Group) => g.name);
      expect(listed).toEqual(['Tilgang']);
      const all = (await t.http.get('/api/v1/staff-groups').query({ archived: 'true' }).set(as(kari)).expect(200)).body;
      expect(all.map((g: Group) => g.name)).toEqual(['Data og innhold', 'Faktura og betaling', 'Tilgang']);
    });
  });

  describe('incidents', () => {
    let incidentId: string;
    let reference: string;

    beforeAll(async () => {
      const report = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(reportBody({ service: 'skatteoppgjor', errorCode: 'SO-504', httpStatus: 504, title: 'Skatteoppgjør svarer 504' }))
        .expect(201);
      ({ incidentId, incidentReference: reference } = report.body);
    });

    it('takes a group and an assignee from its members, refusing others naming assigneeId', async () => {
      const refused = await t.http
        .post(`/api/v1/incidents/${incidentId}/assign`)
        .set(as(admin))
        .send({ groupId: access.id, assigneeId: per.id })
        .expect(400);
      expect(refused.body).toMatchObject({ code: 'assignee_not_in_group', fields: [expect.objectContaining({ field: 'assigneeId' })] });
      // A read-only member of staff could hold the incident but do nothing with it.
      const readOnly = await t.http
        .post(`/api/v1/incidents/${incidentId}/assign`)
        .set(as(admin))
        .send({ assigneeId: viewer.id })
        .expect(400);
      expect(readOnly.body).toMatchObject({ code: 'unknown_assignee', fields: [expect.objectContaining({ field: 'assigneeId' })] });
      const res = await t.http
        .post(`/api/v1/incidents/${incidentId}/assign`)
        .set(as(admin))
        .send({ groupId: access.id, assigneeId: kari.id })
        .expect(200);
      expect(res.body).toMatchObject({
        id: incidentId,
        assignee: { id: kari.id, name: 'kari' },
        group: { id: access.id, name: 'Tilgang' },
      });
      expect(await notified(kari, 'incident.assigned', `/incidents/${incidentId}`)).toBe(1);
      expect(await notified(ola, 'incident.group_assigned', `/incidents/${incidentId}`)).toBe(1);
      const detail = (await t.http.get(`/api/v1/incidents/${incidentId}`).set(as(viewer)).expect(200)).body;
      expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['group_set', 'assigned']));
      expect(await auditActions(t, incidentId)).toEqual(expect.arrayContaining(['incident.group_set', 'incident.assigned']));
    });

    it('lists «Mine» in the queue for the assignee only', async () => {
      const mine = (who: StaffWithToken) =>
        t.http
          .get('/api/v1/incidents')
          .query({ assignee: 'me' })
          .set(as(who))
          .expect(200)
          .then((r) => r.body.map((i: { id: string }) => i.id));
      expect(await mine(kari)).toEqual([incidentId]);
      expect(await mine(ola)).toEqual([]);
    });

    it('tells the assignee of Skatteetaten’s answer; with nobody assigned, the group’s members', async () => {
      // The escalating admin would be told under the old rule: the assignee is told instead.
      await t.http.post(`/api/v1/incidents/${incidentId}/escalate`).set(as(admin)).expect(200);
      const [{ message_id: root }] = await outboxRows(t, `template = 'escalation'`);
      const answer = (n: number) =>
        sendInbound(t, {
          from: `skatteoppgjor@${SKE}`,
          subject: `SV: [${reference}] Skatteoppgjør svarer 504`,
          text: `Svar nummer ${n}.`,
          inReplyTo: root,
          references: [root],
          messageId: `<ske-${n}@ske.example.test>`,
        });
      await answer(1);
      expect((await outboxRows(t, `template = 'incident-reply-received'`)).map((m) => m.to_addresses)).toEqual([[kari.email]]);
      await t.http.post(`/api/v1/incidents/${incidentId}/assign`).set(as(admin)).send({ assigneeId: null }).expect(200);
      await answer(2);
      const told = await outboxRows(t, `template = 'incident-reply-received'`);
      expect(told.map((m) => [...m.to_addresses].sort())).toEqual([[kari.email], [kari.email, ola.email]]);
      await t.http.post(`/api/v1/incidents/${incidentId}/assign`).set(as(admin)).send({ groupId: null }).expect(200);
      await answer(3);
      expect((await outboxRows(t, `template = 'incident-reply-received'`)).at(-1)!.to_addresses).toEqual([admin.email]);
    });
  });

  describe('pages', () => {
    let technical: Group;
    let siri: StaffWithToken;
    let page: Awaited<ReturnType<typeof signIn>>;

    beforeAll(async () => {
      technical = (await createGroup({ name: 'Teknisk', categories: ['technical'] }).expect(201)).body;
      await t.http.post(`/api/v1/staff-groups/${technical.id}/members`).set(as(admin)).send({ staffId: per.id }).expect(201);
      siri = await createStaffWithToken(t, 'agent', { email: 'siri@ks.example.test', password: true });
      page = await signIn(t, siri.email);
    });

    it('moves a ticket to another group from its page, dropping the assignee shown when not a member; names the field when refused', async () => {
      const id = await open('access', 'Fra siden');
      await change(id, { assigneeId: kari.id }).expect(200);
      const shown = { currentGroupId: access.id, currentAssigneeId: kari.id, assigneeId: kari.id };
      const moved = await page.post(`/tickets/${id}/update`, { ...shown, groupId: technical.id }).expect(303);
      expect(moved.headers.location).toBe(`/tickets/${id}?done=updated`);
      expect(await ticket(id)).toMatchObject({ group: { id: technical.id }, assignee: null });
      expect((await page.get(`/tickets/${id}`).expect(200)).text).toContain('Gruppe endret: Teknisk');

      const refused = await page
        .post(`/tickets/${id}/update`, { currentGroupId: technical.id, currentAssigneeId: '', groupId: technical.id, assigneeId: kari.id })
        .expect(400);
      expect(refused.text).toContain('Saksbehandleren er ikke medlem av gruppen.');
      expect(refused.text).toContain('<a class="ds-link" href="#update-assignee">Saksbehandler</a>');
      expect(refused.text).toMatch(/id="update-assignee" aria-invalid="true"/);
      // The summary names the field without saying the same sentence twice.
      expect(refused.text.split('Saksbehandleren er ikke medlem av gruppen.').length - 1).toBe(1);
      expect((await ticket(id)).assignee).toBeNull();
    });

    it('saves from its page only what the person changed, keeping what someone else changed meanwhile', async () => {
      const id = await open('access', 'To samtidig');
      const form = /<form method="post" action="\/tickets\/[^"]+\/update"[^]*?<\/form>/.exec(
        (await page.get(`/tickets/${id}`).expect(200)).text,
      )![0];
      const shown = Object.fromEntries(
        [...form.matchAll(/<input type="hidden" name="(current[A-Za-z]+)" value="([^"]*)">/g)].map(([, name, value]) => [name, value]),
      );
      expect(shown).toMatchObject({ currentStatus: 'new', currentPriority: 'normal', currentTags: '' });
      // Meanwhile another agent sets the priority and tags through the API.
      await change(id, { priority: 'high', tags: ['altinn'] }).expect(200);
      // The page, as shown before that, is saved with a new status only.
      await page
        .post(`/tickets/${id}/update`, {
          ...shown,
          status: 'open',
          priority: shown.currentPriority,
          groupId: shown.currentGroupId || 'none',
          assigneeId: shown.currentAssigneeId,
          tags: shown.currentTags,
        })
        .expect(303);
      expect(await ticket(id)).toMatchObject({ status: 'open', priority: 'high', tags: ['altinn'] });
      // A field the person did change is saved, whatever it was meanwhile.
      await page.post(`/tickets/${id}/update`, { ...shown, currentStatus: 'open', status: 'open', priority: 'low', tags: '' }).expect(303);
      expect(await ticket(id)).toMatchObject({ status: 'open', priority: 'low', tags: ['altinn'] });
    });

    it('gives an incident to a group and a member from its page, and «Mine» in the queue lists the assignee’s own', async () => {
      const report = await t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .send(reportBody({ service: 'inntekt', errorCode: 'INN-500', httpStatus: 500, title: 'Inntekt svarer 500' }))
        .expect(201);
      const id = report.body.incidentId as string;
      const res = await page
        .post(`/incidents/${id}/assign`, { currentGroupId: '', currentAssigneeId: '', groupId: technical.id, assigneeId: per.id })
        .expect(303);
      expect(res.headers.location).toBe(`/incidents/${id}?done=assigned`);
      const html = (await page.get(res.headers.location).expect(200)).text;
      expect(html).toContain('Tildelingen er lagret.');
      expect(html).toContain(`id="incident-assignee">Saksbehandler: per<`);
      expect(html).toContain('Gruppe endret: Teknisk');
      const mine = async () => (await page.get('/incidents?assignee=me').expect(200)).text;
      expect(await mine()).not.toContain(`href="/incidents/${id}"`);
      await page
        .post(`/incidents/${id}/assign`, { currentGroupId: technical.id, currentAssigneeId: per.id, groupId: 'none', assigneeId: siri.id })
        .expect(303);
      expect(await mine()).toContain(`href="/incidents/${id}"`);
    });
  });
});

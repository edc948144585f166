import { publishCatalogue, registerConsumer, type RegisteredConsumer } from '../../support/fixtures';
import { createStaffWithToken } from '../../support/staff-session';
import { auditActions } from '../../support/stored-data';
import { bearer, createTestApp, type TestApp } from '../../support/test-app';

const SERVICES = ['summert-skattegrunnlag', 'inntekt'];
const wish = (over: Record<string, unknown> = {}) => ({
  service: 'summert-skattegrunnlag',
  title: 'Inntekt per måned i summert skattegrunnlag',
  description: 'Vi ønsker at tjenesten gir inntekt per måned, ikke bare per år.',
  useCase: 'Redusert foreldrebetaling: vi må se inntekten de siste månedene.',
  urgency: 'high',
  ...over,
});

describe('change requests: submitting, supporting and ranking', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let c: RegisteredConsumer;
  /** Has access to inntekt only. */
  let d: RegisteredConsumer;
  let viewerToken: string;
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp();
    await publishCatalogue(t, SERVICES);
    a = await registerConsumer(t, 111, SERVICES);
    b = await registerConsumer(t, 222, SERVICES);
    c = await registerConsumer(t, 333, SERVICES);
    d = await registerConsumer(t, 444, ['inntekt']);
    viewerToken = (await createStaffWithToken(t, 'viewer')).token;
  });
  afterAll(() => t?.close());

  it('lets a consumer submit a request for a service it has access to, counted as its first support', async () => {
    const res = await t.http.post('/api/v1/change-requests').set(bearer(a.key)).send(wish()).expect(201);
    expect(res.body.reference).toMatch(/^EN-\d{4}-\d{4}$/);
    const one = await t.http.get(`/api/v1/change-requests/${res.body.id}`).set(bearer(a.key)).expect(200);
    expect(one.body).toMatchObject({
      status: 'new',
      urgency: 'high',
      supporterCount: 1,
      submittedByMe: true,
      description: wish().description,
    });
    expect(await auditActions(t, res.body.id)).toContain('change_request.submitted');
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an empty title', { title: '  ' }, 'title', 'validation_failed'],
    ['a missing use case', { useCase: undefined }, 'useCase', 'validation_failed'],
    ['an unknown urgency', { urgency: 'asap' }, 'urgency', 'validation_failed'],
    ['an unknown service', { service: 'finnes-ikke' }, 'service', 'unknown_service'],
  ])('refuses %s with 400 naming the field, storing nothing', async (_case, over, field, code) => {
    const before = await count('change_request');
    const res = await t.http.post('/api/v1/change-requests').set(bearer(a.key)).send(wish(over)).expect(400);
    expect(res.body.code).toBe(code);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await count('change_request')).toBe(before);
  });

  it('refuses a service the consumer has no access to', async () => {
    const res = await t.http.post('/api/v1/change-requests').set(bearer(d.key)).send(wish()).expect(400);
    expect(res.body.code).toBe('no_service_access');
    expect(res.body.fields[0].field).toBe('service');
  });

  it('lets only consumers submit: staff cannot', async () => {
    await t.http.post('/api/v1/change-requests').set(bearer(t.adminToken)).send(wish()).expect(403);
  });

  describe('support', () => {
    let id: string;
    beforeAll(async () => {
      id = (
        await t.http
          .post('/api/v1/change-requests')
          .set(bearer(a.key))
          .send(wish({ title: 'Støtte-test' }))
          .expect(201)
      ).body.id;
    });

    it('adds another consumer once, however often it asks', async () => {
      const first = await t.http
        .post(`/api/v1/change-requests/${id}/support`)
        .set(bearer(b.key))
        .send({ useCase: 'Vi trenger det for SFO.' })
        .expect(200);
      expect(first.body.added).toBe(true);
      const again = await Promise.all(
        [1, 2, 3].map(() => t.http.post(`/api/v1/change-requests/${id}/support`).set(bearer(b.key)).send({ useCase: 'Igjen.' })),
      );
      expect(again.map((r) => [r.status, r.body.added])).toEqual([
        [200, false],
        [200, false],
        [200, false],
      ]);
      const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM change_request_support WHERE change_request_id = $1', [id]);
      expect(n).toBe(2);
    });

    it("refuses support of one's own request", async () => {
      const res = await t.http.post(`/api/v1/change-requests/${id}/support`).set(bearer(a.key)).send({ useCase: 'Vi også.' }).expect(409);
      expect(res.body.code).toBe('own_change_request');
    });

    it('refuses support without a use case, naming the field', async () => {
      const res = await t.http.post(`/api/v1/change-requests/${id}/support`).set(bearer(c.key)).send({ useCase: '' }).expect(400);
      expect(res.body.fields[0].field).toBe('useCase');
    });

    it("hides other consumers' texts until KS makes them public", async () => {
      const seenByB = (await t.http.get(`/api/v1/change-requests/${id}`).set(bearer(b.key)).expect(200)).body;
      expect(seenByB.description).toBeNull();
      expect(seenByB.supporters).toEqual([expect.objectContaining({ isMine: true, useCase: 'Vi trenger det for SFO.' })]);
      expect(JSON.stringify(seenByB)).not.toContain(wish().useCase);
      const seenByA = (await t.http.get(`/api/v1/change-requests/${id}`).set(bearer(a.key)).expect(200)).body;
      expect(JSON.stringify(seenByA)).not.toContain('Vi trenger det for SFO.');
      expect(seenByA.supporterCount).toBe(2);

      await t.http.post(`/api/v1/change-requests/${id}/assessment`).set(bearer(t.adminToken)).send({ isPublic: true }).expect(200);
      const publicToB = (await t.http.get(`/api/v1/change-requests/${id}`).set(bearer(b.key)).expect(200)).body;
      expect(publicToB.description).toBe(wish().description);
      expect(publicToB.supporters.map((s: { useCase: string }) => s.useCase)).toEqual([wish().useCase, 'Vi trenger det for SFO.']);
    });

    it('does not show a request to a consumer without access to its service', async () => {
      await t.http.get(`/api/v1/change-requests/${id}`).set(bearer(d.key)).expect(404);
      await t.http.post(`/api/v1/change-requests/${id}/support`).set(bearer(d.key)).send({ useCase: 'x' }).expect(404);
      const list = (await t.http.get('/api/v1/change-requests').set(bearer(d.key)).expect(200)).body;
      expect(list.map((r: { id: string }) => r.id)).not.toContain(id);
    });

    it('lets a viewer read the board but not change or forward anything', async () => {
      await t.http.get('/api/v1/change-requests').set(bearer(viewerToken)).expect(200);
      await t.http.post(`/api/v1/change-requests/${id}/forward`).set(bearer(viewerToken)).send({}).expect(403);
      await t.http.post(`/api/v1/change-requests/${id}/assessment`).set(bearer(viewerToken)).send({ priority: 'high' }).expect(403);
    });
  });

  describe('the board and merging', () => {
    const ids: Record<string, string> = {};
    const submit = async (k: RegisteredConsumer, key: string, over: Record<string, unknown> = {}) => {
      ids[key] = (
        await t.http
          .post('/api/v1/change-requests')
          .set(bearer(k.key))
          .send(wish({ title: `Tavle ${key}`, ...over }))
          .expect(201)
      ).body.id;
    };
    const support = (k: RegisteredConsumer, key: string) =>
      t.http
        .post(`/api/v1/change-requests/${ids[key]}/support`)
        .set(bearer(k.key))
        .send({ useCase: `Bruk for ${key}` })
        .expect(200);
    const board = async (query = '') =>
      (
        (await t.http.get(`/api/v1/change-requests${query}`).set(bearer(t.adminToken)).expect(200)).body as Array<{
          title: string;
          supporterCount: number;
        }>
      ).filter((r) => r.title.startsWith('Tavle'));

    beforeAll(async () => {
      await submit(a, 'one');
      await submit(b, 'three');
      await support(a, 'three');
      await support(c, 'three');
      await submit(c, 'two');
      await support(a, 'two');
      await submit(d, 'other', { service: 'inntekt' });
    });

    it('ranks by the number of supporting consumers', async () => {
      expect((await board()).map((r) => [r.title, r.supporterCount])).toEqual([
        ['Tavle three', 3],
        ['Tavle two', 2],
        ['Tavle one', 1],
        ['Tavle other', 1],
      ]);
    });

    it('filters by service and status', async () => {
      expect((await board('?service=inntekt')).map((r) => r.title)).toEqual(['Tavle other']);
      expect(await board('?status=forwarded')).toEqual([]);
      await t.http.get('/api/v1/change-requests?status=unknown').set(bearer(t.adminToken)).expect(400);
    });

    it('merges a duplicate: its supporters move over, none twice, and the merge can be undone', async () => {
      // "two" has c (submitter) and a; "three" already has b, a and c: nobody new moves.
      const merged = await t.http
        .post(`/api/v1/change-requests/${ids.one}/merge`)
        .set(bearer(t.adminToken))
        .send({ intoId: ids.two })
        .expect(200);
      expect(merged.body.supporterCount).toBe(2);
      expect(merged.body.merged.map((m: { id: string }) => m.id)).toEqual([ids.one]);
      const into = await t.http
        .post(`/api/v1/change-requests/${ids.two}/merge`)
        .set(bearer(t.adminToken))
        .send({ intoId: ids.three })
        .expect(200);
      expect(into.body.supporterCount).toBe(3);
      const rows = await t.dataSource.query(
        'SELECT consumer_id, count(*)::int AS n FROM change_request_support WHERE change_request_id = $1 GROUP BY consumer_id',
        [ids.three],
      );
      expect(rows.every((r: { n: number }) => r.n === 1)).toBe(true);
      expect((await board()).map((r) => r.title)).toEqual(['Tavle three', 'Tavle other']);

      const undone = await t.http.post(`/api/v1/change-requests/${ids.two}/unmerge`).set(bearer(t.adminToken)).expect(200);
      expect(undone.body).toMatchObject({ mergedInto: null, supporterCount: 2 });
      expect(await auditActions(t, ids.two)).toEqual(expect.arrayContaining(['change_request.merged', 'change_request.unmerged']));
    });

    it('moves supporters who were not on the survivor yet', async () => {
      await submit(b, 'lone');
      await support(c, 'lone');
      const res = await t.http.post(`/api/v1/change-requests/${ids.lone}/merge`).set(bearer(t.adminToken)).send({ intoId: ids.two });
      expect(res.status).toBe(200);
      // "two" had c and a; b moves over, c stays behind on the merged one.
      expect(res.body.supporterCount).toBe(3);
      expect(res.body.supporters.map((s: { consumerId: string }) => s.consumerId).sort()).toEqual([a.id, b.id, c.id].sort());
    });

    it.each([
      ['across services', 'other', 'three', 'merge_service_mismatch'],
      ['into itself', 'three', 'three', 'merge_same_request'],
      ['an already merged request', 'lone', 'three', 'merge_already_merged'],
    ])('refuses to merge %s', async (_case, from, into, code) => {
      const res = await t.http
        .post(`/api/v1/change-requests/${ids[from]}/merge`)
        .set(bearer(t.adminToken))
        .send({ intoId: ids[into] })
        .expect(409);
      expect(res.body.code).toBe(code);
    });

    it('sends support of a merged request to the request it was merged into', async () => {
      const res = await t.http
        .post(`/api/v1/change-requests/${ids.lone}/support`)
        .set(bearer(a.key))
        .send({ useCase: 'Også oss.' })
        .expect(200);
      expect(res.body).toMatchObject({ id: ids.two, added: false });
    });
  });
});

describe('change requests: the service area a request is filed under', () => {
  let t: TestApp;
  let consumer: RegisteredConsumer;
  beforeAll(async () => {
    t = await createTestApp();
    await publishCatalogue(t, SERVICES, {
      'summert-skattegrunnlag': { serviceAreas: ['Redusert foreldrebetaling barnehage/SFO', 'Startlån'] },
      inntekt: { serviceAreas: ['Startlån'] },
    });
    consumer = await registerConsumer(t, 555, SERVICES);
  });
  afterAll(() => t?.close());

  const areaOf = async (service: string) => {
    const res = await t.http.post('/api/v1/change-requests').set(bearer(consumer.key)).send(wish({ service })).expect(201);
    const [row] = await t.dataSource.query('SELECT service_area FROM change_request WHERE id = $1', [res.body.id]);
    return row.service_area as string | null;
  };

  it('is the service’s only area, and none when the service has several and the consumer’s access names none', async () => {
    expect(await areaOf('inntekt')).toBe('Startlån');
    expect(await areaOf('summert-skattegrunnlag')).toBeNull();
  });
});

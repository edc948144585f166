import { BackfillGroupingProfiles } from '@domain/incidents';
import { IncidentRepository } from '@domain/incidents/incident.repository';
import { addCounts, type ProfileCounts, profileOf } from '@domain/incidents/rules/incident-profile';
import { DatabaseContext } from '@platform/database';
import { DataSource } from 'typeorm';

import { publishCatalogue, registerConsumer, RegisteredConsumer } from '../../support/fixtures';
import { bearer, createTestApp, TestApp } from '../../support/test-app';

const SERVICES = ['eiendom', 'inntekt'];

/** The incident profile kept in the database, and what staff corrections teach matching. */
describe('grouping profiles in the database', () => {
  let t: TestApp;
  let consumers: RegisteredConsumer[];
  const profile = async (incidentId: string): Promise<ProfileCounts> =>
    (await t.get(DataSource).query('SELECT profile FROM incident WHERE id = $1', [incidentId]))[0].profile;
  const send = (c: RegisteredConsumer, body: Record<string, unknown>) =>
    t.http
      .post('/api/v1/reports')
      .set(bearer(c.key))
      .send({ service: 'eiendom', environment: 'production', category: 'deviation', ...body })
      .expect(201);

  beforeAll(async () => {
    t = await createTestApp();
    await publishCatalogue(t, SERVICES);
    consumers = [];
    for (let i = 0; i < 4; i++) consumers.push(await registerConsumer(t, 700 + i * 10, SERVICES));
  });
  afterAll(() => t.close());

  it('adds every report to its incident’s profile, concurrently without losing any', async () => {
    const first = (
      await send(consumers[0], {
        title: 'Inntekt nede',
        description: 'Alle kall mot inntekt gir 503.',
        service: 'inntekt',
        category: 'incident',
        httpStatus: 503,
      })
    ).body;
    await Promise.all(
      consumers.slice(1).map((c) =>
        send(c, {
          title: 'Inntekt nede',
          description: 'Inntekt svarer 503 på alle kall.',
          service: 'inntekt',
          category: 'incident',
          httpStatus: 503,
        }),
      ),
    );
    const p = profileOf(await profile(first.incidentId));
    expect(p.reports).toBe(4);
    expect(p.consumers.size).toBe(4);
    expect(p.statuses.get('5xx')).toBe(4);
  });

  it.each<[string, ProfileCounts | null, ProfileCounts | null]>([
    ['disjoint maps', { 'w:inntekt': 2 }, { 's:eiendom': 1 }],
    ['shared keys', { 'w:inntekt': 2, 'c:503': 1 }, { 'w:inntekt': 1, 'c:503': 3 }],
    ['fractions and a key falling to zero', { a: 1.5, b: 1 }, { a: 0.25, b: -1 }],
    ['an empty contribution', { a: 1 }, {}],
    ['no profile yet', null, { a: 1 }],
    ['neither', null, null],
  ])('adds count maps in SQL as the application does: %s', async (_case, a, b) => {
    const [{ sum }] = await t
      .get(DataSource)
      .query('SELECT jsonb_add_counts($1::jsonb, $2::jsonb) AS sum', [a && JSON.stringify(a), b && JSON.stringify(b)]);
    expect(sum).toEqual(addCounts(a ?? {}, b ?? {}));
  });

  it('reads each candidate incident as the ORM reads it, with its wave and the reporter’s own titles', async () => {
    const title = 'Skattekort mangler for nyansatte';
    const r = (await send(consumers[3], { title, description: 'Ingen skattekort for dem som begynte denne uken.' })).body;
    const incidents = t.get(IncidentRepository);
    const read = await incidents.candidates('production', new Date(), { consumerId: consumers[3].id, alsoInclude: [r.incidentId] });
    const candidate = read.find((c) => c.id === r.incidentId)!;
    expect(candidate.entity).toEqual(await incidents.find(r.incidentId));
    expect(candidate.profile).toEqual(await profile(r.incidentId));
    expect(candidate.waveConsumers).toBe(1);
    expect(candidate.titlesOfConsumer.get(consumers[3].id)).toEqual([title]);
    const other = await incidents.candidates('production', new Date(), { consumerId: consumers[2].id, alsoInclude: [r.incidentId] });
    expect(other.find((c) => c.id === r.incidentId)!.titlesOfConsumer.get(consumers[2].id)).toEqual([]);
  });

  it('reads the wave from the kept count only when it equals counting the reports in the window', async () => {
    const body = { title: 'Eiendom utilgjengelig', description: 'Eiendom svarer 503 på alle kall.', category: 'incident', httpStatus: 503 };
    const first = (await send(consumers[0], body)).body;
    for (const c of consumers.slice(1, 3)) expect((await send(c, body)).body.incidentId).toBe(first.incidentId);
    const incidents = t.get(IncidentRepository);
    const db = t.get(DatabaseContext);
    const waves = async (at: Date) => {
      const wave = (read: Awaited<ReturnType<IncidentRepository['candidates']>>) =>
        read.find((c) => c.id === first.incidentId)?.waveConsumers;
      const query = { alsoInclude: [first.incidentId] };
      // Outside a transaction the kept count may stand in; inside one the reports are counted.
      return [
        wave(await incidents.candidates('production', at, query)),
        wave(await db.transaction(() => incidents.candidates('production', at, query))),
      ];
    };
    const now = Date.now();
    const hour = 3_600_000;
    expect(await waves(new Date(now + 1000))).toEqual([3, 3]);
    expect(await waves(new Date(now + 2.5 * hour))).toEqual([0, 0]);
    // A report older than the window (as one moved in by staff can be) and one later than the instant read.
    const [older, later] = (
      await t.get(DataSource).query('SELECT id FROM report WHERE incident_id = $1 ORDER BY received_at', [first.incidentId])
    ).map((r: { id: string }) => r.id);
    await t.get(DataSource).query(`UPDATE report SET received_at = received_at - interval '3 hours' WHERE id = $1`, [older]);
    expect(await waves(new Date(now + 1000))).toEqual([2, 2]);
    await t.get(DataSource).query(`UPDATE report SET received_at = received_at + interval '1 hour' WHERE id = $1`, [later]);
    expect(await waves(new Date(now + 1000))).toEqual([1, 1]);
  });

  it('reads a candidate’s profile again only once it was written, and keeps none read in a transaction', async () => {
    const r = (await send(consumers[2], { title: 'Avvik i eiendomsskatt', description: 'Grunnlaget mangler for noen eiendommer.' })).body;
    const incidents = t.get(IncidentRepository);
    const db = t.get(DatabaseContext);
    const read = async () =>
      (await incidents.candidates('production', new Date(), { alsoInclude: [r.incidentId] })).find((c) => c.id === r.incidentId)!;
    // In the caller's transaction, if any.
    const setProfile = (counts: ProfileCounts) =>
      db.manager.query('UPDATE incident SET profile = $2::jsonb WHERE id = $1', [r.incidentId, JSON.stringify(counts)]);

    const first = await read();
    const again = await read();
    // Not sent again: the very profile kept from the first read, frozen, so parsing it stays cached.
    expect(again.profile).toBe(first.profile);
    expect(Object.isFrozen(again.profile)).toBe(true);
    expect(again.entity.profile).toBe(first.profile);

    // Any statement that writes the profile, even with the same counts, makes the next read fetch it.
    await setProfile({ ...first.profile, 'f:nytt': 1 });
    expect((await read()).profile).toEqual({ ...first.profile, 'f:nytt': 1 });
    await setProfile({ ...first.profile, 'f:nytt': 1 });
    const rewritten = await read();
    expect(rewritten.profile).toEqual({ ...first.profile, 'f:nytt': 1 });

    // A write rolled back after a read inside its transaction, then another write committed under
    // the version the rolled-back one had: the committed profile is what is read.
    await expect(
      db.transaction(async () => {
        await setProfile({ 'f:angret': 1 });
        expect((await read()).profile).toEqual({ 'f:angret': 1 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await read()).profile).toBe(rewritten.profile);
    await setProfile({ 'f:lagret': 2 });
    expect((await read()).profile).toEqual({ 'f:lagret': 2 });
    expect(await profile(r.incidentId)).toEqual({ 'f:lagret': 2 });
  });

  it('stores a large profile uncompressed, as every report of an outage rewrites it', async () => {
    const r = (await send(consumers[1], { title: 'Stor profil', description: 'Mange ord i mange meldinger.' })).body;
    const contribution = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`f:ord${i}`, 1]));
    const db = t.get(DataSource);
    await db.query(`SELECT attach_report_to_incident($1, 'eiendom', NULL, now(), $2::jsonb)`, [r.incidentId, JSON.stringify(contribution)]);
    const [stored] = await db.query(
      'SELECT pg_column_compression(profile) AS compression, octet_length(profile::text) AS chars FROM incident WHERE id = $1',
      [r.incidentId],
    );
    expect(stored.chars).toBeGreaterThan(4000);
    expect(stored.compression).toBeNull();
    expect(profileOf(await profile(r.incidentId)).features.get('ord399')).toBe(1);
  });

  it('builds the profiles of incidents stored before profiles existed', async () => {
    const r = (
      await send(consumers[0], { title: 'Bruksenhet mangler', description: 'Bruksenhetsnummer mangler for seksjonerte eiendommer.' })
    ).body;
    const before = await profile(r.incidentId);
    await t.get(DataSource).query(`UPDATE incident SET profile = '{}' WHERE id = $1`, [r.incidentId]);
    await t.get(DataSource).query(`UPDATE report SET features = '{}' WHERE incident_id = $1`, [r.incidentId]);
    expect(await t.get(BackfillGroupingProfiles).execute()).toBe(1);
    expect(await profile(r.incidentId)).toEqual(before);
    const [{ features }] = await t.get(DataSource).query('SELECT features FROM report WHERE id = $1', [r.id]);
    expect(features.length).toBeGreaterThan(0);
    expect(await t.get(BackfillGroupingProfiles).execute()).toBe(0);
  });

  it('a staff merge adds the profiles; a split and a move rebuild them from the reports', async () => {
    const a = (await send(consumers[1], { title: 'Takst mangler', description: 'Takstgrunnlaget er tomt for næringseiendom.' })).body;
    const b = (await send(consumers[2], { title: 'Feil areal', description: 'Bruksareal er oppgitt i feil enhet.' })).body;
    expect(b.incidentId).not.toBe(a.incidentId);
    const [pa, pb] = [await profile(a.incidentId), await profile(b.incidentId)];
    const merged = await t.http
      .post(`/api/v1/incidents/${a.incidentId}/merge`)
      .set(bearer(t.adminToken))
      .send({ otherIncidentId: b.incidentId })
      .expect(200);
    expect(await profile(merged.body.id)).toEqual(addCounts(pa, pb));
    const split = await t.http
      .post(`/api/v1/incidents/${merged.body.id}/split`)
      .set(bearer(t.adminToken))
      .send({ reportIds: [b.id] })
      .expect(201);
    expect(await profile(split.body.id)).toEqual(pb);
    expect(await profile(merged.body.id)).toEqual(pa);
    await t.http.post(`/api/v1/reports/${b.id}/move`).set(bearer(t.adminToken)).send({ incidentId: merged.body.id }).expect(200);
    expect(profileOf(await profile(merged.body.id)).reports).toBe(2);
  });

  it('learns from a staff merge: the words of one side then stand for the other, and the reasons say so', async () => {
    const nb = (
      await send(consumers[0], {
        title: 'Vindmøller vises som fyrtårn',
        description: 'Alle vindmøller i kommunen står oppført som fyrtårn.',
      })
    ).body;
    const en = (
      await send(consumers[3], { title: 'Turbines listed as lighthouses', description: 'Every turbine is listed as a lighthouse.' })
    ).body;
    expect(en.incidentId).not.toBe(nb.incidentId);
    await t.http
      .post(`/api/v1/incidents/${nb.incidentId}/merge`)
      .set(bearer(t.adminToken))
      .send({ otherIncidentId: en.incidentId })
      .expect(200);
    const lessons: Array<{ feature_a: string; feature_b: string }> = await t
      .get(DataSource)
      .query('SELECT feature_a, feature_b FROM grouping_lesson');
    expect(lessons.length).toBeGreaterThan(0);
    await t.http.post(`/api/v1/incidents/${nb.incidentId}/resolve`).set(bearer(t.adminToken)).send({ message: 'Rettet.' }).expect(200);
    // The same problem again later: worded the Norwegian way first, then the English way.
    await send(consumers[1], { title: 'Vindmøller som fyrtårn igjen', description: 'Vindmøllene står som fyrtårn i svaret.' });
    const later = (await send(consumers[2], { title: 'Turbines as lighthouses', description: 'The turbines are listed as lighthouses.' }))
      .body;
    const detail = await t.http.get(`/api/v1/reports/${later.id}`).set(bearer(t.adminToken)).expect(200);
    const reasons = [...detail.body.match.reasons, ...(detail.body.match.runnerUp?.reasons ?? [])].join('; ');
    expect(reasons).toMatch(/lært av saksbehandlers korrigering/);
  });
});

import { profileOf } from '@domain/incidents/rules/incident-profile';
import { DataSource } from 'typeorm';

import { publishCatalogue, registerConsumer, RegisteredConsumer } from '../../support/fixtures';
import { incidentsWithStaleCounts } from '../../support/stored-data';
import { bearer, createTestApp, TestApp } from '../../support/test-app';

const SERVICES = ['summert-skattegrunnlag', 'inntekt', 'hendelseslister'];

/**
 * The decision to open an incident is serialised per environment: 300 simultaneous reports of
 * one outage open one incident, also when they name different services of one platform-wide
 * cause. Meaningful on PostgreSQL (CI runs it there too); on PGlite transactions are serial anyway.
 */
describe('concurrent intake of one outage', () => {
  let t: TestApp;
  let consumers: RegisteredConsumer[];

  beforeAll(async () => {
    t = await createTestApp({ DATABASE_POOL_SIZE: '20' });
    await publishCatalogue(t, SERVICES);
    consumers = [];
    for (let i = 0; i < 50; i++) consumers.push(await registerConsumer(t, 5000 + i * 13, SERVICES));
  });
  afterAll(() => t.close());

  it('opens exactly one incident for 300 simultaneous reports across services of a Maskinporten outage', async () => {
    const texts = [
      'Maskinporten svarer ikke, vi får ikke token. Alle oppslag feiler.',
      'Token-kall mot Maskinporten feiler med 503 Service Unavailable',
      'Får ikke hentet token fra Maskinporten, timeout',
      'Maskinporten nede? Ingen tilgang til API-et fordi token feiler',
    ];
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        t.http
          .post('/api/v1/reports')
          .set(bearer(consumers[i % consumers.length].key))
          .send({
            service: SERVICES[i % SERVICES.length],
            environment: 'production',
            category: 'incident',
            title: 'Maskinporten feiler',
            description: texts[i % texts.length],
            httpStatus: 503,
            errorCode: 'server_error',
          }),
      ),
    );
    expect(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.text}`)).toEqual([]);
    const incidents = new Set(results.map((r) => r.body.incidentId));
    expect(incidents.size).toBe(1);
    const [{ n }] = await t
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM incident WHERE merged_into_id IS NULL AND environment = 'production'`);
    expect(n).toBe(1);
    const incident = await t.http
      .get(`/api/v1/incidents/${[...incidents][0]}`)
      .set(bearer(t.adminToken))
      .expect(200);
    expect(incident.body.consumerCount).toBe(50);
    expect([...incident.body.services].sort()).toEqual([...SERVICES].sort());
    // The queue's counts are kept on the incident by 300 commits racing for it.
    const queue = await t.http.get('/api/v1/incidents?environment=production').set(bearer(t.adminToken)).expect(200);
    expect(queue.body).toEqual([expect.objectContaining({ id: incident.body.id, reportCount: 300, consumerCount: 50 })]);
    expect(await incidentsWithStaleCounts(t)).toEqual([]);
    // Folded after the commits, in whatever groups they came: every report is in the grouping
    // profile once, the services and the last report are on the incident, and none is left pending.
    const [{ profile, last_seen_at }] = await t.dataSource.query('SELECT profile, last_seen_at FROM incident WHERE id = $1', [
      incident.body.id,
    ]);
    expect(profileOf(profile)).toMatchObject({ reports: 300, withStatus: 300 });
    expect(profileOf(profile).consumers.size).toBe(50);
    const [{ latest }] = await t.dataSource.query('SELECT max(received_at) AS latest FROM report WHERE incident_id = $1', [
      incident.body.id,
    ]);
    expect(last_seen_at).toEqual(latest);
    expect(await t.dataSource.query('SELECT * FROM incident_pending_attachment')).toEqual([]);
  });
});

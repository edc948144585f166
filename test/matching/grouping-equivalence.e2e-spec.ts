/**
 * The evaluation measures the code that runs: the history imported through the API into the
 * database ends in exactly the grouping the in-memory replay computes (same flow, same
 * constants, same candidate window, same profile arithmetic, same corpus statistics).
 */
import { publishCatalogue } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';
import { type DatasetRow, loadDataset } from './labelled-dataset';
import { IMPORT_BATCH, replay } from './replay';

function partition(assignment: ReadonlyMap<string, string>): string[] {
  const groups = new Map<string, string[]>();
  for (const [ref, incident] of assignment) groups.set(incident, [...(groups.get(incident) ?? []), ref]);
  return [...groups.values()].map((g) => g.sort().join(',')).sort();
}

describe('grouping over the database equals the offline replay', () => {
  let t: TestApp;
  // The first weeks of the second public set: outage waves across services, slow deviations, locals.
  const rows: DatasetRow[] = loadDataset('reports-dev2.jsonl')
    .sort((x, y) => x.receivedAt.localeCompare(y.receivedAt))
    .slice(0, 2 * IMPORT_BATCH);

  beforeAll(async () => {
    t = await createTestApp();
    await publishCatalogue(t, [...new Set(rows.map((r) => r.service))]);
    for (const org of new Set(rows.map((r) => r.consumer.orgNumber))) {
      const res = await t.http
        .post('/api/v1/consumers')
        .set(bearer(t.adminToken))
        .send({
          orgNumber: org,
          name: `Kommune ${org}`,
          contacts: [{ name: 'Teknisk', email: `tech-${org}@kommune.example.test`, role: 'technical' }],
          services: [],
        });
      if (res.status !== 201) throw new Error(`consumer ${org}: ${res.status} ${res.text}`);
    }
  }, 120_000);
  afterAll(() => t.close());

  it('imports the history in batches and reaches the same incidents', async () => {
    const stored = new Map<string, string>();
    const ids = new Map<string, string>();
    for (let i = 0; i < rows.length; i += IMPORT_BATCH) {
      const batch = rows.slice(i, i + IMPORT_BATCH);
      const res = await t.http
        .post('/api/v1/reports/import')
        .set(bearer(t.adminToken))
        .send({
          reports: batch.map((r) => ({
            consumerOrgNumber: r.consumer.orgNumber,
            receivedAt: r.receivedAt,
            channel: r.channel,
            service: r.service,
            environment: r.environment,
            category: r.category,
            title: r.title,
            description: r.description,
            ...(r.occurredAt ? { occurredAt: r.occurredAt } : {}),
            ...(r.httpStatus ? { httpStatus: r.httpStatus } : {}),
            ...(r.errorCode ? { errorCode: r.errorCode } : {}),
            ...(r.correlationId ? { correlationId: r.correlationId } : {}),
          })),
        })
        .expect(201);
      batch.forEach((r, j) => ids.set(r.ref, res.body.results[j].id));
    }
    for (const r of rows)
      stored.set(
        r.ref,
        (
          await t.http
            .get(`/api/v1/reports/${ids.get(r.ref)}`)
            .set(bearer(t.adminToken))
            .expect(200)
        ).body.incidentId,
      );
    const offline = await replay(rows);
    expect(partition(stored)).toEqual(partition(offline.assignment));
    expect(new Set(stored.values()).size).toBeLessThan(rows.length / 2);
  }, 300_000);
});

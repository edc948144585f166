import { Client } from 'pg';

import type { RegisteredConsumer } from '../../support/fixtures';
import { reportBody, reportingApp } from '../../support/incident-fixtures';
import { bearer, TestApp } from '../../support/test-app';

/**
 * A request under an Idempotency-Key that another request still holds (its transaction not yet
 * committed) waits for it and is told to retry when it takes too long; once the holder is gone
 * the key is free. Two transactions at once need the server: the embedded database runs one
 * transaction at a time.
 */
describe('a report under an Idempotency-Key another request holds', () => {
  let t: TestApp;
  let a: RegisteredConsumer;

  beforeAll(async () => {
    ({ t, a } = await reportingApp());
  });
  afterAll(() => t?.close());

  it('answers 409 while the holder runs too long, stores nothing, and takes the key once the holder is gone', async () => {
    const body = reportBody({
      environment: 'test',
      title: 'Holdt nøkkel',
      description: 'Sendt mens en annen forespørsel holder nøkkelen.',
    });
    const holder = new Client({ connectionString: t.db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(
        `INSERT INTO idempotency_record (consumer_id, key, request_hash, response_status, response_body) VALUES ($1, 'held', 'other', 0, 'null')`,
        [a.id],
      );
      const busy = await t.http.post('/api/v1/reports').set(bearer(a.key)).set('Idempotency-Key', 'held').send(body).expect(409);
      expect(busy.body.code).toBe('idempotency_in_flight');
      expect(await t.dataSource.query(`SELECT id FROM report WHERE title = 'Holdt nøkkel'`)).toEqual([]);
      await holder.query('ROLLBACK');
    } finally {
      await holder.end();
    }
    const stored = await t.http.post('/api/v1/reports').set(bearer(a.key)).set('Idempotency-Key', 'held').send(body).expect(201);
    const again = await t.http.post('/api/v1/reports').set(bearer(a.key)).set('Idempotency-Key', 'held').send(body).expect(201);
    expect(again.body.id).toBe(stored.body.id);
  });
});

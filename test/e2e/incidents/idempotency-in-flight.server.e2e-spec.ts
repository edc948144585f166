import { Client } from 'pg';

import type { RegisteredConsumer } from '../../support/fixtures';
import { reportBody, reportingApp } from '../../support/incident-fixtures';
import { bearer, TestApp } from '../../support/test-app';

/**
 * A request under an Idempotency-Key that another request still holds (its transaction not yet
 * committed) waits for it and is told to retry when it takes too long; once the holder is gone
 * the key is free. That holds whether the report would open an incident (a transaction of its own)
 * or join one with certainty (the one statement that stores the report and its key, which must not
 * wait on the holder). Two transactions at once need the server: the embedded database runs one
 * transaction at a time.
 */
describe('a report under an Idempotency-Key another request holds', () => {
  let t: TestApp;
  let a: RegisteredConsumer;
  let b: RegisteredConsumer;
  let c: RegisteredConsumer;

  beforeAll(async () => {
    ({ t, a, b, c } = await reportingApp());
  });
  afterAll(() => t?.close());

  /** Holds the key as a request placing its report does, until `release` is called. */
  async function holdKey(key: string): Promise<{ release: () => Promise<void> }> {
    const holder = new Client({ connectionString: t.db.url });
    await holder.connect();
    await holder.query('BEGIN');
    const [{ outcome }] = (await holder.query(`SELECT outcome FROM claim_idempotency_key($1, $2, 'other', '1s')`, [a.id, key])).rows;
    expect(outcome).toBe('claimed');
    return {
      release: async () => {
        await holder.query('ROLLBACK');
        await holder.end();
      },
    };
  }

  it.each([
    [
      'opens an incident',
      'held-opening',
      { service: 'inntekt', errorCode: null, title: 'Holdt nøkkel', description: 'Sendt mens en annen holder nøkkelen.' },
      false,
    ],
    ['joins an open incident with certainty', 'held-joining', {}, true],
  ])(
    'answers 409 while the holder runs too long, stores nothing, and takes the key once the holder is gone: a report that %s',
    async (_, key, over, joins) => {
      const body = reportBody({ environment: 'test', ...over });
      // Another municipality's report of the same outage, stored before: the held report would join it.
      const opened = await t.http
        .post('/api/v1/reports')
        .set(bearer(b.key))
        .send(reportBody({ environment: 'test' }))
        .expect(201);
      const reportsOfA = async () => (await t.dataSource.query(`SELECT id FROM report WHERE consumer_id = $1`, [a.id])).length as number;
      const before = await reportsOfA();

      const holder = await holdKey(key);
      try {
        const busy = await t.http.post('/api/v1/reports').set(bearer(a.key)).set('Idempotency-Key', key).send(body).expect(409);
        expect(busy.body.code).toBe('idempotency_in_flight');
        expect(await reportsOfA()).toBe(before);
      } finally {
        await holder.release();
      }
      const stored = await t.http.post('/api/v1/reports').set(bearer(a.key)).set('Idempotency-Key', key).send(body).expect(201);
      const again = await t.http.post('/api/v1/reports').set(bearer(a.key)).set('Idempotency-Key', key).send(body).expect(201);
      expect(again.body).toEqual(stored.body);
      expect(await reportsOfA()).toBe(before + 1);
      expect(stored.body.incidentId === opened.body.incidentId).toBe(joins);
    },
  );

  it('stores nothing when another request answers the key while the statement that stores the report waits for it, and holds the request to that answer', async () => {
    // Two municipalities' reports of the outage before: the next one joins it with certainty.
    for (const other of [b, c])
      await t.http
        .post('/api/v1/reports')
        .set(bearer(other.key))
        .send(reportBody({ environment: 'test' }))
        .expect(201);
    const before = (await t.dataSource.query(`SELECT id FROM report WHERE consumer_id = $1`, [a.id])).length as number;
    // A writer that skips the key's lock (the app's writers of answers take it) makes the statement
    // wait for its row, and commits an answer meanwhile: the statement then meets a key answered
    // after it began.
    const writer = new Client({ connectionString: t.db.url });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(
        `INSERT INTO idempotency_record (consumer_id, key, request_hash, response_status, response_body) VALUES ($1, 'answered-meanwhile', 'other', 201, '{}')`,
        [a.id],
      );
      const sent = t.http
        .post('/api/v1/reports')
        .set(bearer(a.key))
        .set('Idempotency-Key', 'answered-meanwhile')
        .send(reportBody({ environment: 'test' }));
      const answer = sent.then((r) => r);
      const waiting = await waitForQueryBlockedBy(writer);
      // The statement that stores the report with its key, not a transaction's claim of the key.
      expect(waiting).toMatch(/INSERT INTO report/);
      expect(waiting).not.toMatch(/claim_idempotency_key/);
      await writer.query('COMMIT');
      const refused = await answer;
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('idempotency_key_reused');
    } finally {
      await writer.end();
    }
    expect((await t.dataSource.query(`SELECT id FROM report WHERE consumer_id = $1`, [a.id])).length).toBe(before);
  });
});

/** The text of the query that waits for a lock `holder` holds, once one does (10 s at most). */
async function waitForQueryBlockedBy(holder: Client): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    // The activity a transaction reads is a snapshot taken at its first read: let it see the current one.
    await holder.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await holder.query(`SELECT pid FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))`);
    if (rows.length) {
      // Read its query again: the snapshot above may hold the statement it ran just before the one
      // now blocked (the block is read live, the text from the snapshot). Blocked, it stays put.
      await holder.query('SELECT pg_stat_clear_snapshot()');
      const [{ query }] = (await holder.query(`SELECT query FROM pg_stat_activity WHERE pid = $1`, [rows[0].pid])).rows;
      return query as string;
    }
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('no query came to wait for the lock within 10 s');
}

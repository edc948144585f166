import { publishCatalogue, registerConsumer, type RegisteredConsumer } from '../../support/fixtures';
import { bearer, createTestApp, type TestApp } from '../../support/test-app';

const SERVICE = 'summert-skattegrunnlag';

/**
 * A report's confirmation goes to its consumer's technical contacts, which each process keeps in
 * memory; the database's notice on any write to a contact (here written with SQL, as a tool or
 * another replica would) must empty that copy at once.
 */
describe('consumers: confirmations follow a change of contacts at once', () => {
  let t: TestApp;
  let consumer: RegisteredConsumer;

  beforeAll(async () => {
    t = await createTestApp();
    await publishCatalogue(t, [SERVICE]);
    consumer = await registerConsumer(t, 518, [SERVICE]);
  });
  afterAll(() => t?.close());

  /** The addresses the confirmation of a new report was queued for. */
  async function confirmedTo(): Promise<string[]> {
    const res = await t.http
      .post('/api/v1/reports')
      .set(bearer(consumer.key))
      .send({
        service: SERVICE,
        environment: 'test',
        category: 'incident',
        title: 'Oppslag feiler',
        description: 'Oppslag feiler med 500.',
      })
      .expect(201);
    const rows = await t.dataSource.query(`SELECT to_addresses FROM outbox_message WHERE dedupe_key = $1`, [
      `report-confirmation:${res.body.id}`,
    ]);
    return (rows[0]?.to_addresses ?? []) as string[];
  }

  it('writes to a changed, an added and no longer to a removed technical contact from the next report on', async () => {
    const [technical] = consumer.emails;
    const moved = `ny-${technical}`;
    const added = `vakt-${technical}`;
    expect(await confirmedTo()).toEqual([technical]);

    await t.dataSource.query(`UPDATE consumer_contact SET email = $1 WHERE email = $2`, [moved, technical]);
    expect(await confirmedTo()).toEqual([moved]);

    await t.dataSource.query(`INSERT INTO consumer_contact (consumer_id, name, email, role) VALUES ($1, 'Vakt', $2, 'technical')`, [
      consumer.id,
      added,
    ]);
    expect((await confirmedTo()).sort()).toEqual([added, moved].sort());

    await t.dataSource.query(`DELETE FROM consumer_contact WHERE email = $1`, [moved]);
    expect(await confirmedTo()).toEqual([added]);
  });
});

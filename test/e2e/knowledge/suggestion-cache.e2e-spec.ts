import { publishCatalogue, registerConsumer, type RegisteredConsumer } from '../../support/fixtures';
import { bearer, createTestApp, type TestApp } from '../../support/test-app';

const SERVICE = 'summert-skattegrunnlag';
const ARTICLE = 'leverandor-maskinporten';

/**
 * Intake scores every report against the published articles, which each process keeps in
 * memory; the database's notice on any write to an article must empty that copy at once.
 */
describe('knowledge: the articles suggested on intake follow a change at once', () => {
  let t: TestApp;
  let consumer: RegisteredConsumer;

  beforeAll(async () => {
    t = await createTestApp();
    await publishCatalogue(t, [SERVICE]);
    consumer = await registerConsumer(t, 517, [SERVICE]);
  });
  afterAll(() => t?.close());

  /** The articles stored with a new report whose text the article answers. */
  async function suggestedOnIntake(): Promise<string[]> {
    const res = await t.http
      .post('/api/v1/reports')
      .set(bearer(consumer.key))
      .send({
        service: SERVICE,
        environment: 'test',
        category: 'incident',
        title: 'Leverandøren vår får unauthorized_client fra Maskinporten',
        description: 'Leverandøren vår får unauthorized_client fra Maskinporten når de henter token.',
      })
      .expect(201);
    const [row] = await t.dataSource.query(`SELECT suggested_articles FROM report WHERE id = $1`, [res.body.id]);
    return row.suggested_articles as string[];
  }

  const setStatus = (status: string) => t.dataSource.query(`UPDATE knowledge_article SET status = $1 WHERE slug = $2`, [status, ARTICLE]);

  it('stops suggesting an archived article with the next report, and suggests it again once published', async () => {
    expect(await suggestedOnIntake()).toContain(ARTICLE);
    await setStatus('archived');
    expect(await suggestedOnIntake()).not.toContain(ARTICLE);
    await setStatus('published');
    expect(await suggestedOnIntake()).toContain(ARTICLE);
  });
});

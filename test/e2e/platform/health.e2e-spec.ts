import { bearer, createTestApp, TestApp } from '../../support/test-app';

describe('health, identity and API docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers /health with the database up', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body.info.database.status).toBe('up');
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/v1/me');
  });

  it('tells the bootstrap admin who they are', async () => {
    const res = await t.http.get('/api/v1/me').set(bearer(t.adminToken)).expect(200);
    expect(res.body).toMatchObject({ kind: 'staff', role: 'admin' });
  });

  it('answers 401 with a problem document without credentials', async () => {
    const res = await t.http.get('/api/v1/me').expect(401);
    expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

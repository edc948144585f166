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

  it('answers /health/live without credentials, and documents it', async () => {
    const res = await t.http.get('/health/live').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['content-type']).toContain('application/json');
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    expect(doc.paths['/health/live'].get.responses['200']).toBeDefined();
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/v1/me');
  });

  it('serves the Inter typeface the theme names, from this site, and a favicon', async () => {
    const login = await t.http.get('/login').expect(200);
    for (const weight of [400, 500, 600]) expect(login.text).toContain(`href="/assets/inter/${weight}.css"`);
    const css = await t.http.get('/assets/inter/400.css').expect(200);
    expect(css.headers['content-type']).toContain('text/css');
    const font = /url\(\.\/(files\/inter-latin-400-normal\.woff2)\)/.exec(css.text)?.[1];
    expect(font).toBeDefined();
    const file = await t.http.get(`/assets/inter/${font}`).expect(200);
    expect(file.headers['content-type']).toContain('font/woff2');
    expect((await t.http.get('/favicon.ico').expect(301)).headers.location).toBe('/assets/favicon.svg');
    expect((await t.http.get('/assets/favicon.svg').expect(200)).headers['content-type']).toContain('image/svg+xml');
  });

  it('lets no cache keep pages or API answers, only the static assets', async () => {
    expect((await t.http.get('/api/v1/me').set(bearer(t.adminToken)).expect(200)).headers['cache-control']).toBe('no-store');
    expect((await t.http.get('/api/v1/me').expect(401)).headers['cache-control']).toBe('no-store');
    expect((await t.http.get('/login').expect(200)).headers['cache-control']).toBe('no-store');
    expect((await t.http.get('/assets/app.css').expect(200)).headers['cache-control']).not.toContain('no-store');
  });

  it('tells the bootstrap admin who they are', async () => {
    const res = await t.http.get('/api/v1/me').set(bearer(t.adminToken)).expect(200);
    expect(res.body).toMatchObject({ kind: 'staff', role: 'admin' });
  });

  it('finds a path written with other capitals or a trailing slash', async () => {
    expect((await t.http.get('/Login/').expect(200)).headers['content-type']).toContain('text/html');
    expect((await t.http.get('/API/v1/Me').set(bearer(t.adminToken)).expect(200)).body).toMatchObject({ kind: 'staff' });
  });

  it('answers 401 with a problem document without credentials', async () => {
    const res = await t.http.get('/api/v1/me').expect(401);
    expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

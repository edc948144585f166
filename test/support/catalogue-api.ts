import { bearer, TestApp } from './test-app';

export const V = '/api/v1/catalogue/versions';

/** The catalogue's JSON API as the bootstrap admin calls it; `app` is read at call time (set in beforeAll). */
export function catalogueApi(app: () => TestApp) {
  const admin = () => bearer(app().adminToken);
  const post = (path: string, body?: object) =>
    app()
      .http.post(path)
      .set(admin())
      .send(body ?? {});
  const put = (path: string, body: object) => app().http.put(path).set(admin()).send(body);
  const get = (path: string) => app().http.get(path).set(admin());
  return {
    post,
    put,
    get,
    /** The fields a 400 answer names. */
    fields: (res: { body: { fields?: Array<{ field: string }> } }) => (res.body.fields ?? []).map((f) => f.field),
    versionCount: async () => (await get(V).expect(200)).body.length as number,
    async publishedVersion(label: string, effectiveFrom: string, services: object[]) {
      const created = await post(V, { label, effectiveFrom, services }).expect(201);
      return (await post(`${V}/${created.body.id}/publish`).expect(200)).body;
    },
  };
}

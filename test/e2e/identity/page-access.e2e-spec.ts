import { randomUUID } from 'node:crypto';

import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';

import { ACCESS, type AccessRule } from '../../../apps/api/src/auth/access.decorator';
import { consumerRegistryApp, OSLO, registered } from '../../support/consumer-fixtures';
import { type PortalBrowser, portalSignIn } from '../../support/staff-session';
import { bearer, TestApp } from '../../support/test-app';

interface Route {
  method: 'GET' | 'POST';
  path: string;
  permission?: string;
}

/** Every admin (or portal) page of the app, read from the controllers' own decorators, with its path parameters filled in by `id`. */
function pagesOf(t: TestApp, kind: 'staff' | 'portal', id: string): Route[] {
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const rule: AccessRule | undefined = Reflect.getMetadata(ACCESS, handler) ?? Reflect.getMetadata(ACCESS, controller);
        const verb = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (rule?.page !== kind || (verb !== RequestMethod.GET && verb !== RequestMethod.POST)) continue;
        const path = `/${[base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')].filter(Boolean).join('/')}`
          .replace(/\/+/g, '/')
          .replace(/\/$/, '')
          .replace(/:[A-Za-z]+/g, (param) => (param === ':tab' ? 'history' : id));
        routes.push({ method: verb === RequestMethod.GET ? 'GET' : 'POST', path: path || '/', permission: rule.permission });
      }
    }
  }
  return routes;
}

describe('pages and the credentials they take', () => {
  let t: TestApp;
  let key: string;
  let portal: PortalBrowser;
  let pages: Route[];

  beforeAll(async () => {
    t = await consumerRegistryApp();
    const oslo = await registered(t, OSLO);
    key = (await t.http.post(`/api/v1/consumers/${oslo.id}/api-keys`).set(bearer(t.adminToken)).send({}).expect(201)).body.key;
    portal = await portalSignIn(t, OSLO.contacts[0].email);
    // The consumer's own id where a page takes one: the page must be refused even about itself.
    pages = pagesOf(t, 'staff', oslo.id);
  });
  afterAll(() => t?.close());

  it('finds the admin pages, those guarded by a permission consumers also hold among them', () => {
    expect(pages.length).toBeGreaterThan(50);
    // Registering a report, a ticket or reading the knowledge base are consumer rights on the API and the portal.
    expect(pages).toEqual(
      expect.arrayContaining([
        { method: 'GET', path: '/incidents/reports/new', permission: 'report.create' },
        { method: 'GET', path: '/tickets/new', permission: 'ticket.open' },
        expect.objectContaining({ method: 'GET', path: '/knowledge-base', permission: 'knowledge-article.read' }),
      ]),
    );
  });

  it("refuses a consumer's API key on every admin page", async () => {
    const answered: string[] = [];
    for (const page of pages) {
      const res = await t.http[page.method === 'GET' ? 'get' : 'post'](page.path).set(bearer(key)).set('Accept', 'text/html');
      if (res.status !== 403) answered.push(`${page.method} ${page.path} ${res.status}`);
    }
    expect(answered).toEqual([]);
  });

  it('sends a portal session to the staff sign-in from every admin page, and lets no form through', async () => {
    const answered: string[] = [];
    for (const page of pages) {
      const res = page.method === 'GET' ? await portal.get(page.path) : await portal.post(page.path, {});
      const refused =
        page.method === 'GET' ? res.status === 303 && String(res.headers.location).startsWith('/login?next=') : res.status === 401;
      if (!refused) answered.push(`${page.method} ${page.path} ${res.status}`);
    }
    expect(answered).toEqual([]);
  });

  it('answers every form posted with no body at all as a form with no fields, never with a server error', async () => {
    const failed: string[] = [];
    const posts = (kind: 'staff' | 'portal') => pagesOf(t, kind, randomUUID()).filter((p) => p.method === 'POST');
    for (const [credential, page] of [
      ...posts('staff').map((p) => [t.adminToken, p] as const),
      ...posts('portal').map((p) => [key, p] as const),
    ]) {
      const res = await t.http.post(page.path).set(bearer(credential)).set('Accept', 'text/html');
      if (res.status >= 500) failed.push(`${page.path} ${res.status}`);
    }
    expect(posts('portal').length).toBeGreaterThan(5);
    expect(failed).toEqual([]);
  });

  it('still opens the consumer list of the staff report form to staff', async () => {
    const form = await t.http.get('/incidents/reports/new').set(bearer(t.adminToken)).expect(200);
    expect(form.text).toContain(OSLO.name);
  });
});

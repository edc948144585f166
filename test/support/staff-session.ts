import { randomInt } from 'node:crypto';

import { CreateApiToken, CreateStaffUser, SetPassword } from '@domain/identity';
import { type StaffRole, SYSTEM_ACTOR } from '@domain/shared';
import type { Response } from 'supertest';

import type { TestApp } from './test-app';

export const TEST_PASSWORD = 'et-langt-testpassord-2030';

/** The cookies a response sets, by name (an empty value means the cookie was cleared). */
export function cookiesSet(res: Response): Record<string, string> {
  const header = res.headers['set-cookie'] as unknown as string[] | string | undefined;
  const list = Array.isArray(header) ? header : header ? [header] : [];
  return Object.fromEntries(list.map((c) => /^([^=]+)=([^;]*)/.exec(c)!).map((m) => [m[1], decodeURIComponent(m[2])]));
}

/** The raw Set-Cookie line for one cookie, to check its attributes. */
export function setCookieLine(res: Response, name: string): string | undefined {
  const header = res.headers['set-cookie'] as unknown as string[] | string | undefined;
  return (Array.isArray(header) ? header : header ? [header] : []).find((c) => c.startsWith(`${name}=`));
}

export function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('; ');
}

/** The hidden `_csrf` value of the first form on a page. */
export function formCsrf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no _csrf field on the page');
  return m[1];
}

/** A made-up client address, so throttling of login forms by address does not bite between tests. */
export function someIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** A signed-in browser: the session cookie plus the session's CSRF token for forms. */
export interface StaffBrowser {
  cookies: Record<string, string>;
  csrf: string;
  ip: string;
  get(path: string): ReturnType<TestApp['http']['get']>;
  /** Posts a form with the session's CSRF token (pass `_csrf` to override it). */
  post(path: string, form?: Record<string, string>): ReturnType<TestApp['http']['post']>;
}

/** Opens a GET form page without a session: returns its double-submit cookie and hidden token. */
export async function openForm(
  t: TestApp,
  path: string,
  ip = someIp(),
): Promise<{ cookies: Record<string, string>; csrf: string; html: string }> {
  const page = await t.http.get(path).set('X-Forwarded-For', ip).expect(200);
  return { cookies: cookiesSet(page), csrf: formCsrf(page.text), html: page.text };
}

/** Opens a form page and posts it back as a browser would: from `ip`, with the page's cookie and token. */
async function submitForm(t: TestApp, path: string, fields: Record<string, string>, ip: string, expected?: number): Promise<Response> {
  const form = await openForm(t, path, ip);
  const sent = t.http.post(path).set('X-Forwarded-For', ip).set('Cookie', cookieHeader(form.cookies)).type('form');
  return expected ? sent.send({ ...fields, _csrf: form.csrf }).expect(expected) : sent.send({ ...fields, _csrf: form.csrf });
}

/** Posts the login form as a browser would; returns the raw response (303 on success). */
export function postLogin(t: TestApp, email: string, password: string, ip = someIp()): Promise<Response> {
  return submitForm(t, '/login', { email, password, next: '/' }, ip);
}

/**
 * Uses an e-mailed portal sign-in link as a browser does: opens it (which spends nothing) and
 * presses «Logg inn». Returns the answer to the press (303 with the portal session's cookie).
 */
export function usePortalLink(t: TestApp, path: string, ip = someIp()): Promise<Response> {
  return submitForm(t, path, {}, ip, 303);
}

/** A municipality's contact signed in to the portal: pages read and forms posted with its session and a fresh CSRF token. */
export interface PortalBrowser {
  get(path: string): ReturnType<TestApp['http']['get']>;
  post(path: string, form: Record<string, string>): Promise<Response>;
}

/** Asks for a portal sign-in link for `email` as a browser would, and returns the path of the link the e-mail carries. */
export async function requestPortalLink(t: TestApp, email: string, ip = someIp()): Promise<string> {
  await submitForm(t, '/portal/login', { email }, ip, 200);
  const [row] = await t.dataSource.query(
    `SELECT text FROM outbox_message WHERE template = 'portal-sign-in' AND $1 = ANY(to_addresses) ORDER BY created_at DESC LIMIT 1`,
    [email],
  );
  return new URL(/https?:\/\/\S+\/portal\/login\/\S+/.exec(row.text)![0]).pathname;
}

/** Signs a consumer's contact in to the portal with the e-mailed link, as a browser would. */
export async function portalSignIn(t: TestApp, email: string): Promise<PortalBrowser> {
  const signedIn = await usePortalLink(t, await requestPortalLink(t, email));
  const cookie = (signedIn.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('sd_portal='))!.split(';')[0];
  const get = (path: string) => t.http.get(path).set('Cookie', cookie);
  return {
    get,
    async post(path, fields) {
      const csrf = formCsrf((await get('/portal').expect(200)).text);
      return t.http
        .post(path)
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: csrf, ...fields });
    },
  };
}

/** Signs in through the login form and picks up the session's CSRF token from a page. */
export async function signIn(t: TestApp, email: string, password = TEST_PASSWORD, ip = someIp()): Promise<StaffBrowser> {
  const res = await postLogin(t, email, password, ip);
  if (res.status !== 303) throw new Error(`login as ${email} failed: ${res.status}`);
  const cookies = cookiesSet(res);
  const home = await t.http.get('/').set('Cookie', cookieHeader(cookies)).set('X-Forwarded-For', ip).expect(200);
  const csrf = formCsrf(home.text);
  return {
    cookies,
    csrf,
    ip,
    get: (path) => t.http.get(path).set('Cookie', cookieHeader(cookies)).set('X-Forwarded-For', ip),
    post: (path, form = {}) =>
      t.http
        .post(path)
        .set('Cookie', cookieHeader(cookies))
        .set('X-Forwarded-For', ip)
        .type('form')
        .send({ _csrf: csrf, ...form }),
  };
}

/** Creates a staff user with a password, in-process (the HTTP path has tests of its own). */
export async function createStaffWithPassword(t: TestApp, email: string, role: StaffRole, password = TEST_PASSWORD): Promise<string> {
  const { user, link } = await t.get(CreateStaffUser).execute({ email, role, name: email.split('@')[0] }, SYSTEM_ACTOR);
  await t.get(SetPassword).execute(decodeURIComponent(link.split('/password/')[1]), password, null);
  return user.id;
}

export interface StaffWithToken {
  id: string;
  email: string;
  /** A personal API token of the user, for Bearer calls. */
  token: string;
}

/** A staff user (with a password when asked) and a personal API token, made in-process. */
export async function createStaffWithToken(
  t: TestApp,
  role: StaffRole,
  { email = `${role}@ks.example.test`, password = false }: { email?: string; password?: boolean } = {},
): Promise<StaffWithToken> {
  const name = email.split('@')[0];
  const id = password
    ? await createStaffWithPassword(t, email, role)
    : (await t.get(CreateStaffUser).execute({ email, role, name }, SYSTEM_ACTOR)).user.id;
  const { token } = await t.get(CreateApiToken).execute({ kind: 'staff', id, email, name, role, via: 'token' }, 'test', SYSTEM_ACTOR);
  return { id, email, token };
}

import { createStaffWithPassword, signIn, type StaffBrowser } from '../../support/staff-session';
import { createTestApp, TestApp } from '../../support/test-app';

const TAKEN = 'Det finnes allerede en bruker med denne e-postadressen.';

/** The "Ny bruker" form, from its heading to its end. */
const newUserForm = (html: string) => html.slice(html.indexOf('Ny bruker</h2>'), html.indexOf('</form>', html.indexOf('Ny bruker</h2>')));
const chosenRole = (form: string) => /<select[^>]*id="new-role"[\s\S]*?<option value="([a-z]+)" selected>/.exec(form)?.[1];
const occurrences = (html: string, text: string) => html.split(text).length - 1;

describe('the staff users page', () => {
  let t: TestApp;
  let admin: StaffBrowser;

  beforeAll(async () => {
    t = await createTestApp();
    await createStaffWithPassword(t, 'admin.sider@ks.example.test', 'admin');
    await createStaffWithPassword(t, 'finnes.fra.for@ks.example.test', 'agent');
    admin = await signIn(t, 'admin.sider@ks.example.test');
  });
  afterAll(() => t?.close());

  it('offers the least privileged role on a fresh "Ny bruker" form', async () => {
    const form = newUserForm((await admin.get('/staff').expect(200)).text);
    expect(chosenRole(form)).toBe('viewer');
    expect(form).toContain('id="new-email" name="email" type="email" required value=""');
  });

  it.each([
    ['an e-mail already in use', { email: 'finnes.fra.for@ks.example.test', name: 'Kari Nordmann', role: 'security' }, 409, TAKEN],
    ['an e-mail that is not one', { email: 'ikke-en-adresse', name: 'Ola Nordmann', role: 'agent' }, 400, 'Skriv en gyldig e-postadresse.'],
  ])('keeps what was typed, the role included, after %s, and says why once beside the field', async (_case, form, status, message) => {
    const res = await admin.post('/staff', form).expect(status);
    const shown = newUserForm(res.text);
    expect(shown).toContain(`value="${form.email}"`);
    expect(shown).toContain(`value="${form.name}"`);
    expect(chosenRole(shown)).toBe(form.role);
    expect(shown).toMatch(new RegExp(`id="new-email-error">${message}</div>`));
    expect(shown).toContain('aria-invalid="true" aria-describedby="new-email-error"');
    expect(shown).toContain('<a class="ds-link" href="#new-email">E-post</a>');
    expect(occurrences(res.text, message)).toBe(1);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM staff_user WHERE email = $1`, [form.email]);
    expect(n).toBe(form.email.startsWith('finnes') ? 1 : 0);
  });

  it("offers no deactivation or role change on the admin's own row, which would be refused, and both on the others'", async () => {
    const html = (await admin.get('/staff').expect(200)).text;
    const rowOf = (email: string) => {
      const at = html.indexOf(`<td>${email}</td>`);
      return html.slice(at, html.indexOf('</tr>', at));
    };
    const own = rowOf('admin.sider@ks.example.test');
    expect(own).not.toContain('name="active"');
    expect(own).not.toContain('name="role"');
    expect(own).toContain('(deg)');
    expect(own).toContain('Ny passordlenke');
    const other = rowOf('finnes.fra.for@ks.example.test');
    expect(other).toContain('name="active" value="false"');
    expect(other).toContain('name="role"');
  });
});

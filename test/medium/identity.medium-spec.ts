import { ListAuditEntries } from '@domain/audit';
import {
  AuthenticateStaff,
  BootstrapAdmin,
  CreateApiToken,
  CreateStaffUser,
  ListApiTokens,
  ListStaffUsers,
  ResetStaffPassword,
  RevokeApiToken,
  SetPassword,
  SignIn,
  UpdateStaffUser,
} from '@domain/identity';
import { hashToken } from '@platform/security';

import { TEST_PASSWORD } from '../support/staff-session';
import { domainError, MediumContext, MediumStaff } from './medium-context';

const MAX_FAILURES = 3;

/** The one-time token in a password link. */
const linkToken = (link: string) => decodeURIComponent(link.split('/password/')[1]);

describe('identity: staff, passwords, sessions and API tokens (use cases on the database)', () => {
  let ctx: MediumContext;
  const admin = () => ctx.admin.actor;
  const signIn = (email: string, password = TEST_PASSWORD) => ctx.get(SignIn).execute(email, password, '10.1.2.3', 'jest');
  const staffRow = async (id: string) =>
    (
      await ctx.query<{ failed_logins: number; locked: boolean; password_hash: string | null; active: boolean }>(
        `SELECT failed_logins, coalesce(locked_until > now(), false) AS locked, password_hash, active FROM staff_user WHERE id = $1`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    ctx = await MediumContext.create({ LOGIN_MAX_FAILURES: String(MAX_FAILURES) });
  });
  afterAll(() => ctx?.close());

  describe('staff users', () => {
    it('are created with a normalised address and a password link, e-mailed when asked; an address only once', async () => {
      const { user, link } = await ctx
        .get(CreateStaffUser)
        .execute({ email: ' Kari.Nordmann@KS.Example.test ', name: 'Kari Nordmann', role: 'agent', sendEmail: true }, admin());
      expect(user).toMatchObject({ email: 'kari.nordmann@ks.example.test', name: 'Kari Nordmann', role: 'agent', active: true });
      expect(link.startsWith(`${ctx.config.publicUrl}/password/`)).toBe(true);
      expect(await ctx.get(SetPassword).isUsable(linkToken(link))).toBe(true);
      const mails = await ctx.query<{ to_addresses: string[]; text: string }>(
        `SELECT to_addresses, text FROM outbox_message WHERE template = 'password-set' AND $1 = ANY(to_addresses)`,
        [user.email],
      );
      expect(mails).toEqual([{ to_addresses: [user.email], text: expect.stringContaining(link) }]);
      expect(
        await domainError(ctx.get(CreateStaffUser).execute({ email: 'KARI.nordmann@ks.example.test', role: 'viewer' }, admin())),
      ).toMatchObject({ kind: 'conflict', code: 'staff_email_taken' });
    });

    it('need an e-mail address and a known role', async () => {
      const error = await domainError(ctx.get(CreateStaffUser).execute({ email: 'ikke-en-adresse', role: 'boss' as never }, admin()));
      expect(error.fields.map((f) => f.field)).toEqual(['email', 'role']);
    });

    it('cannot take away their own admin role or deactivate themselves (cannot_demote_self)', async () => {
      const other = await ctx.newStaff({ role: 'admin' });
      for (const change of [{ role: 'agent' as const }, { active: false }])
        expect(await domainError(ctx.get(UpdateStaffUser).execute(other.id, change, other.actor))).toMatchObject({
          code: 'cannot_demote_self',
        });
      expect(await ctx.get(UpdateStaffUser).execute(other.id, { role: 'viewer' }, admin())).toMatchObject({ role: 'viewer' });
      expect(await domainError(ctx.get(UpdateStaffUser).execute('00000000-0000-4000-8000-000000000000', {}, admin()))).toMatchObject({
        kind: 'not-found',
      });
    });

    it('keep at least one active administrator (last_admin)', async () => {
      const other = await ctx.newStaff({ role: 'admin' });
      const bootstrap = ctx.admin;
      // The other admin takes the first one's role; then no one may take the other's.
      expect(await ctx.get(UpdateStaffUser).execute(bootstrap.id, { role: 'agent' }, other.actor)).toMatchObject({ role: 'agent' });
      for (const change of [{ role: 'viewer' as const }, { active: false }])
        expect(await domainError(ctx.get(UpdateStaffUser).execute(other.id, change, admin()))).toMatchObject({ code: 'last_admin' });
      expect(await ctx.get(UpdateStaffUser).execute(bootstrap.id, { role: 'admin' }, other.actor)).toMatchObject({ role: 'admin' });
      expect(await ctx.get(UpdateStaffUser).execute(other.id, { active: false }, admin())).toMatchObject({ active: false });
    });

    it('lose their sessions and tokens when deactivated, and get them working again only by a new sign-in', async () => {
      const staff = await ctx.newStaff({ password: true });
      const { cookieValue } = await signIn(staff.email);
      const { token } = await ctx.get(CreateApiToken).execute(staff.principal, 'Fagsystem', staff.actor);
      await ctx.get(UpdateStaffUser).execute(staff.id, { active: false }, admin());
      expect(await ctx.get(AuthenticateStaff).bySession(cookieValue)).toBeNull();
      expect(await ctx.get(AuthenticateStaff).byToken(token)).toBeNull();
      expect(await domainError(signIn(staff.email))).toMatchObject({ code: 'invalid_credentials' });
      expect((await ctx.get(ListStaffUsers).execute()).find((u) => u.id === staff.id)).toMatchObject({ active: false });

      await ctx.get(UpdateStaffUser).execute(staff.id, { active: true }, admin());
      expect(await ctx.get(AuthenticateStaff).byToken(token)).toMatchObject({ id: staff.id });
      expect(await ctx.get(AuthenticateStaff).bySession(cookieValue)).toBeNull();
      expect(await ctx.get(AuthenticateStaff).bySession((await signIn(staff.email)).cookieValue)).toMatchObject({ id: staff.id });
    });

    it('are bootstrapped only on a database without staff', async () => {
      expect(await ctx.get(BootstrapAdmin).execute()).toBe('ignored');
      expect(await ctx.get(ListAuditEntries).execute({ action: 'staff.bootstrapped' })).toHaveLength(1);
    });
  });

  describe('passwords', () => {
    it('are set once through the link, stored as argon2id, and too short ones leave the link usable', async () => {
      const { user, link } = await ctx.get(CreateStaffUser).execute({ email: 'ny.ansatt@ks.example.test', role: 'agent' }, admin());
      const token = linkToken(link);
      expect(await domainError(ctx.get(SetPassword).execute(token, 'kort', null))).toMatchObject({
        code: 'weak_password',
        fields: [{ field: 'password' }],
      });
      expect(await ctx.get(SetPassword).isUsable(token)).toBe(true);
      await ctx.get(SetPassword).execute(token, TEST_PASSWORD, '10.0.0.9');
      expect((await staffRow(user.id)).password_hash).toMatch(/^\$argon2id\$/);
      expect(await ctx.get(SetPassword).isUsable(token)).toBe(false);
      expect(await domainError(ctx.get(SetPassword).execute(token, 'et-annet-langt-passord', null))).toMatchObject({
        kind: 'not-found',
        code: 'password_link_invalid',
      });
      expect((await ctx.get(ListAuditEntries).execute({ objectId: user.id })).map((e) => e.action)).toEqual([
        'staff.password_set',
        'staff.created',
      ]);
    });

    it('end every session of the account when set again', async () => {
      const staff = await ctx.newStaff({ password: true });
      const { cookieValue } = await signIn(staff.email);
      const { link } = await ctx.get(ResetStaffPassword).byAdmin(staff.email, admin());
      await ctx.get(SetPassword).execute(linkToken(link), 'et-nytt-langt-passord-2031', null);
      expect(await ctx.get(AuthenticateStaff).bySession(cookieValue)).toBeNull();
      expect(await domainError(signIn(staff.email))).toMatchObject({ code: 'invalid_credentials' });
      await expect(signIn(staff.email, 'et-nytt-langt-passord-2031')).resolves.toMatchObject({ cookieValue: expect.any(String) });
    });
  });

  describe('sign-in', () => {
    it('opens a session known only by its hash, which authenticates with its CSRF token', async () => {
      const staff = await ctx.newStaff({ role: 'viewer', password: true });
      const { cookieValue, expiresAt } = await signIn(` ${staff.email.toUpperCase()} `);
      expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + (ctx.config.sessionTtlHours - 1) * 3_600_000);
      const [session] = await ctx.query<{ id_hash: string; ip: string }>('SELECT id_hash, ip FROM staff_session WHERE staff_id = $1', [
        staff.id,
      ]);
      expect(session).toEqual({ id_hash: hashToken(cookieValue), ip: '10.1.2.3' });
      expect(await ctx.get(AuthenticateStaff).bySession(cookieValue)).toMatchObject({
        kind: 'staff',
        id: staff.id,
        role: 'viewer',
        via: 'session',
        csrfToken: expect.any(String),
      });
    });

    it(`locks the account after ${MAX_FAILURES} wrong passwords, refusing even the right one until the lock ends`, async () => {
      const staff = await ctx.newStaff({ password: true });
      for (let i = 1; i <= MAX_FAILURES; i++) {
        expect(await domainError(signIn(staff.email, `feil-passord-${i}`))).toMatchObject({
          kind: 'unauthenticated',
          code: 'invalid_credentials',
        });
        expect(await staffRow(staff.id)).toMatchObject({ failed_logins: i, locked: i === MAX_FAILURES });
      }
      // The same answer as for a wrong password or an unknown address: it must not reveal the account.
      expect(await domainError(signIn(staff.email))).toMatchObject({ kind: 'unauthenticated', code: 'invalid_credentials' });
      expect(await ctx.query('SELECT id_hash FROM staff_session WHERE staff_id = $1', [staff.id])).toEqual([]);

      await ctx.query(`UPDATE staff_user SET locked_until = now() - interval '1 second' WHERE id = $1`, [staff.id]);
      await signIn(staff.email);
      expect(await staffRow(staff.id)).toMatchObject({ failed_logins: 0, locked: false });
    });

    it('answers an unknown address like a wrong password, and audits the attempt without an object', async () => {
      expect(await domainError(signIn('ingen@ks.example.test'))).toMatchObject({ code: 'invalid_credentials' });
      expect(await ctx.get(ListAuditEntries).execute({ actor: 'ingen@ks.example.test' })).toEqual([
        expect.objectContaining({ action: 'login.failed', objectId: null, actorKind: 'anonymous' }),
      ]);
    });
  });

  describe('personal API tokens', () => {
    let agent: MediumStaff;
    let viewer: MediumStaff;
    beforeAll(async () => {
      [agent, viewer] = [await ctx.newStaff(), await ctx.newStaff({ role: 'viewer' })];
    });

    it('are shown once, kept as a hash, and authenticate their owner', async () => {
      const created = await ctx.get(CreateApiToken).execute(agent.principal, ' Saksbehandling ', agent.actor);
      expect(created.token).toMatch(/^sdt_[\w-]{43}$/);
      const [row] = await ctx.query<{ name: string; token_hash: string }>('SELECT name, token_hash FROM api_token WHERE id = $1', [
        created.id,
      ]);
      expect(row).toEqual({ name: 'Saksbehandling', token_hash: hashToken(created.token) });
      expect(await ctx.get(AuthenticateStaff).byToken(created.token)).toMatchObject({ id: agent.id, via: 'token' });
      expect(await domainError(ctx.get(CreateApiToken).execute(agent.principal, '  ', agent.actor))).toMatchObject({
        fields: [{ field: 'name' }],
      });
    });

    it('are listed to their owner; only an admin sees everyone’s', async () => {
      const mine = await ctx.get(CreateApiToken).execute(viewer.principal, 'Lesetilgang', viewer.actor);
      const own = await ctx.get(ListApiTokens).execute(viewer.principal, true);
      expect(own.map((t) => t.id)).toContain(mine.id);
      expect(own.every((t) => t.staffId === viewer.id)).toBe(true);
      const all = await ctx.get(ListApiTokens).execute(ctx.admin.principal, true);
      expect(all.map((t) => t.id)).toContain(mine.id);
      expect(all.some((t) => t.staffId === ctx.admin.id)).toBe(true);
    });

    it('are revoked by their owner or an admin, not by someone else, and stop working at once', async () => {
      const token = await ctx.get(CreateApiToken).execute(agent.principal, 'Skal trekkes', agent.actor);
      expect(await domainError(ctx.get(RevokeApiToken).execute(viewer.principal, token.id, viewer.actor))).toMatchObject({
        kind: 'not-found',
      });
      expect(await ctx.get(AuthenticateStaff).byToken(token.token)).not.toBeNull();
      await ctx.get(RevokeApiToken).execute(agent.principal, token.id, agent.actor);
      expect(await ctx.get(AuthenticateStaff).byToken(token.token)).toBeNull();

      const other = await ctx.get(CreateApiToken).execute(viewer.principal, 'Trekkes av admin', viewer.actor);
      await ctx.get(RevokeApiToken).execute(ctx.admin.principal, other.id, admin());
      expect(await ctx.get(AuthenticateStaff).byToken(other.token)).toBeNull();
      expect((await ctx.get(ListAuditEntries).execute({ objectId: token.id })).map((e) => e.action)).toEqual([
        'api_token.revoked',
        'api_token.created',
      ]);
    });
  });
});

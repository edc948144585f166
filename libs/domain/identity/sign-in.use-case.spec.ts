import type { AuditEvent, RecordAudit } from '@domain/audit';
import { loadConfig } from '@platform/config';
import { hashToken } from '@platform/security';
import argon2 from 'argon2';

import { InvalidCredentials } from './identity.exceptions';
import { SignIn } from './sign-in.use-case';
import type { StaffSessionRepository } from './staff-session.repository';
import { StaffSessionIssuer } from './staff-session-issuer';
import type { StaffUser } from './staff-user.entity';
import type { StaffUserRepository } from './staff-user.repository';

const PASSWORD = 'riktig-passord-123';

describe('SignIn', () => {
  let passwordHash: string;
  beforeAll(async () => {
    passwordHash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
  });

  function setup(user: Partial<StaffUser> | null, failedLoginLocks = false) {
    const stored = user ? ({ id: 'u1', email: 'kari@ks.no', active: true, passwordHash, lockedUntil: null, ...user } as StaffUser) : null;
    const calls = {
      failed: [] as unknown[][],
      sessions: [] as Array<{ idHash: string; staffId: string; csrfToken: string; expiresAt: Date }>,
      succeeded: [] as string[],
    };
    const staffUsers = {
      findByEmail: jest.fn(async (email: string) => (stored && stored.email === email ? stored : null)),
      recordFailedLogin: jest.fn(async (...args: unknown[]) => {
        calls.failed.push(args);
        return { locked: failedLoginLocks };
      }),
      recordSuccessfulLogin: jest.fn(async (id: string) => calls.succeeded.push(id)),
    };
    const sessions = { insert: jest.fn(async (s: (typeof calls.sessions)[number]) => calls.sessions.push(s)) };
    const events: AuditEvent[] = [];
    const audit = { execute: jest.fn(async (e: AuditEvent) => void events.push(e)) };
    const config = {
      ...loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 's'.repeat(32), ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') }),
      loginMaxFailures: 3,
      loginLockoutMinutes: 10,
      sessionTtlHours: 2,
    };
    const signIn = new SignIn(
      staffUsers as unknown as StaffUserRepository,
      new StaffSessionIssuer(sessions as unknown as StaffSessionRepository, config),
      audit as unknown as RecordAudit,
      config,
    );
    return { signIn, staffUsers, events, calls };
  }

  it('opens a session whose cookie is stored only as a hash', async () => {
    const { signIn, events, calls } = setup({});
    const before = Date.now();
    const result = await signIn.execute('  Kari@KS.no ', PASSWORD, '10.0.0.1', 'jest');
    expect(calls.sessions).toHaveLength(1);
    expect(calls.sessions[0].idHash).toBe(hashToken(result.cookieValue));
    expect(calls.sessions[0].staffId).toBe('u1');
    expect(calls.sessions[0].csrfToken.length).toBeGreaterThanOrEqual(32);
    expect(result.expiresAt.getTime() - before).toBeGreaterThanOrEqual(2 * 3_600_000 - 1000);
    expect(result.expiresAt.getTime() - before).toBeLessThanOrEqual(2 * 3_600_000 + 5000);
    expect(calls.succeeded).toEqual(['u1']);
    expect(events.map((e) => e.action)).toEqual(['login.succeeded']);
    expect(events[0].actor).toMatchObject({ kind: 'staff', id: 'u1', ip: '10.0.0.1' });
  });

  it('refuses a wrong password, counts the failure and audits it', async () => {
    const { signIn, events, calls } = setup({});
    await expect(signIn.execute('kari@ks.no', 'feil-passord-123', '10.0.0.1', null)).rejects.toBeInstanceOf(InvalidCredentials);
    expect(calls.failed).toEqual([['u1', 3, 10]]);
    expect(calls.sessions).toHaveLength(0);
    expect(events).toEqual([expect.objectContaining({ action: 'login.failed', objectId: 'u1', details: { locked: false } })]);
  });

  it('records that the failure locked the account', async () => {
    const { signIn, events } = setup({}, true);
    await expect(signIn.execute('kari@ks.no', 'feil', null, null)).rejects.toBeInstanceOf(InvalidCredentials);
    expect(events[0].details).toEqual({ locked: true });
  });

  it('answers an unknown account like a wrong password, after the same password check', async () => {
    const verify = jest.spyOn(argon2, 'verify');
    try {
      const { signIn, events, calls } = setup(null);
      await expect(signIn.execute('ukjent@ks.no', PASSWORD, null, null)).rejects.toBeInstanceOf(InvalidCredentials);
      expect(verify).toHaveBeenCalledTimes(1);
      expect(calls.failed).toHaveLength(0);
      expect(events).toEqual([
        expect.objectContaining({
          action: 'login.failed',
          objectId: null,
          actor: expect.objectContaining({ kind: 'anonymous', label: 'ukjent@ks.no' }),
        }),
      ]);
    } finally {
      verify.mockRestore();
    }
  });

  it.each([
    ['a deactivated account', { active: false }],
    ['an account without a password yet', { passwordHash: null }],
  ])('refuses %s even with the right password', async (_, user) => {
    const { signIn, calls } = setup(user);
    await expect(signIn.execute('kari@ks.no', PASSWORD, null, null)).rejects.toBeInstanceOf(InvalidCredentials);
    expect(calls.sessions).toHaveLength(0);
  });

  it('refuses a locked account even with the right password, answering like a wrong one, until the lock ends', async () => {
    const until = new Date(Date.now() + 60_000);
    const locked = setup({ lockedUntil: until });
    await expect(locked.signIn.execute('kari@ks.no', PASSWORD, null, null)).rejects.toBeInstanceOf(InvalidCredentials);
    expect(locked.events.map((e) => e.action)).toEqual(['login.locked']);
    expect(locked.calls.failed).toHaveLength(0);

    const expired = setup({ lockedUntil: new Date(Date.now() - 1000) });
    await expect(expired.signIn.execute('kari@ks.no', PASSWORD, null, null)).resolves.toHaveProperty('cookieValue');
  });
});

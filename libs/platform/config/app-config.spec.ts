import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'segment-desk-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('has working defaults for a one-command start', () => {
    const config = loadConfig({}, dir);
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      host: '0.0.0.0',
      publicUrl: 'http://localhost:3000',
      databaseUrl: null,
      dataDir: join(dir, 'data'),
      databasePoolSize: 10,
      smtpUrl: null,
      mailFrom: 'KS Segmentdesk <segmentdesk@ks.no>',
      logLevel: 'info',
      bootstrapAdminEmail: null,
      bootstrapAdminToken: null,
      loginMaxFailures: 5,
      loginLockoutMinutes: 15,
      authFailuresPerMinute: 30,
      trustProxy: ['loopback'],
      outbox: {
        pollIntervalMs: 500,
        concurrency: 5,
        baseBackoffMs: 5_000,
        maxBackoffMs: 900_000,
        giveUpAfterMs: 172_800_000,
        claimTimeoutMs: 300_000,
      },
    });
    expect(config.encryptionKey).toHaveLength(32);
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('reads the values it is given', () => {
    const config = loadConfig(
      {
        NODE_ENV: 'production',
        PORT: '8080',
        DATA_DIR: join(dir, 'd'),
        DATABASE_URL: 'postgresql://u@db:5432/sd',
        SMTP_URL: 'smtp://mail:25',
        PUBLIC_URL: 'https://desk.ks.no/',
        MAIL_FROM: 'KS <segment@ks.no>',
        LOG_LEVEL: 'warn',
        BOOTSTRAP_ADMIN_EMAIL: 'admin@ks.no',
        BOOTSTRAP_ADMIN_TOKEN: 'x'.repeat(32),
        OUTBOX_GIVE_UP_MS: '1000',
        AUTH_FAILURES_PER_MINUTE: '0',
        TRUST_PROXY: '10.0.0.0/8, 192.0.2.1,fd00::/8,uniquelocal',
      },
      dir,
    );
    expect(config).toMatchObject({
      nodeEnv: 'production',
      port: 8080,
      databaseUrl: 'postgresql://u@db:5432/sd',
      smtpUrl: 'smtp://mail:25',
      publicUrl: 'https://desk.ks.no',
      mailFrom: 'KS <segment@ks.no>',
      logLevel: 'warn',
      bootstrapAdminEmail: 'admin@ks.no',
      bootstrapAdminToken: 'x'.repeat(32),
      dataDir: join(dir, 'd'),
      authFailuresPerMinute: 0,
      trustProxy: ['10.0.0.0/8', '192.0.2.1', 'fd00::/8', 'uniquelocal'],
    });
    expect(config.outbox.giveUpAfterMs).toBe(1000);
  });

  it('is silent under test unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'test', DATA_DIR: dir }).logLevel).toBe('silent');
  });

  const wrongLengthKey = Buffer.alloc(16, 1).toString('base64');
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['AUTH_FAILURES_PER_MINUTE', '-1'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', 'loopback,'],
    ['TRUST_PROXY', '10.0.0.1/8/1'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'not a url'],
    ['SMTP_URL', 'http://x'],
    ['PUBLIC_URL', 'ftp://x'],
    ['MAIL_FROM', 'nobody'],
    ['BOOTSTRAP_ADMIN_TOKEN', 'x'.repeat(31)],
    ['BOOTSTRAP_ADMIN_EMAIL', 'admin-at-ks.no'],
    ['NODE_ENV', 'foo'],
    ['LOG_LEVEL', 'loud'],
    ['ENCRYPTION_KEY', wrongLengthKey],
    ['SESSION_SECRET', 'short'],
    ['DATABASE_POOL_SIZE', '0'],
    ['LOGIN_MAX_FAILURES', '1.5'],
    ['OUTBOX_GIVE_UP_MS', '999'],
    ['OUTBOX_CONCURRENCY', '0'],
    // Shorter than four sends at the default send timeout (30 s).
    ['OUTBOX_CLAIM_TIMEOUT_MS', '119999'],
    ['NOTICE_REMINDER_DAYS', '14,x'],
    ['NOTICE_REMINDER_DAYS', '0'],
    ['NOTICE_ACK_LINK_DAYS', '0'],
    ['SUPPORT_TIMEZONE', 'Europe/Bergen'],
    ['SUPPORT_TIMEZONE', 'CET+1'],
    ['SUPPORT_BUSINESS_DAYS', '0-4'],
    ['SUPPORT_BUSINESS_DAYS', '5-1'],
    ['SUPPORT_BUSINESS_DAYS', 'mon-fri'],
    ['SUPPORT_BUSINESS_HOURS', '8-16'],
    ['SUPPORT_BUSINESS_HOURS', '16:00-08:00'],
    ['SUPPORT_BUSINESS_HOURS', '08:00-24:30'],
    ['SUPPORT_BUSINESS_HOURS', '08:60-16:00'],
    ['SUPPORT_CLOSED_DAYS', '24.12'],
    ['SUPPORT_CLOSED_DAYS', '12-24,02-30'],
    ['SUPPORT_CLOSED_DAYS', '2027-02-29'],
    ['SLA_TARGETS', 'urgent=1h/8h'],
    ['SLA_TARGETS', 'high=4h'],
    ['SLA_TARGETS', 'high=4d/8d'],
    ['SLA_TARGETS', 'high=0/8h'],
    ['SLA_TARGETS', 'high=8h/4h'],
    ['SLA_WARN_BEFORE', '0%'],
    ['SLA_WARN_BEFORE', '100%'],
    ['SLA_WARN_BEFORE', '30'],
    ['SLA_WARN_BEFORE', 'soon'],
    ['INBOUND_SMTP_PORT', '70000'],
    ['INBOUND_MAX_MESSAGE_BYTES', '10'],
    ['REPORT_REOPEN_DAYS', '-1'],
  ])('refuses %s=%s with an error naming the variable', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: dir, [variable]: value }, dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toMatch(new RegExp(`^${variable}: `));
  });

  it.each<[string | undefined, number[]]>([
    [undefined, [14, 3]],
    ['3, 14,3', [14, 3]],
    ['7', [7]],
    ['', []],
  ])('reads notice reminder days %j as %j', (value, days) => {
    expect(
      loadConfig({ DATA_DIR: dir, ...(value === undefined ? {} : { NOTICE_REMINDER_DAYS: value }) }, dir).notices.reminderDays,
    ).toEqual(days);
  });

  it('keeps support hours Mon–Fri 08:00–16:00 in Europe/Oslo with the default SLA targets unless told otherwise', () => {
    expect(loadConfig({ DATA_DIR: dir }, dir).sla).toEqual({
      businessHours: { timeZone: 'Europe/Oslo', days: [1, 2, 3, 4, 5], opensAtMinute: 480, closesAtMinute: 960, closedDays: [] },
      targets: {
        critical: { firstResponseMinutes: 60, resolutionMinutes: 480 },
        high: { firstResponseMinutes: 240, resolutionMinutes: 960 },
        normal: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
        low: { firstResponseMinutes: 960, resolutionMinutes: 4800 },
      },
      warnBefore: { fractionLeft: 0.25 },
    });
  });

  it('reads configured support hours and SLA targets, overriding only the priorities named', () => {
    const { sla } = loadConfig(
      {
        DATA_DIR: dir,
        SUPPORT_TIMEZONE: 'America/New_York',
        SUPPORT_BUSINESS_DAYS: '6,1-3, 2',
        SUPPORT_BUSINESS_HOURS: '07:30 - 24:00',
        SUPPORT_CLOSED_DAYS: '12-24, 12-31,2028-02-29,12-24',
        SLA_TARGETS: 'critical=30m/4h, low=600/6000',
      },
      dir,
    );
    expect(sla.businessHours).toEqual({
      timeZone: 'America/New_York',
      days: [1, 2, 3, 6],
      opensAtMinute: 450,
      closesAtMinute: 1440,
      closedDays: ['12-24', '12-31', '2028-02-29'],
    });
    expect(sla.targets).toEqual({
      critical: { firstResponseMinutes: 30, resolutionMinutes: 240 },
      high: { firstResponseMinutes: 240, resolutionMinutes: 960 },
      normal: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
      low: { firstResponseMinutes: 600, resolutionMinutes: 6000 },
    });
  });

  it.each([
    ['10%', { fractionLeft: 0.1 }],
    ['45m', { minutesLeft: 45 }],
    ['2h', { minutesLeft: 120 }],
  ])('reads SLA_WARN_BEFORE=%s', (value, warnBefore) => {
    expect(loadConfig({ DATA_DIR: dir, SLA_WARN_BEFORE: value }, dir).sla.warnBefore).toEqual(warnBefore);
  });

  it('allows feeds from no local host unless NOTICE_FEED_ALLOWED_HOSTS names them', () => {
    expect(loadConfig({ DATA_DIR: dir }, dir).notices.feedAllowedHosts).toEqual([]);
    expect(
      loadConfig({ DATA_DIR: dir, NOTICE_FEED_ALLOWED_HOSTS: 'Feeds.Intern.test, 127.0.0.1,[::1]' }, dir).notices.feedAllowedHosts,
    ).toEqual(['feeds.intern.test', '127.0.0.1', '::1']);
  });

  it.each(['http://feeds.test', 'feeds.test:8080', 'feeds.test/x', '127.0.0.1:80'])('refuses NOTICE_FEED_ALLOWED_HOSTS=%s', (value) => {
    expect(() => loadConfig({ DATA_DIR: dir, NOTICE_FEED_ALLOWED_HOSTS: value }, dir)).toThrow('NOTICE_FEED_ALLOWED_HOSTS: must be');
  });

  it('runs no inbound SMTP listener unless INBOUND_SMTP_PORT is set; 0 asks for any free port', () => {
    expect(loadConfig({ DATA_DIR: dir }, dir).inboundMail.port).toBeNull();
    expect(loadConfig({ DATA_DIR: dir, INBOUND_SMTP_PORT: '' }, dir).inboundMail.port).toBeNull();
    expect(loadConfig({ DATA_DIR: dir, INBOUND_SMTP_PORT: '0' }, dir).inboundMail.port).toBe(0);
    expect(loadConfig({ DATA_DIR: dir, INBOUND_SMTP_PORT: '2525' }, dir).inboundMail.port).toBe(2525);
  });

  it.each([
    [undefined, [24, 6]],
    ['', []],
    ['6, 24,24', [24, 6]],
  ])('reads SECURITY_WARN_HOURS=%j', (value, hours) => {
    expect(loadConfig({ DATA_DIR: dir, ...(value === undefined ? {} : { SECURITY_WARN_HOURS: value }) }, dir).securityWarnHours).toEqual(
      hours,
    );
  });

  it.each(['0', '72', '6h', '24;6'])('refuses SECURITY_WARN_HOURS=%s', (value) => {
    expect(() => loadConfig({ DATA_DIR: dir, SECURITY_WARN_HOURS: value }, dir)).toThrow('SECURITY_WARN_HOURS: must be');
  });

  describe('Maskinporten', () => {
    const MP = {
      MASKINPORTEN_ISSUER: 'https://maskinporten.no/',
      MASKINPORTEN_JWKS_URL: 'https://maskinporten.no/jwk',
      MASKINPORTEN_SCOPE: 'ks:segmentdesk/rapporter',
    };

    it('takes API keys only when none of the variables is set', () => {
      expect(loadConfig({ DATA_DIR: dir }, dir).maskinporten).toBeNull();
    });

    it('reads issuer, key set, scope and the optional audience', () => {
      expect(loadConfig({ DATA_DIR: dir, ...MP }, dir).maskinporten).toEqual({
        issuer: 'https://maskinporten.no/',
        jwksUrl: 'https://maskinporten.no/jwk',
        audience: null,
        scope: 'ks:segmentdesk/rapporter',
      });
      expect(loadConfig({ DATA_DIR: dir, ...MP, MASKINPORTEN_AUDIENCE: 'https://segmentdesk.ks.no' }, dir).maskinporten?.audience).toBe(
        'https://segmentdesk.ks.no',
      );
    });

    it.each([
      [{ MASKINPORTEN_ISSUER: '' }, 'MASKINPORTEN_ISSUER: is needed'],
      [{ MASKINPORTEN_JWKS_URL: '' }, 'MASKINPORTEN_JWKS_URL: is needed'],
      [{ MASKINPORTEN_SCOPE: '' }, 'MASKINPORTEN_SCOPE: is needed'],
      [{ MASKINPORTEN_SCOPE: '   ' }, 'MASKINPORTEN_SCOPE: is needed'],
      [{ MASKINPORTEN_SCOPE: 'ks:a ks:b' }, 'MASKINPORTEN_SCOPE: must be one scope'],
      [{ MASKINPORTEN_JWKS_URL: 'maskinporten.no/jwk' }, 'MASKINPORTEN_JWKS_URL: is not a valid URL'],
      [{ MASKINPORTEN_ISSUER: 'ftp://maskinporten.no/' }, 'MASKINPORTEN_ISSUER: must use https: or http:'],
    ])('refuses an incomplete or malformed set: %j', (change, message) => {
      expect(() => loadConfig({ DATA_DIR: dir, ...MP, ...change }, dir)).toThrow(message);
    });

    it('refuses an audience alone', () => {
      expect(() => loadConfig({ DATA_DIR: dir, MASKINPORTEN_AUDIENCE: 'x' }, dir)).toThrow('MASKINPORTEN_ISSUER: is needed');
    });
  });

  it('treats an empty value as not set', () => {
    expect(loadConfig({ DATA_DIR: dir, PORT: '', SMTP_URL: '', BOOTSTRAP_ADMIN_TOKEN: '' }, dir)).toMatchObject({
      port: 3000,
      smtpUrl: null,
      bootstrapAdminToken: null,
    });
  });

  it('generates the secrets on first load and keeps them in DATA_DIR for the next', () => {
    const dataDir = join(dir, 'data');
    const first = loadConfig({ DATA_DIR: dataDir }, dir);
    const second = loadConfig({ DATA_DIR: dataDir }, dir);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(second.encryptionKey.equals(first.encryptionKey)).toBe(true);
    expect(readFileSync(join(dataDir, 'session-secret'), 'utf8').trim()).toBe(first.sessionSecret);
    // Readable by the owner only.
    expect(statSync(join(dataDir, 'encryption-key')).mode & 0o077).toBe(0);

    const elsewhere = loadConfig({ DATA_DIR: join(dir, 'other') }, dir);
    expect(elsewhere.sessionSecret).not.toBe(first.sessionSecret);
    expect(elsewhere.encryptionKey.equals(first.encryptionKey)).toBe(false);
  });

  it('prefers secrets given in the environment', () => {
    const key = Buffer.alloc(32, 7);
    const config = loadConfig({ DATA_DIR: dir, SESSION_SECRET: 's'.repeat(40), ENCRYPTION_KEY: key.toString('base64') }, dir);
    expect(config.sessionSecret).toBe('s'.repeat(40));
    expect(config.encryptionKey.equals(key)).toBe(true);
  });
});

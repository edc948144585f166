import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The one validated configuration object. Nothing else in the code reads process.env. */
export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  publicUrl: string;
  /** PostgreSQL server URL; null means "start the embedded database in dataDir". */
  databaseUrl: string | null;
  /** The schema owner, for migrations; DATABASE_URL then names a role without ownership. */
  migrationDatabaseUrl: string | null;
  dataDir: string;
  databasePoolSize: number;
  /**
   * How long a resolved API token or API key is kept in memory; a change to it is announced by the
   * database and empties the cache at once. 0: every request reads the database.
   */
  credentialCacheSeconds: number;
  /**
   * Unknown or refused Bearer credentials one client address may send per minute before it is
   * answered 429 without a look-up. 0: no limit.
   */
  authFailuresPerMinute: number;
  /**
   * The proxies whose `X-Forwarded-For` names the client (addresses, CIDR ranges or `loopback`,
   * `linklocal`, `uniquelocal`): the client address is what audit entries record and what the
   * sign-in throttle and the failed-credential limit count by.
   */
  trustProxy: string[];
  /** A PostgreSQL server: how long opening a connection may take, and one statement. */
  databaseConnectTimeoutMs: number;
  databaseStatementTimeoutMs: number;
  smtpUrl: string | null;
  mailFrom: string;
  logLevel: LogLevel;
  bootstrapAdminEmail: string | null;
  bootstrapAdminToken: string | null;
  sessionSecret: string;
  /** 32-byte key (base64) for encrypting personal data kept from reports. */
  encryptionKey: Buffer;
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  outbox: {
    pollIntervalMs: number;
    /** Messages sent at once: the worker's lanes, and the SMTP pool's connections. */
    concurrency: number;
    baseBackoffMs: number;
    maxBackoffMs: number;
    giveUpAfterMs: number;
    claimTimeoutMs: number;
    /** The longest one message's send may take; a server that stalls fails it after this, not minutes later. */
    sendTimeoutMs: number;
  };
  escalationDigestMinutes: number;
  /** How long an escalation's first message waits for grouping to settle (Alertmanager's group_wait). */
  escalationSettleSeconds: number;
  ksContact: string;
  notices: {
    /** Days before a notice's effective date when those not yet ready are reminded, once each. */
    reminderDays: number[];
    /** How long the acknowledgement link in a notice e-mail works after the effective date. */
    ackLinkDaysAfterEffective: number;
    /** Skatteetaten's feeds: how often the worker reads them, and how long and how much one read may take. */
    feedPollSeconds: number;
    feedTimeoutMs: number;
    feedMaxBytes: number;
    /**
     * Hosts (names or IP literals, lower case) a feed may be read from even when they resolve to a
     * loopback, private, link-local or metadata address; every other host is refused there.
     */
    feedAllowedHosts: string[];
    /** An operational message no feed or person has ended is treated as over after this many hours. */
    operationalMessageMaxHours: number;
  };
  /** The SMTP listener KS's shared mailbox forwards to; off (null port) unless INBOUND_SMTP_PORT is set. */
  inboundMail: {
    port: number | null;
    host: string;
    /** Larger messages are refused during the SMTP transaction (552). */
    maxMessageBytes: number;
    /** A larger attachment is kept as its name, type and size only. */
    maxAttachmentBytes: number;
  };
  /** How long after resolution a municipality may reopen its report (and so the incident). */
  reportReopenDays: number;
  sla: SlaConfig;
  /** Hours before a security case's 72-hour deadline when the security role is warned, once each, largest first. */
  securityWarnHours: number[];
  /** Maskinporten access tokens accepted beside API keys; null: API keys only. */
  maskinporten: MaskinportenConfig | null;
}

export interface MaskinportenConfig {
  issuer: string;
  jwksUrl: string;
  /** Checked only when set: Maskinporten puts an audience in a token only when the client asks for one. */
  audience: string | null;
  scope: string;
}

const SLA_PRIORITIES = ['critical', 'high', 'normal', 'low'] as const;
type SlaPriorityName = (typeof SLA_PRIORITIES)[number];

/** Support's opening hours and the SLA targets per ticket priority, in business minutes. */
export interface SlaConfig {
  businessHours: {
    timeZone: string;
    /** ISO weekdays, 1 = Monday. */
    days: number[];
    opensAtMinute: number;
    closesAtMinute: number;
    /** Closed besides the public holidays: 'MM-DD' every year or 'YYYY-MM-DD' once. */
    closedDays: string[];
  };
  targets: Record<SlaPriorityName, { firstResponseMinutes: number; resolutionMinutes: number }>;
  warnBefore: { fractionLeft: number } | { minutesLeft: number };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string, fallback: string): string {
  const v = env[name];
  return v === undefined || v === '' ? fallback : v;
}

function optional(env: Env, name: string): string | null {
  const v = env[name];
  return v === undefined || v === '' ? null : v;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

/**
 * A claimed row is taken over after this, as its worker is presumed stuck: it must outlast a send
 * (aborted at OUTBOX_SEND_TIMEOUT_MS) and the writing of its outcome with room to spare, or a live
 * worker's message would go twice.
 */
function outboxClaimTimeout(env: Env): number {
  const claim = int(env, 'OUTBOX_CLAIM_TIMEOUT_MS', 5 * 60_000, 1_000, 24 * 3_600_000);
  const send = int(env, 'OUTBOX_SEND_TIMEOUT_MS', 30_000, 500, 10 * 60_000);
  if (claim < 4 * send)
    throw new ConfigError('OUTBOX_CLAIM_TIMEOUT_MS', `must be at least 4 × OUTBOX_SEND_TIMEOUT_MS (${4 * send}), got ${claim}`);
  return claim;
}

function optionalInt(env: Env, name: string, min: number, max: number): number | null {
  return optional(env, name) === null ? null : int(env, name, min, min, max);
}

const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function proxyList(env: Env, name: string): string[] {
  const entries = str(env, name, 'loopback')
    .split(',')
    .map((e) => e.trim());
  const valid = (entry: string): boolean => {
    if (PROXY_RANGES.includes(entry)) return true;
    const [address, bits, ...rest] = entry.split('/');
    const version = isIP(address);
    if (!version || rest.length > 0) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
  };
  const wrong = entries.find((e) => !valid(e));
  if (wrong !== undefined)
    throw new ConfigError(name, `must be comma-separated addresses, CIDR ranges or ${PROXY_RANGES.join(', ')}, got "${wrong}"`);
  return entries;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const v = str(env, name, fallback);
  if (!(allowed as readonly string[]).includes(v)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${v}"`);
  return v as T;
}

function dayList(env: Env, name: string, fallback: number[]): number[] {
  const raw = env[name];
  if (raw === undefined) return fallback;
  if (raw.trim() === '') return [];
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.some((p) => !/^\d+$/.test(p) || Number(p) < 1 || Number(p) > 365))
    throw new ConfigError(name, `must be comma-separated whole days between 1 and 365, got "${raw}"`);
  return [...new Set(parts.map(Number))].sort((a, b) => b - a);
}

/** Comma-separated host names or IP literals (IPv6 with or without brackets), lower case, without ports. */
function hostList(env: Env, name: string): string[] {
  const raw = (env[name] ?? '').trim();
  if (!raw) return [];
  const hosts = raw.split(',').map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/^\[(.*)\]$/, '$1'),
  );
  const bad = hosts.find((h) => isIP(h) === 0 && !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(h));
  if (bad !== undefined)
    throw new ConfigError(name, `must be comma-separated host names or IP addresses without port or scheme, got "${bad}"`);
  return [...new Set(hosts)];
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const v = optional(env, name);
  if (v === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(v);
  } catch {
    throw new ConfigError(name, `is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(name, `must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
  return v;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const BUSINESS_DAY = 8 * 60;
/** Business time: a business day is 8 hours, so high's 2 days are 16 hours. */
const DEFAULT_SLA_TARGETS: SlaConfig['targets'] = {
  critical: { firstResponseMinutes: 60, resolutionMinutes: BUSINESS_DAY },
  high: { firstResponseMinutes: 4 * 60, resolutionMinutes: 2 * BUSINESS_DAY },
  normal: { firstResponseMinutes: BUSINESS_DAY, resolutionMinutes: 5 * BUSINESS_DAY },
  low: { firstResponseMinutes: 2 * BUSINESS_DAY, resolutionMinutes: 10 * BUSINESS_DAY },
};

function timeZone(env: Env, name: string, fallback: string): string {
  const v = str(env, name, fallback);
  try {
    return new Intl.DateTimeFormat('en', { timeZone: v }).resolvedOptions().timeZone;
  } catch {
    throw new ConfigError(name, `must be an IANA time zone such as Europe/Oslo, got "${v}"`);
  }
}

/** '1-5' or '1,3,5' (ISO weekdays, 1 = Monday) → the days, in order. */
function weekdays(env: Env, name: string, fallback: string): number[] {
  const raw = str(env, name, fallback);
  const days = new Set<number>();
  for (const part of raw.split(',').map((p) => p.trim())) {
    const m = /^([1-7])(?:-([1-7]))?$/.exec(part);
    if (!m || Number(m[2] ?? m[1]) < Number(m[1]))
      throw new ConfigError(name, `must be ISO weekdays (1 = Monday … 7 = Sunday) such as 1-5 or 1,2,3, got "${raw}"`);
    for (let d = Number(m[1]); d <= Number(m[2] ?? m[1]); d++) days.add(d);
  }
  return [...days].sort((a, b) => a - b);
}

/** 'HH:MM-HH:MM' → minutes after midnight; closing may be 24:00. */
function openingHours(env: Env, name: string, fallback: string): { opensAtMinute: number; closesAtMinute: number } {
  const raw = str(env, name, fallback);
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(raw.replace(/\s/g, ''));
  const opens = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  const closes = m ? Number(m[3]) * 60 + Number(m[4]) : NaN;
  if (!m || Number(m[2]) > 59 || Number(m[4]) > 59 || !(opens < closes) || closes > 24 * 60)
    throw new ConfigError(name, `must be opening and closing time such as 08:00-16:00, got "${raw}"`);
  return { opensAtMinute: opens, closesAtMinute: closes };
}

/** 'MM-DD' (every year) and 'YYYY-MM-DD' (once), comma-separated. */
function closedDays(env: Env, name: string): string[] {
  const raw = str(env, name, '');
  if (raw.trim() === '') return [];
  const days = raw.split(',').map((p) => p.trim());
  for (const day of days) {
    const m = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(day);
    // A leap year for 'MM-DD', so 02-29 is a day that exists.
    const [year, month, date] = m ? [Number(m[1] ?? 2028), Number(m[2]), Number(m[3])] : [0, 0, 0];
    if (!m || month < 1 || month > 12 || date < 1 || date > new Date(Date.UTC(year, month, 0)).getUTCDate())
      throw new ConfigError(name, `must be comma-separated days as MM-DD (every year) or YYYY-MM-DD, got "${day}"`);
  }
  return [...new Set(days)];
}

/** Business minutes: '90', '90m' or '4h'. */
function businessMinutes(value: string): number | null {
  const m = /^(\d+)(m|h)?$/.exec(value);
  if (!m) return null;
  const minutes = Number(m[1]) * (m[2] === 'h' ? 60 : 1);
  return minutes >= 1 && minutes <= 365 * 24 * 60 ? minutes : null;
}

/** 'high=2h/16h,low=960/4800': first response / resolution per priority; priorities not named keep their defaults. */
function slaTargets(env: Env, name: string): SlaConfig['targets'] {
  const targets = structuredClone(DEFAULT_SLA_TARGETS);
  const raw = str(env, name, '');
  if (raw.trim() === '') return targets;
  for (const part of raw.split(',').map((p) => p.trim())) {
    const m = /^([a-z]+)=([^/]+)\/(.+)$/.exec(part);
    const priority = m?.[1] as SlaPriorityName | undefined;
    if (!m || !priority || !SLA_PRIORITIES.includes(priority))
      throw new ConfigError(
        name,
        `must be priority=first-response/resolution for ${SLA_PRIORITIES.join(', ')}, such as high=4h/16h, got "${part}"`,
      );
    const [firstResponseMinutes, resolutionMinutes] = [businessMinutes(m[2]), businessMinutes(m[3])];
    if (firstResponseMinutes === null || resolutionMinutes === null)
      throw new ConfigError(
        name,
        `targets are business minutes (90, 90m) or hours (4h), at least 1 minute and at most a year, got "${part}"`,
      );
    if (firstResponseMinutes > resolutionMinutes)
      throw new ConfigError(name, `the first-response target cannot be longer than the resolution target, got "${part}"`);
    targets[priority] = { firstResponseMinutes, resolutionMinutes };
  }
  return targets;
}

/** '25%' of the target left, or '30m' / '2h' of business time before due. */
function warnBefore(env: Env, name: string, fallback: string): SlaConfig['warnBefore'] {
  const raw = str(env, name, fallback);
  const percent = /^(\d{1,2})%$/.exec(raw);
  if (percent && Number(percent[1]) >= 1) return { fractionLeft: Number(percent[1]) / 100 };
  const minutes = businessMinutes(raw);
  if (minutes !== null && /[mh]$/.test(raw)) return { minutesLeft: minutes };
  throw new ConfigError(name, `must be a share of the target left (1%-99%) or business time before due (30m, 2h), got "${raw}"`);
}

/**
 * Secrets not given in the environment are generated once and kept beside the data, so the
 * one-command start needs none and a restart keeps sessions and encrypted data readable.
 */
function persistedSecret(dataDir: string, file: string, bytes: number): string {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const value = randomBytes(bytes).toString('base64');
  writeFileSync(path, value + '\n', { mode: 0o600, flag: 'wx' });
  return value;
}

function hourList(env: Env, name: string, fallback: number[]): number[] {
  const raw = env[name];
  if (raw === undefined) return fallback;
  if (raw.trim() === '') return [];
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.some((p) => !/^\d+$/.test(p) || Number(p) < 1 || Number(p) > 71))
    throw new ConfigError(name, `must be comma-separated whole hours between 1 and 71, got "${raw}"`);
  return [...new Set(parts.map(Number))].sort((a, b) => b - a);
}

/** All of issuer, JWKS and scope, or none of them (then the API takes API keys only). */
function maskinporten(env: Env): MaskinportenConfig | null {
  const issuer = url(env, 'MASKINPORTEN_ISSUER', ['https:', 'http:']);
  const jwksUrl = url(env, 'MASKINPORTEN_JWKS_URL', ['https:', 'http:']);
  const audience = optional(env, 'MASKINPORTEN_AUDIENCE');
  const scope = optional(env, 'MASKINPORTEN_SCOPE')?.trim() ?? null;
  if (!issuer && !jwksUrl && !scope && !audience) return null;
  if (!issuer) throw new ConfigError('MASKINPORTEN_ISSUER', 'is needed with the other MASKINPORTEN_ variables');
  if (!jwksUrl) throw new ConfigError('MASKINPORTEN_JWKS_URL', 'is needed with the other MASKINPORTEN_ variables');
  if (!scope) throw new ConfigError('MASKINPORTEN_SCOPE', 'is needed with the other MASKINPORTEN_ variables');
  if (!/^[\x21-\x7e]+$/.test(scope)) throw new ConfigError('MASKINPORTEN_SCOPE', `must be one scope without spaces, got "${scope}"`);
  return { issuer, jwksUrl, audience: audience?.trim() || null, scope };
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const port = int(env, 'PORT', 3000, 0, 65535);
  const host = str(env, 'HOST', '0.0.0.0');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const migrationDatabaseUrl = url(env, 'MIGRATION_DATABASE_URL', ['postgres:', 'postgresql:']);
  if (migrationDatabaseUrl && !databaseUrl)
    throw new ConfigError('MIGRATION_DATABASE_URL', 'needs DATABASE_URL (the role the application connects as)');
  if (migrationDatabaseUrl && databaseUrl && !new URL(databaseUrl).username)
    throw new ConfigError('DATABASE_URL', 'must name the application role (postgres://role@host/db) when MIGRATION_DATABASE_URL is set');
  const rawDataDir = str(env, 'DATA_DIR', './data');
  const dataDir = isAbsolute(rawDataDir) ? rawDataDir : resolve(cwd, rawDataDir);
  const smtpUrl = url(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  const publicUrl = (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, '');
  // A display name, so mail clients show who wrote rather than a bare address.
  const mailFrom = str(env, 'MAIL_FROM', 'KS Segmentdesk <segmentdesk@ks.no>');
  if (!EMAIL.test(mailFrom.replace(/^.*<(.*)>$/, '$1'))) throw new ConfigError('MAIL_FROM', `is not an e-mail address`);
  const logLevel = oneOf(
    env,
    'LOG_LEVEL',
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
    nodeEnv === 'test' ? 'silent' : 'info',
  );

  const bootstrapAdminEmail = optional(env, 'BOOTSTRAP_ADMIN_EMAIL');
  const bootstrapAdminToken = optional(env, 'BOOTSTRAP_ADMIN_TOKEN');
  if (bootstrapAdminEmail !== null && !EMAIL.test(bootstrapAdminEmail))
    throw new ConfigError('BOOTSTRAP_ADMIN_EMAIL', 'is not an e-mail address');
  if (bootstrapAdminToken !== null && bootstrapAdminToken.length < 32)
    throw new ConfigError('BOOTSTRAP_ADMIN_TOKEN', 'must be at least 32 characters');

  const sessionSecret = optional(env, 'SESSION_SECRET') ?? persistedSecret(dataDir, 'session-secret', 32);
  if (sessionSecret.length < 32) throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters');
  const rawKey = optional(env, 'ENCRYPTION_KEY') ?? persistedSecret(dataDir, 'encryption-key', 32);
  const encryptionKey = Buffer.from(rawKey, 'base64');
  if (encryptionKey.length !== 32) throw new ConfigError('ENCRYPTION_KEY', 'must be 32 bytes, base64-encoded');

  return {
    nodeEnv,
    port,
    host,
    publicUrl,
    databaseUrl,
    migrationDatabaseUrl,
    dataDir,
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    credentialCacheSeconds: int(env, 'CREDENTIAL_CACHE_SECONDS', 60, 0, 3600),
    authFailuresPerMinute: int(env, 'AUTH_FAILURES_PER_MINUTE', 30, 0, 100_000),
    trustProxy: proxyList(env, 'TRUST_PROXY'),
    databaseConnectTimeoutMs: int(env, 'DATABASE_CONNECT_TIMEOUT_MS', 1_000, 100, 60_000),
    databaseStatementTimeoutMs: int(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 30_000, 100, 3_600_000),
    smtpUrl,
    mailFrom,
    logLevel,
    bootstrapAdminEmail,
    bootstrapAdminToken,
    sessionSecret,
    encryptionKey,
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockoutMinutes: int(env, 'LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    outbox: {
      pollIntervalMs: int(env, 'OUTBOX_POLL_MS', 500, 50, 60_000),
      concurrency: int(env, 'OUTBOX_CONCURRENCY', 5, 1, 50),
      baseBackoffMs: int(env, 'OUTBOX_BACKOFF_MS', 5_000, 10, 3_600_000),
      maxBackoffMs: int(env, 'OUTBOX_MAX_BACKOFF_MS', 15 * 60_000, 10, 24 * 3_600_000),
      giveUpAfterMs: int(env, 'OUTBOX_GIVE_UP_MS', 48 * 3_600_000, 1_000, 30 * 24 * 3_600_000),
      claimTimeoutMs: outboxClaimTimeout(env),
      sendTimeoutMs: int(env, 'OUTBOX_SEND_TIMEOUT_MS', 30_000, 500, 10 * 60_000),
    },
    escalationDigestMinutes: int(env, 'ESCALATION_DIGEST_MINUTES', 60, 0, 7 * 24 * 60),
    escalationSettleSeconds: int(env, 'ESCALATION_SETTLE_SECONDS', 60, 0, 3_600),
    ksContact: str(env, 'KS_CONTACT', 'KS segmentansvar, segment@ks.no'),
    notices: {
      reminderDays: dayList(env, 'NOTICE_REMINDER_DAYS', [14, 3]),
      ackLinkDaysAfterEffective: int(env, 'NOTICE_ACK_LINK_DAYS', 30, 1, 365),
      feedPollSeconds: int(env, 'NOTICE_FEED_POLL_SECONDS', 300, 10, 86_400),
      feedTimeoutMs: int(env, 'NOTICE_FEED_TIMEOUT_MS', 10_000, 100, 120_000),
      feedMaxBytes: int(env, 'NOTICE_FEED_MAX_BYTES', 2_000_000, 1_000, 50_000_000),
      feedAllowedHosts: hostList(env, 'NOTICE_FEED_ALLOWED_HOSTS'),
      operationalMessageMaxHours: int(env, 'OPERATIONAL_MESSAGE_MAX_HOURS', 72, 1, 24 * 90),
    },
    sla: {
      businessHours: {
        timeZone: timeZone(env, 'SUPPORT_TIMEZONE', 'Europe/Oslo'),
        days: weekdays(env, 'SUPPORT_BUSINESS_DAYS', '1-5'),
        ...openingHours(env, 'SUPPORT_BUSINESS_HOURS', '08:00-16:00'),
        closedDays: closedDays(env, 'SUPPORT_CLOSED_DAYS'),
      },
      targets: slaTargets(env, 'SLA_TARGETS'),
      warnBefore: warnBefore(env, 'SLA_WARN_BEFORE', '25%'),
    },
    inboundMail: {
      port: optionalInt(env, 'INBOUND_SMTP_PORT', 0, 65535),
      host: str(env, 'INBOUND_SMTP_HOST', '0.0.0.0'),
      maxMessageBytes: int(env, 'INBOUND_MAX_MESSAGE_BYTES', 25 * 1024 * 1024, 1024, 200 * 1024 * 1024),
      maxAttachmentBytes: int(env, 'INBOUND_MAX_ATTACHMENT_BYTES', 10 * 1024 * 1024, 0, 200 * 1024 * 1024),
    },
    reportReopenDays: int(env, 'REPORT_REOPEN_DAYS', 14, 0, 365),
    securityWarnHours: hourList(env, 'SECURITY_WARN_HOURS', [24, 6]),
    maskinporten: maskinporten(env),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

import { AuthenticateStaff, CONSUMER_AUTHENTICATOR, CONSUMER_KEY_PREFIX, ConsumerAuthenticator } from '@domain/identity';
import { AccessDenied, CONSUMER_PERMISSIONS, hasPermission, type Principal, staffRolesWith } from '@domain/shared';
import { CanActivate, ExecutionContext, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { normalizeIp } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '@platform/config';
import { DomainException, Forbidden, Unauthenticated } from '@platform/errors';
import { AttemptCounter, SharedAttemptLimiter } from '@platform/rate-limit';
import { sameSecret } from '@platform/security';
import type { FastifyReply } from 'fastify';

import { ACCESS, AccessRule } from './access.decorator';
import { COOKIES } from './cookies';
import { AuthenticatedRequest } from './current-principal.decorator';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a consumer's credential can meet the rule: an open portal page, or a consumer permission on anything but an admin page. */
function admitsConsumers(rule: AccessRule): boolean {
  if (rule.public) return rule.page === 'portal';
  // An admin page is for staff whatever its permission: a consumer permission (report.create,
  // ticket.read…) on a staff page names what staff need, not an opening for consumers, whose
  // pages are the portal's.
  return !!rule.permission && rule.page !== 'staff' && rule.permission in CONSUMER_PERMISSIONS;
}

/** Which kinds of caller a rule can admit, so only their credentials are looked for. */
function audience(rule: AccessRule): { staff: boolean; consumer: boolean } {
  // An open portal page looks for the portal session only, so the page knows who is signed in to the portal.
  if (rule.public && rule.page === 'portal') return { staff: false, consumer: true };
  if (!rule.permission || rule.page === 'staff') return { staff: true, consumer: false };
  return { staff: staffRolesWith(rule.permission).length > 0, consumer: admitsConsumers(rule) };
}

export class TooManyFailedAuthentications extends DomainException {
  constructor() {
    super(
      'rate-limited',
      'too_many_failed_authentications',
      'Too many unknown or refused credentials from this address. Wait and try again.',
    );
  }
}

export class LoginRequired extends DomainException {
  constructor(readonly page: 'staff' | 'portal') {
    super('unauthenticated', 'login_required', 'Logg inn for å fortsette.');
  }
}

/**
 * One guard for every route: resolves the caller (Bearer token/API key, or a session cookie),
 * enforces CSRF on cookie-authenticated writes, then the route's permission from the one
 * permission map. Missing or unknown credentials → 401; a valid credential without the
 * permission → 403. A route that declares no rule is closed. An address that keeps sending
 * unknown Bearer credentials is answered 429 for the rest of the minute without a look-up: each
 * costs database round trips, and a guesser should not get them at the server's pace. The
 * failures are counted by every replica together.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly failedBearers: SharedAttemptLimiter;
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly reflector: Reflector,
    private readonly staff: AuthenticateStaff,
    @Inject(APP_CONFIG) config: AppConfig,
    attempts: AttemptCounter,
    @Optional() @Inject(CONSUMER_AUTHENTICATOR) private readonly consumers?: ConsumerAuthenticator,
  ) {
    this.failedBearers = new SharedAttemptLimiter(
      'failed-bearer',
      { limit: config.authFailuresPerMinute, windowMs: 60_000, maxKeys: 10_000 },
      attempts,
      (error) =>
        this.logger.warn(
          { err: error instanceof Error ? error.message : String(error) },
          'the database cannot count failed credentials; this process counts them alone until it can',
        ),
    );
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS, [context.getHandler(), context.getClass()]);
    if (!rule) throw new Forbidden('This route declares no access rule.', 'access_undeclared');
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
    if (req.headers.authorization && !bearer) throw new Unauthenticated('Use "Authorization: Bearer <token>".');

    const principal = bearer ? await this.byBearer(bearer, context) : await this.byCookie(req, rule);
    if (principal) req.principal = principal;

    if (!principal && !rule.public) {
      if (rule.page) throw new LoginRequired(rule.page);
      throw new Unauthenticated();
    }
    if (!bearer && !SAFE_METHODS.has(req.method)) this.checkCsrf(req, principal);
    if (rule.public || !principal) return true;
    if (principal.kind !== 'staff' && !admitsConsumers(rule)) throw new Forbidden('A consumer credential cannot be used here.');
    if (!rule.permission) return true;
    if (!hasPermission(principal, rule.permission)) {
      if (principal.kind === 'staff' && !audience(rule).staff) throw new Forbidden('This is for consumers only.');
      throw new AccessDenied(principal, rule.permission);
    }
    return true;
  }

  private async byBearer(token: string, context: ExecutionContext): Promise<Principal> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // An IPv6 client holds a whole /64, as the sign-in throttle counts it too.
    const address = normalizeIp(req.ip);
    const waitMs = this.failedBearers.blockedFor(address, Date.now());
    if (waitMs > 0) {
      context
        .switchToHttp()
        .getResponse<FastifyReply>()
        .header('Retry-After', String(Math.ceil(waitMs / 1000)));
      throw new TooManyFailedAuthentications();
    }
    try {
      const principal = await this.lookUpBearer(token);
      if (!principal) throw new Unauthenticated('The token or API key is unknown or revoked.', 'invalid_token');
      return principal;
    } catch (error) {
      if (
        error instanceof DomainException &&
        error.kind === 'unauthenticated' &&
        (await this.failedBearers.recordFailure(address, Date.now()))
      )
        this.logger.warn({ ip: req.ip }, 'address refused for the rest of the minute after repeated unknown or refused credentials');
      throw error;
    }
  }

  private async lookUpBearer(token: string): Promise<Principal | null> {
    // A Maskinporten token is answered by its own verification: refused, it never falls back to other credentials.
    const byAccessToken = await this.consumers?.byAccessToken(token);
    if (byAccessToken) return byAccessToken;
    if (this.consumers && token.startsWith(CONSUMER_KEY_PREFIX))
      return (await this.consumers.byApiKey(token)) ?? (await this.staff.byToken(token));
    return (await this.staff.byToken(token)) ?? (await this.consumers?.byApiKey(token)) ?? null;
  }

  private async byCookie(req: AuthenticatedRequest, rule: AccessRule): Promise<Principal | null> {
    const cookies = (req.cookies ?? {}) as Record<string, string>;
    const may = audience(rule);
    const wantsPortal = rule.page === 'portal' || (may.consumer && !may.staff);
    if (cookies[COOKIES.staffSession] && !wantsPortal) {
      const staff = await this.staff.bySession(cookies[COOKIES.staffSession]);
      if (staff) return staff;
    }
    if (cookies[COOKIES.portalSession] && this.consumers && may.consumer) {
      return this.consumers.byPortalSession(cookies[COOKIES.portalSession]);
    }
    return null;
  }

  /** Session writes need the session's token; anonymous form posts the double-submit cookie. */
  private checkCsrf(req: AuthenticatedRequest, principal: Principal | null): void {
    const sent = String((req.body as Record<string, unknown> | undefined)?._csrf ?? req.headers['x-csrf-token'] ?? '');
    const expected = principal?.csrfToken ?? ((req.cookies ?? {}) as Record<string, string>)[COOKIES.csrf] ?? '';
    if (!sent || !expected || !sameSecret(sent, expected)) {
      throw new Forbidden('The form has expired or did not come from this site. Reload the page and try again.', 'csrf_failed');
    }
  }
}

export function setCookie(res: FastifyReply, name: string, value: string, secure: boolean, expires?: Date): void {
  res.setCookie(name, value, { httpOnly: true, sameSite: 'lax', secure, path: '/', ...(expires ? { expires } : {}) });
}

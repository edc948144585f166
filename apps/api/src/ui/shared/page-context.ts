import { FindServicesInForce } from '@domain/catalogue';
import { StaffNotifications } from '@domain/notifications';
import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mergeMap, Observable } from 'rxjs';

import type { AuthenticatedRequest } from '../../auth/current-principal.decorator';
import { pathOf } from '../../http/fastify-augmentation';
import type { Problem } from '../../http/problem.filter';
import { abilitiesOf } from './abilities';
import type { PageTexts } from './form-errors';
import { menuFor, NAV_SECTIONS, NavSection } from './navigation';
import { ERROR_PAGE_TITLE, ERROR_STATUS_TEXTS, ROLE_LABELS, SHARED_ERROR_TEXTS } from './shared.texts.nb';

/** Injection token for every part's error code → text, for the error page. */
export const ERROR_TEXTS = Symbol('ERROR_TEXTS');

/** What every page needs: who is signed in, what they may do, the menus, the CSRF token, the current path. */
@Injectable()
export class PageContext {
  constructor(
    @Inject(NAV_SECTIONS) private readonly sections: readonly NavSection[],
    @Inject(ERROR_TEXTS) private readonly errorTexts: Readonly<Record<string, string>>,
    private readonly notifications: StaffNotifications,
    private readonly catalogue: FindServicesInForce,
  ) {}

  /**
   * The page context with the signed-in staff member's unread notifications, for the bell in the
   * header, and the catalogue's service names (kept in memory), for the `serviceNames` helper.
   */
  async withCounts(req: FastifyRequest) {
    const base = this.of(req);
    const [unreadNotifications, services] = await Promise.all([
      base.staff ? this.notifications.unreadCount(base.staff.id) : 0,
      base.me ? this.catalogue.all() : [],
    ]);
    return { ...base, unreadNotifications, serviceNames: Object.fromEntries(services.map((s) => [s.code, s.name])) };
  }

  of(req: FastifyRequest) {
    const principal = (req as AuthenticatedRequest).principal;
    const staff = principal?.kind === 'staff' ? { ...principal, roleLabel: ROLE_LABELS[principal.role] } : undefined;
    return {
      me: principal,
      staff,
      can: abilitiesOf(principal),
      menu: staff ? menuFor(this.sections, 'staff', principal!, pathOf(req)) : [],
      portalMenu: principal?.kind === 'consumer' ? menuFor(this.sections, 'portal', principal, pathOf(req)) : [],
      csrfToken: principal?.csrfToken ?? req.csrfToken,
      path: pathOf(req),
    };
  }

  /** The error page for browsers: the problem in Norwegian, chosen by its code, else by its status. */
  renderError(req: FastifyRequest, res: FastifyReply, problem: Problem): void {
    const portal = pathOf(req).startsWith('/portal');
    res.view('error', {
      ...this.of(req),
      ...errorPageModel(problem, this.errorTexts),
      layout: portal ? 'portal' : 'main',
      // The staff front page would only ask a municipality's user for a staff login.
      home: portal ? '/portal' : '/',
    });
  }
}

/**
 * The error page's message: a code every page shares has its shared text (a page may word
 * `not_found` for its own object, which the error page cannot know), else a part's text for
 * its code, else the status's.
 */
export function errorPageModel(problem: Pick<Problem, 'status' | 'code'>, errorTexts: Readonly<Record<string, string>>) {
  const byStatus = problem.status >= 500 ? ERROR_STATUS_TEXTS[500] : (ERROR_STATUS_TEXTS[problem.status] ?? ERROR_STATUS_TEXTS[400]);
  const shared = Object.hasOwn(SHARED_ERROR_TEXTS, problem.code) ? SHARED_ERROR_TEXTS[problem.code] : undefined;
  const own = Object.hasOwn(errorTexts, problem.code) ? errorTexts[problem.code] : undefined;
  return { title: ERROR_PAGE_TITLE, message: shared ?? own ?? byStatus };
}

/**
 * Every part's error texts for the error page of requests no form handles. A code that parts
 * word differently (`validation_failed`: "the form has errors" on one page, "the change was not
 * saved" on another) depends on a page the error page does not show, so it is left to the
 * status's text.
 */
export function errorPageTexts(pages: readonly PageTexts[]): Record<string, string> {
  const texts = new Map<string, string | null>();
  for (const [code, text] of pages.flatMap((p) => Object.entries(p.errors ?? {})))
    texts.set(code, texts.has(code) && texts.get(code) !== text ? null : text);
  return Object.fromEntries([...texts].filter((entry): entry is [string, string] => entry[1] !== null));
}

/** Adds the page context to the view data of every page handler. */
@Injectable()
export class PageContextInterceptor implements NestInterceptor {
  constructor(private readonly context: PageContext) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    return next
      .handle()
      .pipe(
        mergeMap(async (data: unknown) =>
          data === null || typeof data !== 'object' ? data : { ...(data as object), ...(await this.context.withCounts(req)) },
        ),
      );
  }
}

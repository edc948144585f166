import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';

import { AuthenticatedRequest } from '../auth/current-principal.decorator';
import type { ErrorPageRenderer } from '../http/problem.filter';

/** What every page needs: who is signed in, the CSRF token, the current path. Also for pages rendered by exception filters. */
export function uiContext(req: AuthenticatedRequest, res: Response) {
  const principal = req.principal;
  return {
    me: principal,
    staff: principal?.kind === 'staff' ? principal : undefined,
    isAdmin: principal?.kind === 'staff' && principal.role === 'admin',
    canWrite: principal?.kind === 'staff' && principal.role !== 'viewer',
    csrfToken: principal?.csrfToken ?? res.locals.csrfToken,
    path: req.path,
    query: req.query,
  };
}

/** Adds the page context to the view data of every page handler. */
@Injectable()
export class UiContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    return next
      .handle()
      .pipe(
        map((data: unknown) =>
          data === undefined || data === null || typeof data !== 'object' ? data : { ...(data as object), ...uiContext(req, res) },
        ),
      );
  }
}

/** The error page for browsers, for the global problem filter and the page filters' fall-back. */
export const renderErrorPage: ErrorPageRenderer = (req, res, problem) =>
  res.render('error', { ...uiContext(req, res), title: 'Noe gikk galt', problem });

import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';
import { AuthenticatedRequest } from '../auth/current-principal.decorator';

/** Adds what every page needs (who is signed in, the CSRF token, the current path) to the view data. */
@Injectable()
export class UiContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((data: unknown) => {
        if (data === undefined || data === null || typeof data !== 'object') return data;
        const principal = req.principal;
        return {
          ...(data as object),
          me: principal,
          staff: principal?.kind === 'staff' ? principal : undefined,
          isAdmin: principal?.kind === 'staff' && principal.role === 'admin',
          canWrite: principal?.kind === 'staff' && principal.role !== 'viewer',
          csrfToken: principal?.csrfToken ?? res.locals.csrfToken,
          path: req.path,
          query: req.query,
        };
      }),
    );
  }
}

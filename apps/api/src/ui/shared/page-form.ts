import {
  applyDecorators,
  ArgumentsHost,
  CallHandler,
  Catch,
  ExceptionFilter,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  Type,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { ConcurrentDuplicate, isUniqueViolation } from '@platform/database';
import { DomainException, ErrorKind } from '@platform/errors';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, Observable, switchMap } from 'rxjs';

import type { AuthenticatedRequest } from '../../auth/current-principal.decorator';
import { pathOf } from '../../http/fastify-augmentation';
import { HTTP_STATUS_OF } from '../../http/problem.filter';
import { FormBody, text } from './form-body';
import { describeFailure, FailureText, PageTexts } from './form-errors';
import { PageContext } from './page-context';

/** A form post that failed in a way the person can correct, as the page shows it again. */
export interface FormFailure extends FailureText {
  /** Which form on the page: the body's `_form`, else the last segment of the path posted to (`triage`). */
  form: string;
  params: Record<string, string | undefined>;
  /** What was entered, without the CSRF token or a password. */
  body: FormBody;
  code: string;
}

/** A page that shows its forms again after a failed post: the view, who fills it in, its texts and how to build it. */
export interface FormPage {
  readonly view: string;
  /** When the page to show again depends on where the form was posted from. */
  viewFor?(failure: FormFailure): string;
  /** Whose failures are shown on the page; anyone else gets the error page. */
  readonly audience: 'staff' | 'consumer' | 'anyone';
  readonly texts: PageTexts;
  /** Error kinds shown beside the form; by default the mistakes a person can correct in it. */
  readonly correctable?: readonly ErrorKind[];
  model(req: AuthenticatedRequest, failure: FormFailure): Promise<object>;
}

const PAGE_FORM = 'segment-desk:page-form';
const CORRECTABLE: readonly ErrorKind[] = ['validation', 'not-found', 'conflict', 'precondition-failed', 'unprocessable'];

/** The page to show again, built and ready; rendered by the one page-form filter. */
class FormPageRendering {
  constructor(
    readonly view: string,
    readonly status: number,
    readonly model: object,
  ) {}
}

function failureOf(req: AuthenticatedRequest, e: DomainException, texts: PageTexts): FormFailure {
  const body = { ...((req.body ?? {}) as FormBody) };
  delete body._csrf;
  delete body.password;
  const form = text(body._form) || (pathOf(req).split('/').pop() ?? '');
  return { form, params: req.params as Record<string, string | undefined>, body, code: e.code, ...describeFailure(e, texts, form) };
}

/** Turns a correctable failure of a page form into the page shown again; everything else passes on. */
@Injectable()
export class PageFormInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly modules: ModuleRef,
    private readonly pageContext: PageContext,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return next.handle().pipe(
      catchError((caught: unknown) => {
        // A unique key a colleague's change took meanwhile: the form is shown again, as for the domain's refusals.
        const e = isUniqueViolation(caught) ? new ConcurrentDuplicate() : caught;
        const pageType = this.reflector.get<Type<FormPage>>(PAGE_FORM, context.getHandler());
        if (!(e instanceof DomainException) || !pageType) throw e;
        const page = this.modules.get(pageType, { strict: false });
        const audience = page.audience === 'anyone' || req.principal?.kind === page.audience;
        if (!audience || !(page.correctable ?? CORRECTABLE).includes(e.kind)) throw e;
        const failure = failureOf(req, e, page.texts);
        // The page shown again has what every page has, the catalogue's service names included;
        // its title starts «Feil:», so the browser's tab and a screen reader say so first.
        const shown = Promise.all([page.model(req, failure), this.pageContext.withCounts(req)]).then(([model, counts]) => ({
          ...model,
          ...counts,
          formFailed: true,
        }));
        return from(
          shown.catch(() => {
            throw e;
          }),
        ).pipe(
          switchMap((model) => {
            throw new FormPageRendering(page.viewFor?.(failure) ?? page.view, HTTP_STATUS_OF[e.kind], model);
          }),
        );
      }),
    );
  }
}

/** The one filter for page forms: renders the page the interceptor built, with the page context. */
@Injectable()
@Catch(FormPageRendering)
export class PageFormErrorFilter implements ExceptionFilter {
  constructor(private readonly context: PageContext) {}

  catch(rendering: FormPageRendering, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    const res = host.switchToHttp().getResponse<FastifyReply>();
    res.status(rendering.status).view(rendering.view, { ...rendering.model, ...this.context.of(req) });
  }
}

/**
 * A form post whose correctable failures show `page` again with the message beside the form used
 * and the values entered, instead of the error page.
 */
export const PageForm = (page: Type<FormPage>) =>
  applyDecorators(SetMetadata(PAGE_FORM, page), UseInterceptors(PageFormInterceptor), UseFilters(PageFormErrorFilter));

import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { DomainException } from '@platform/errors';
import type { Request, Response } from 'express';

import { HTTP_STATUS_OF } from '../http/problem.filter';
import { uiContext } from './ui-context.interceptor';

/**
 * For HTML forms: a domain error re-renders the form with the message and the values entered,
 * instead of a JSON problem. Anything else goes to the global filter.
 */
@Catch(DomainException)
export class FormErrorFilter implements ExceptionFilter {
  constructor(
    private readonly view: string,
    private readonly data: Record<string, unknown> = {},
  ) {}

  catch(exception: DomainException, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const body = { ...(req.body as Record<string, unknown>) };
    delete body.password;
    delete body._csrf;
    res.status(HTTP_STATUS_OF[exception.kind]).render(this.view, {
      ...uiContext(req, res),
      ...this.data,
      ...body,
      token: req.params?.token,
      error: exception.message,
      fieldErrors: exception.fields,
    });
  }
}

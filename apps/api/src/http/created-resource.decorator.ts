import { applyDecorators, type CallHandler, type ExecutionContext, type NestInterceptor, type Type, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Observable, tap } from 'rxjs';

/**
 * The new resource's address, from the answer's field the template names (`:id` takes `id`); set
 * before Fastify writes the head, and only on 201: a route that answers 200 for something that
 * already existed has created nothing.
 */
class LocationInterceptor implements NestInterceptor {
  private readonly field: string;

  constructor(private readonly template: string) {
    this.field = /:(\w+)/.exec(template)![1];
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      tap((body) => {
        const id = (body as Record<string, unknown> | null)?.[this.field];
        if (reply.statusCode === 201 && typeof id === 'string')
          void reply.header('Location', this.template.replace(`:${this.field}`, encodeURIComponent(id)));
      }),
    );
  }
}

/**
 * A POST that creates a resource: 201 with the answer's type, and its address in `Location`
 * (RFC 9110 §15.3.2), so a client follows it instead of building the URL itself. `at` is the
 * resource's path with `:<field>` where that field of the answer goes (`:id` for most).
 */
export function CreatedResource(type: Type<unknown>, at: `/${string}:${string}`, description?: string) {
  return applyDecorators(
    UseInterceptors(new LocationInterceptor(at)),
    ApiCreatedResponse({
      type,
      description: description ?? 'Created',
      headers: { Location: { description: 'The address of what was created', schema: { type: 'string', example: at } } },
    }),
  );
}

import { applyDecorators, type CallHandler, type ExecutionContext, type NestInterceptor, type Type, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Observable, tap } from 'rxjs';

/** The new resource's address, from the answer's `id`; set before Fastify writes the head. */
class LocationInterceptor implements NestInterceptor {
  constructor(private readonly template: string) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      tap((body) => {
        const id = (body as { id?: unknown } | null)?.id;
        if (typeof id === 'string') void reply.header('Location', this.template.replace(':id', encodeURIComponent(id)));
      }),
    );
  }
}

/**
 * A POST that creates a resource: 201 with the answer's type, and its address in `Location`
 * (RFC 9110 §15.3.2), so a client follows it instead of building the URL itself. `at` is the
 * resource's path with `:id` where the answer's `id` goes.
 */
export function CreatedResource(type: Type<unknown>, at: `/${string}:id${string}`, description?: string) {
  return applyDecorators(
    UseInterceptors(new LocationInterceptor(at)),
    ApiCreatedResponse({
      type,
      description: description ?? 'Created',
      headers: { Location: { description: 'The address of what was created', schema: { type: 'string', example: at } } },
    }),
  );
}

import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * The request's `Idempotency-Key` header, if any. Read by a decorator of its own rather than
 * `@Headers('idempotency-key')`, which the OpenAPI document would list as a second, required
 * header beside the optional one the route declares with `@ApiHeader`.
 */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const value = ctx.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
  return typeof value === 'string' ? value : undefined;
});

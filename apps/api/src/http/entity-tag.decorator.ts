import {
  applyDecorators,
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Observable, tap } from 'rxjs';

/** The answer's `version` as its ETag, so that a client can send it back in If-Match. */
class EntityTagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      tap((body) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'string') void reply.header('ETag', `"${version}"`);
      }),
    );
  }
}

/** A resource whose answer (`type`) carries its `version`, also as the ETag header (RFC 9110 §8.8.3). */
export const VersionedResource = (type: Type<unknown>) =>
  applyDecorators(
    UseInterceptors(new EntityTagInterceptor()),
    ApiOkResponse({ type, headers: { ETag: { description: 'The `version` of the answer, quoted', schema: { type: 'string' } } } }),
  );

/**
 * The versions an If-Match header accepts (RFC 9110 §13.1.1), or undefined when the request sets
 * no condition (no header, or `*` for any stored version). Weak tags never match a change, so a
 * header of only weak or unreadable tags accepts nothing.
 */
export function acceptedVersions(header: string | undefined): string[] | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  return [...header.matchAll(/(W\/)?"([^"]*)"/g)].filter(([, weak]) => !weak).map(([, , tag]) => tag);
}

/** The If-Match header as the versions it accepts (see acceptedVersions). */
export const IfMatch = createParamDecorator((_: unknown, ctx: ExecutionContext): string[] | undefined => {
  const value = ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
  return acceptedVersions(typeof value === 'string' ? value : undefined);
});

/** Documents the If-Match header of a change to a versioned resource. */
export const ApiIfMatch = () =>
  applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'The ETag (the `version`) of the resource as read; when it was changed by someone else since, the change is refused with 412 and nothing is stored.',
    }),
  );

import { Actor, actorOf, ConsumerPrincipal, Principal, StaffPrincipal } from '@domain/shared';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export interface AuthenticatedRequest extends FastifyRequest {
  principal?: Principal;
}

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal | undefined => ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);
export const CurrentStaff = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): StaffPrincipal => ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal as StaffPrincipal,
);
export const CurrentConsumer = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): ConsumerPrincipal =>
    ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal as ConsumerPrincipal,
);

/** The caller as the audit log records it, with the client address. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  return req.principal ? actorOf(req.principal, req.ip ?? null) : { kind: 'system', id: null, label: 'anonymous', ip: req.ip ?? null };
});

export const ClientIp = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | null => ctx.switchToHttp().getRequest<FastifyRequest>().ip ?? null,
);

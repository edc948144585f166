import { type ActionTargets, IncidentVisibility } from '@domain/incidents';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { AuthenticatedRequest } from './current-principal.decorator';

/** Where a route names what it acts on: `params.<name>` or `body.<field>`, for each kind of target. */
export type ActionTargetFields = { [K in keyof ActionTargets]?: Array<`params.${string}` | `body.${string}`> };

/** The metadata `@ActsOn` (http/acts-on.decorator.ts) sets on a route. */
export const ACTS_ON = 'segment-desk:acts-on';

/**
 * Applies the security-case rule of the incidents context (IncidentVisibility.assertMayAct) to the
 * routes marked `@ActsOn`, after AuthGuard has found the caller, so every surface (JSON API, admin
 * UI forms) refuses the same actions with 403 security_case_restricted before anything is done.
 */
@Injectable()
export class SecurityCaseGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly visibility: IncidentVisibility,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const fields = this.reflector.get<ActionTargetFields | undefined>(ACTS_ON, context.getHandler());
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!fields || !req.principal) return true;
    const sources = { params: req.params, body: req.body } as Record<string, unknown>;
    const valuesOf = (paths: readonly string[] = []) =>
      paths.flatMap((path) => {
        const [source, name] = path.split('.');
        const value = (sources[source] as Record<string, unknown> | undefined)?.[name];
        return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
      });
    await this.visibility.assertMayAct(req.principal, {
      incidents: valuesOf(fields.incidents),
      reports: valuesOf(fields.reports),
      proposals: valuesOf(fields.proposals),
    });
    return true;
  }
}

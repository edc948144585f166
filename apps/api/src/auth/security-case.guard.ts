import { type ActionTargets, IncidentVisibility } from '@domain/incidents';
import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { ApiProblems } from '../http/api-problems.decorator';
import { AuthenticatedRequest } from './current-principal.decorator';

/** Where a route names what it acts on: `params.<name>` or `body.<field>`, for each kind of target. */
export type ActionTargetFields = { [K in keyof ActionTargets]?: Array<`params.${string}` | `body.${string}`> };

const ACTS_ON = 'segment-desk:acts-on';

/**
 * A staff route that changes, escalates, resolves, regroups or writes about the incidents, reports
 * or merge proposals named in these fields: on a security case only those who may read it may.
 */
export const ActsOn = (fields: ActionTargetFields) =>
  applyDecorators(
    SetMetadata(ACTS_ON, fields),
    ApiProblems([403, 'security_case_restricted: only the security role and administrators act on a security case']),
  );

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

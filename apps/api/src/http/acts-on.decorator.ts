import { applyDecorators, SetMetadata } from '@nestjs/common';

import { type ActionTargetFields, ACTS_ON } from '../auth/security-case.guard';
import { ApiProblems } from './api-problems.decorator';

/**
 * A staff route that changes, escalates, resolves, regroups or writes about the incidents, reports
 * or merge proposals named in these fields: on a security case only those who may read it may
 * (SecurityCaseGuard).
 */
export const ActsOn = (fields: ActionTargetFields) =>
  applyDecorators(
    SetMetadata(ACTS_ON, fields),
    ApiProblems([403, 'security_case_restricted: only the security role and administrators act on a security case']),
  );

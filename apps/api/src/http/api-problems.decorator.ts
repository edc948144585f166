import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';

import { ProblemDto } from './problem.dto';

const GENERIC = {
  400: 'Invalid input; `fields` names each offending field',
  401: 'No credential, or an unknown or revoked one',
  403: 'The credential is valid but does not allow this',
  404: 'Not found, or not visible to the caller',
  409: 'In conflict with the current state',
  412: 'Changed by someone else since the version in If-Match; nothing was stored',
  413: 'The body is larger than 2 MB',
  415: 'A body in a media type or character set the route does not read (JSON, UTF-8 unless the Content-Type names another charset)',
  422: 'Well-formed but cannot be processed',
  503: 'Not ready: a dependency such as the database is unavailable',
} as const satisfies Record<number, string>;

export type ProblemStatus = keyof typeof GENERIC;

/**
 * Documents the problem responses (`application/problem+json`, see ProblemDto) an operation
 * can give: a status alone takes the generic description, `[status, description]` names the codes.
 */
export function ApiProblems(...problems: Array<ProblemStatus | readonly [ProblemStatus, string]>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...problems.map((p) => {
      const [status, description] = typeof p === 'number' ? [p, GENERIC[p]] : p;
      return ApiResponse({ status, description, content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } } });
    }),
  );
}

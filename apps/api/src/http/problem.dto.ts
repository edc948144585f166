import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldError } from '@platform/errors';

export class FieldErrorDto {
  @ApiProperty({ example: 'reports[3].service', description: 'The offending field, as a path into the request' })
  field: string;
  @ApiProperty({ example: 'is not a service in the Bilag 2 version in force' }) message: string;
}

/** RFC 9457 problem details with the desk's stable `code`: the body of every JSON error. */
export class ProblemDto {
  @ApiProperty({ example: 'about:blank' }) type: string;
  @ApiProperty({ example: 'BAD_REQUEST', description: 'The name of the HTTP status' }) title: string;
  @ApiProperty({ type: 'integer', example: 400 }) status: number;
  @ApiProperty({ example: 'validation_failed', description: 'Stable, machine-readable error code (English)' }) code: string;
  @ApiProperty({ example: 'Invalid input: title must be shorter than or equal to 300 characters', description: 'What went wrong' })
  message: string;
  @ApiProperty({ example: 'Invalid input: title must be shorter than or equal to 300 characters', description: 'The same as `message`' })
  detail: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Validation failures: one entry per offending field' })
  fields?: FieldErrorDto[];

  static from(problem: { status: number; title: string; code: string; message: string; fields?: FieldError[] }): ProblemDto {
    return {
      type: 'about:blank',
      title: problem.title,
      status: problem.status,
      code: problem.code,
      message: problem.message,
      detail: problem.message,
      ...(problem.fields?.length ? { fields: problem.fields.map(({ field, message }) => ({ field, message })) } : {}),
    };
  }
}

import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** A list's `limit` query parameter: a whole number of rows from 1 to `max`. */
export const PageLimit = (max: number, byDefault: number, description?: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: max, default: byDefault, description }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(max),
  );

/**
 * A list's `offset` query parameter: rows to skip, up to `max`. The bound matters: PostgreSQL's
 * OFFSET is a bigint, and 1e20 is an integer to JavaScript that would fail in the query.
 */
export const PageOffset = (max: number, description?: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: max, default: 0, description }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
    Max(max),
  );

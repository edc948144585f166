import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_OFFSET, MAX_PAGE_NUMBER } from '@platform/database';
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
 * A list's `offset` query parameter: rows to skip, up to what the paging itself accepts (it
 * would otherwise clamp a larger offset and answer another page). PostgreSQL's OFFSET is a
 * bigint, so 1e20, an integer to JavaScript, must be refused before the query too.
 */
export const PageOffset = (description?: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0, description }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
    Max(MAX_OFFSET),
  );

/** A list's `page` query parameter: a whole number from 1, the first page by default. */
export const PageNumber = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_NUMBER, default: 1 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(MAX_PAGE_NUMBER),
  );

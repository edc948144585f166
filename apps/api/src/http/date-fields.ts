import { parseCalendarDate, parseInstant } from '@domain/shared';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

/** A day as `YYYY-MM-DD` that exists in the calendar (no 2026-02-30, years 1900–2999). */
export function IsCalendarDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value) => parseCalendarDate(value) !== null,
      defaultMessage: () => '$property must be a date that exists, as YYYY-MM-DD (years 1900–2999)',
    },
  });
}

/**
 * An instant sent as an ISO 8601 date-time with its offset, read strictly and handed on as a
 * Date. A value that does not parse is left as it came, so validation names the field.
 */
export function InstantField(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (value instanceof Date ? value : (parseInstant(value) ?? value))),
    ValidateBy({
      name: 'isInstant',
      validator: {
        validate: (value) => value instanceof Date && !Number.isNaN(value.getTime()),
        defaultMessage: () => '$property must be an ISO 8601 date-time with its offset, e.g. 2026-03-01T08:00:00Z (years 1900–2999)',
      },
    }),
  );
}

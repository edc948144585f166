import { ValidateIf } from 'class-validator';

/**
 * For a field that may be left out but, when sent, must be valid: `null` counts as sent, so it is
 * refused by the field's own rules. (`@IsOptional()` skips null too, letting it reach a NOT NULL
 * column as a 500.) Use `@IsOptional()` only where null means something, such as "unassign".
 */
export const IfPresent = (): PropertyDecorator => ValidateIf((_: unknown, value: unknown) => value !== undefined);

import { ValidateBy } from 'class-validator';

/** Characters that show nothing: spaces of every kind, and the zero-width ones. */
const INVISIBLE = /^[\s\u200b-\u200d\u2060\ufeff]*$/;

/** Text that says something: a string with at least one visible character. */
export function IsNotBlank(): PropertyDecorator {
  return ValidateBy({
    name: 'isNotBlank',
    validator: {
      validate: (value) => typeof value !== 'string' || !INVISIBLE.test(value),
      defaultMessage: () => '$property must not be blank',
    },
  });
}

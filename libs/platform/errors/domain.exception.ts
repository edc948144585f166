/**
 * Every failure a use case reports is a DomainException with a stable code. The HTTP layer maps
 * the kind to a status once; messages are written for the person who has to act on them.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  /** The caller's copy is out of date: it was changed by someone else since the caller read it. */
  | 'precondition-failed'
  | 'unprocessable'
  | 'rate-limited'
  | 'unavailable';

export interface FieldError {
  field: string;
  message: string;
}

export class DomainException extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainException {
  constructor(fields: FieldError[], code = 'validation_failed', message?: string) {
    super('validation', code, message ?? `Invalid input: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`, fields);
  }
}

export class NotFound extends DomainException {
  constructor(what: string, code = 'not_found') {
    super('not-found', code, `${what} was not found.`);
  }
}

/** A change made on a version of something that someone else has changed since (If-Match, 412). */
export class ChangedMeanwhile extends DomainException {
  constructor(what: string, code: string) {
    super(
      'precondition-failed',
      code,
      `${what} was changed by someone else since the version named was read. Read it again and apply the change to what is stored now.`,
    );
  }
}

export class Conflict extends DomainException {
  constructor(code: string, message: string, fields: FieldError[] = []) {
    super('conflict', code, message, fields);
  }
}

export class Forbidden extends DomainException {
  constructor(message = 'You do not have access to this.', code = 'forbidden') {
    super('forbidden', code, message);
  }
}

export class Unauthenticated extends DomainException {
  constructor(message = 'Sign in or send a valid API token.', code = 'unauthenticated') {
    super('unauthenticated', code, message);
  }
}

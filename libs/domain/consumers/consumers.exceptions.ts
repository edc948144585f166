import { ChangedMeanwhile, Conflict, DomainException, type FieldError, NotFound, ValidationFailed } from '@platform/errors';

export class ConsumerNotFound extends NotFound {
  constructor() {
    super('The consumer', 'consumer_not_found');
  }
}

export class ConsumerChangedMeanwhile extends ChangedMeanwhile {
  constructor() {
    super('The consumer', 'consumer_changed');
  }
}

export class ConsumerExists extends Conflict {
  constructor(orgNumber: string) {
    super('consumer_exists', `A consumer with organisation number ${orgNumber} is already registered.`, [
      { field: 'orgNumber', message: 'is already registered' },
    ]);
  }
}

export class ContactExists extends Conflict {
  constructor(email: string) {
    super('contact_exists', `${email} is already a contact of this consumer.`, [
      { field: 'email', message: 'is already a contact of this consumer' },
    ]);
  }
}

/** Access given anew to a service the consumer has access to already (its form would replace what is stored). */
export class ServiceAccessExists extends Conflict {
  constructor(code: string) {
    super('service_access_exists', `The consumer already has access to ${code}.`, [{ field: 'code', message: 'already has access' }]);
  }
}

export class LastTechnicalContact extends Conflict {
  constructor() {
    super('last_technical_contact', 'A consumer with a connected service must keep at least one technical contact.');
  }
}

export class UnknownServiceCodes extends ValidationFailed {
  constructor(fields: FieldError[]) {
    super(fields, 'unknown_service', `Not a service in the Bilag 2 version in force: ${fields.map((f) => f.field).join(', ')}.`);
  }
}

export class ServiceAccessNotFound extends NotFound {
  constructor(code: string) {
    super(`Access to the service ${code}`, 'service_access_not_found');
  }
}

export class OnboardingRefused extends DomainException {
  constructor(code: string, message: string, kind: 'conflict' | 'unprocessable') {
    super(kind, code, message);
  }
}

export class ConsumerTerminated extends DomainException {
  constructor() {
    super('unprocessable', 'consumer_terminated', 'The consumer is terminated; reactivate it first.');
  }
}

export class InvalidImportFile extends ValidationFailed {
  constructor(message: string) {
    super([{ field: 'csv', message }], 'invalid_import_file', message);
  }
}

export class InvalidPortalLink extends DomainException {
  constructor() {
    super('not-found', 'portal_link_invalid', 'Lenken er ugyldig, allerede brukt eller utløpt. Be om en ny innloggingslenke.');
  }
}

export type AccessTokenRefusalCode =
  | 'token_invalid'
  | 'token_expired'
  | 'token_not_yet_valid'
  | 'token_scope_missing'
  | 'token_consumer_missing'
  | 'consumer_not_registered'
  | 'consumer_inactive';

/** Refusals of a valid token's holder (it is known who asks; they may not) are 403; the rest 401. */
const FORBIDDING: ReadonlySet<AccessTokenRefusalCode> = new Set(['token_scope_missing', 'consumer_not_registered', 'consumer_inactive']);

export class AccessTokenRefused extends DomainException {
  constructor(code: AccessTokenRefusalCode, message: string) {
    super(FORBIDDING.has(code) ? 'forbidden' : 'unauthenticated', code, message);
  }
}

export class AccessTokenKeysUnavailable extends DomainException {
  constructor() {
    super('unavailable', 'token_keys_unavailable', "Maskinporten's signing keys could not be fetched; try again shortly.");
  }
}

import { Conflict, DomainException, NotFound, ValidationFailed } from '@platform/errors';

export class InvalidCredentials extends DomainException {
  constructor() {
    super('unauthenticated', 'invalid_credentials', 'Feil e-post eller passord.');
  }
}

export class StaffEmailTaken extends Conflict {
  constructor(email: string) {
    super('staff_email_taken', `A staff user with e-mail ${email} already exists.`, [{ field: 'email', message: 'is already in use' }]);
  }
}

export class InvalidPasswordLink extends DomainException {
  constructor() {
    super('not-found', 'password_link_invalid', 'Lenken er ugyldig, brukt eller utløpt. Be om en ny.');
  }
}

export class WeakPassword extends ValidationFailed {
  constructor() {
    super([{ field: 'password', message: 'must be at least 12 characters' }], 'weak_password');
  }
}

export class ApiTokenNotFound extends NotFound {
  constructor() {
    super('The API token');
  }
}

export class InvalidSetupLink extends DomainException {
  constructor() {
    super('not-found', 'setup_link_invalid', 'The setup link is invalid, used or expired. Restart the application for a new one.');
  }
}

export class SetupAlreadyDone extends Conflict {
  constructor() {
    super('setup_done', 'The installation already has staff users; sign in instead.');
  }
}

import { Conflict, DomainException, NotFound, ValidationFailed } from '@platform/errors';

export class CatalogueVersionNotFound extends NotFound {
  constructor() {
    super('The catalogue version', 'catalogue_version_not_found');
  }
}

export class CatalogueVersionChangedMeanwhile extends DomainException {
  constructor() {
    super(
      'precondition-failed',
      'catalogue_version_changed',
      'The draft was changed by someone else since the version named was read. Read it again and apply the change to what is stored now.',
    );
  }
}

export class CatalogueServiceChangedMeanwhile extends DomainException {
  constructor(code: string) {
    super(
      'precondition-failed',
      'catalogue_service_changed',
      `The service ${code} was changed by someone else since the version named was read. Read it again and apply the change to what is stored now.`,
    );
  }
}

export class CatalogueVersionPublished extends Conflict {
  constructor(label: string) {
    super(
      'catalogue_version_published',
      `Version "${label}" is published and cannot be changed or deleted. Create a new draft from it instead.`,
    );
  }
}

export class NoCatalogueInForce extends NotFound {
  constructor(day: string) {
    super(`A catalogue version in force on ${day}`, 'catalogue_not_in_force');
  }
}

export class EmptyCatalogueVersion extends ValidationFailed {
  constructor() {
    super(
      [{ field: 'services', message: 'must contain at least one service before the version can be published' }],
      'catalogue_version_empty',
    );
  }
}

export class CatalogueServiceNotFound extends NotFound {
  constructor(code: string) {
    super(`The service "${code}" in this version`, 'catalogue_service_not_found');
  }
}

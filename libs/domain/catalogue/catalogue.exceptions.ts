import { ChangedMeanwhile, Conflict, NotFound, ValidationFailed } from '@platform/errors';

export class CatalogueVersionNotFound extends NotFound {
  constructor() {
    super('The catalogue version', 'catalogue_version_not_found');
  }
}

export class CatalogueVersionChangedMeanwhile extends ChangedMeanwhile {
  constructor() {
    super('The draft', 'catalogue_version_changed');
  }
}

export class CatalogueServiceChangedMeanwhile extends ChangedMeanwhile {
  constructor(code: string) {
    super(`The service ${code}`, 'catalogue_service_changed');
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

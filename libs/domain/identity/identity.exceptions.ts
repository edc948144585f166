import { ChangedMeanwhile, Conflict, DomainException, NotFound, ValidationFailed } from '@platform/errors';

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

export class StaffGroupNotFound extends NotFound {
  constructor() {
    super('The staff group', 'staff_group_not_found');
  }
}

export class StaffGroupChangedMeanwhile extends ChangedMeanwhile {
  constructor() {
    super('The group', 'staff_group_changed');
  }
}

export class StaffGroupNameTaken extends Conflict {
  constructor(name: string) {
    super('staff_group_name_taken', `An active staff group is already called ${name}.`, [{ field: 'name', message: 'is already in use' }]);
  }
}

export class StaffGroupCategoryTaken extends Conflict {
  constructor(category: string, group: string) {
    super('staff_group_category_taken', `Category ${category} is already routed to the group ${group}.`, [
      { field: 'categories', message: `${category} is already handled by ${group}` },
    ]);
  }
}

export class UnknownGroupMember extends ValidationFailed {
  constructor() {
    super([{ field: 'staffId', message: 'is not an active staff member' }], 'unknown_staff_user');
  }
}

/** A case's group must be an active (not archived) group. */
export class UnknownStaffGroup extends ValidationFailed {
  constructor() {
    super([{ field: 'groupId', message: 'is not an active staff group' }], 'unknown_group');
  }
}

export class UnknownAssignee extends ValidationFailed {
  constructor() {
    super([{ field: 'assigneeId', message: 'is not an active staff member who may work cases' }], 'unknown_assignee');
  }
}

export class AssigneeNotInGroup extends ValidationFailed {
  constructor() {
    super([{ field: 'assigneeId', message: 'is not a member of the group' }], 'assignee_not_in_group');
  }
}

import { Conflict, DomainException, NotFound, ValidationFailed } from '@platform/errors';

import type { MergeRefusal } from './rules/change-request-rules';

export class ChangeRequestNotFound extends NotFound {
  constructor() {
    super('The change request', 'change_request_not_found');
  }
}

export class UnknownChangeRequestService extends ValidationFailed {
  constructor(service: string) {
    super(
      [{ field: 'service', message: 'is not a service in the Bilag 2 version in force' }],
      'unknown_service',
      `Unknown service ${service}.`,
    );
  }
}

export class NoAccessToService extends ValidationFailed {
  constructor(service: string) {
    super(
      [{ field: 'service', message: 'is not a service the consumer has access to' }],
      'no_service_access',
      `The consumer has no access to ${service}.`,
    );
  }
}

export class OwnChangeRequest extends Conflict {
  constructor(reference: string) {
    super('own_change_request', `${reference} was submitted by the calling consumer; it already counts as its support.`);
  }
}

export class ChangeRequestMerged extends Conflict {
  constructor(reference: string, into: string) {
    super('change_request_merged', `${reference} was merged into ${into}; act on that request instead.`);
  }
}

export class MergeRefused extends Conflict {
  constructor(reason: MergeRefusal) {
    const why: Record<MergeRefusal, string> = {
      same_request: 'A request cannot be merged into itself.',
      already_merged: 'One of the requests is already merged into another.',
      service_mismatch: 'Only requests about the same service can be merged.',
      already_forwarded: 'The duplicate was already forwarded to Skatteetaten; merge the other way round.',
    };
    super(`merge_${reason}`, why[reason], [{ field: 'intoId', message: why[reason] }]);
  }
}

export class NotMerged extends Conflict {
  constructor(reference: string) {
    super('change_request_not_merged', `${reference} is not merged into another request.`);
  }
}

export class StatusChangeRefused extends Conflict {
  constructor(from: string, to: string) {
    super('status_change_refused', `A request that is ${from} cannot be set to ${to} by hand.`, [
      { field: 'status', message: `cannot go from ${from} to ${to}` },
    ]);
  }
}

export class NotForwardable extends Conflict {
  constructor(reference: string, status: string) {
    super('change_request_not_forwardable', `${reference} is ${status}; only new or assessed requests are forwarded.`);
  }
}

export class NotForwarded extends Conflict {
  constructor(reference: string) {
    super('change_request_not_forwarded', `${reference} has not been forwarded to Skatteetaten; there is no answer to record.`);
  }
}

export class NoForwardAddress extends DomainException {
  constructor(service: string) {
    super('unprocessable', 'no_escalation_address', `The catalogue in force has no escalation address for ${service}.`);
  }
}

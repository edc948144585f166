import { Conflict, DomainException, Forbidden, NotFound, ValidationFailed } from '@platform/errors';

export class IncidentNotFound extends NotFound {
  constructor() {
    super('The incident', 'incident_not_found');
  }
}

/** Merging asked for with the incident itself: nothing to merge, and not the same as two already merged. */
export class MergeWithItself extends Conflict {
  constructor(reference: string) {
    super('merge_with_itself', `${reference} cannot be merged with itself.`);
  }
}

export class MergeProposalNotFound extends NotFound {
  constructor() {
    super('The merge proposal', 'merge_proposal_not_found');
  }
}

export class ReportNotFound extends NotFound {
  constructor() {
    super('The report', 'report_not_found');
  }
}

export class IncidentAlreadyResolved extends Conflict {
  constructor(reference: string) {
    super('incident_resolved', `${reference} is already resolved; reopen it before escalating or changing it.`);
  }
}

/** Merging or moving into a resolved incident would leave open reports in it that nobody is told of. */
export class CorrectionOnResolvedIncident extends Conflict {
  constructor(reference: string) {
    super('correction_on_resolved', `${reference} is resolved; reopen it before merging it or moving reports into it.`);
  }
}

export class EnvironmentMismatch extends Conflict {
  constructor(message: string) {
    super('environment_mismatch', message);
  }
}

export class NoEscalationAddress extends DomainException {
  constructor(services: string[]) {
    super('unprocessable', 'no_escalation_address', `The catalogue in force has no escalation address for ${services.join(', ')}.`);
  }
}

export class IdempotencyKeyReused extends DomainException {
  constructor() {
    super('unprocessable', 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request body.');
  }
}

export class IdempotentRequestInFlight extends Conflict {
  constructor() {
    super('idempotency_in_flight', 'A request with this Idempotency-Key is still being processed; retry shortly.');
  }
}

export class UnknownConsumer extends DomainException {
  constructor(field: string, org: string) {
    super('validation', 'unknown_consumer', `No consumer with organisation number ${org} is registered.`, [
      { field, message: 'is not a registered consumer' },
    ]);
  }
}

export class NothingToSend extends Conflict {
  constructor(reference: string) {
    super('escalation_not_pending', `${reference} has no escalation waiting to be sent.`);
  }
}

export class EscalationNotSent extends Conflict {
  constructor(reference: string) {
    super('escalation_not_sent', `${reference} has no escalation thread to Skatteetaten yet; escalate it first.`);
  }
}

/** Only an ordinary thread whose incident staff since judged a security matter moves to the security channel. */
export class NoThreadToMove extends Conflict {
  constructor(reference: string) {
    super(
      'escalation_not_movable',
      `${reference} has no thread to move: only a sent thread to the ordinary channel of an incident staff moved to the security side moves to the security channel.`,
    );
  }
}

export class NoMunicipalityContacts extends DomainException {
  constructor() {
    super('unprocessable', 'no_municipality_contacts', 'None of the chosen municipalities has a registered contact to write to.');
  }
}

export class IncidentNotResolved extends Conflict {
  constructor(reference: string) {
    super('incident_not_resolved', `${reference} is not resolved; there is nothing to reopen.`);
  }
}

export class ReopenWindowClosed extends Conflict {
  constructor(days: number) {
    super('reopen_window_closed', `A report can be reopened only within ${days} days of its resolution; send a new report instead.`);
  }
}

export class SecurityCaseNotFound extends NotFound {
  constructor() {
    super('The security case', 'security_case_not_found');
  }
}

/** Staff without the security role see that a case exists, never what it holds. */
export class SecurityCaseRestricted extends Forbidden {
  constructor() {
    super('Only the security role and administrators may read a security case.', 'security_case_restricted');
  }
}

/** Staff registering a report on behalf of a consumer that is not registered. */
export class UnknownReportingConsumer extends ValidationFailed {
  constructor() {
    super([{ field: 'consumerId', message: 'is not a registered consumer' }], 'unknown_consumer');
  }
}

/** A live report whose problem starts later than it was received (beyond the allowed clock skew). */
export class StartInFuture extends ValidationFailed {
  constructor() {
    super([{ field: 'occurredAt', message: 'must not be in the future' }]);
  }
}

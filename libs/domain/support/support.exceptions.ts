import { ChangedMeanwhile, Conflict, NotFound, ValidationFailed } from '@platform/errors';

import type { MergeRefusal } from './rules/ticket-rules';

export class TicketNotFound extends NotFound {
  constructor() {
    super('The ticket', 'ticket_not_found');
  }
}

export class TicketLinkNotFound extends NotFound {
  constructor() {
    super('The link', 'ticket_link_not_found');
  }
}

export class TicketAttachmentNotFound extends NotFound {
  constructor() {
    super('The attachment', 'ticket_attachment_not_found');
  }
}

export class CannedResponseNotFound extends NotFound {
  constructor() {
    super('The canned response', 'canned_response_not_found');
  }
}

export class CannedResponseChangedMeanwhile extends ChangedMeanwhile {
  constructor() {
    super('The canned response', 'canned_response_changed');
  }
}

export class TicketClosed extends Conflict {
  constructor(reference: string) {
    super('ticket_closed', `${reference} is closed; open a new ticket instead.`);
  }
}

export class TicketStatusRefused extends Conflict {
  constructor(from: string, to: string) {
    super('ticket_status_refused', `A ticket that is ${from} cannot be set to ${to}.`, [
      { field: 'status', message: `cannot go from ${from} to ${to}` },
    ]);
  }
}

export class TicketMergeRefused extends Conflict {
  constructor(reason: MergeRefusal) {
    const why: Record<MergeRefusal, string> = {
      same_ticket: 'A ticket cannot be merged into itself.',
      already_merged: 'One of the tickets is already merged into another.',
      other_consumer: 'Only tickets from the same consumer can be merged.',
    };
    super(`ticket_merge_${reason}`, why[reason], [{ field: 'intoId', message: why[reason] }]);
  }
}

export class TicketNotMerged extends Conflict {
  constructor(reference: string) {
    super('ticket_not_merged', `${reference} is not merged into another ticket.`);
  }
}

export class UnknownTicketConsumer extends ValidationFailed {
  constructor() {
    super([{ field: 'consumerId', message: 'is not a registered consumer' }], 'unknown_consumer');
  }
}

export class UnknownTicketService extends ValidationFailed {
  constructor(service: string) {
    super(
      [{ field: 'service', message: 'is not a service in the Bilag 2 version in force' }],
      'unknown_service',
      `Unknown service ${service}.`,
    );
  }
}

export class LinkTargetNotFound extends ValidationFailed {
  constructor(kind: string, reference: string) {
    super([{ field: 'reference', message: `names no ${kind.replace('_', ' ')}` }], 'link_target_not_found', `No ${kind} ${reference}.`);
  }
}

export class TicketLinkToItself extends ValidationFailed {
  constructor(reference: string) {
    super(
      [{ field: 'reference', message: 'names this ticket itself' }],
      'ticket_link_to_itself',
      `${reference} cannot be linked to itself.`,
    );
  }
}

export class UnknownPlaceholders extends ValidationFailed {
  constructor(names: string[]) {
    super([{ field: 'body', message: `has unknown placeholders: ${names.map((n) => `{{${n}}}`).join(', ')}` }], 'unknown_placeholder');
  }
}

import { ChangedMeanwhile, Conflict, DomainException, NotFound } from '@platform/errors';

export class NoticeNotFound extends NotFound {
  constructor() {
    super('The notice', 'notice_not_found');
  }
}

/** Sending to nobody is refused: the notice's services, environments and narrowing match no contact. */
export class NoticeHasNoRecipients extends DomainException {
  constructor() {
    super(
      'unprocessable',
      'notice_no_recipients',
      'No consumer contact matches this notice (services, environments, packages, areas and roles). Nothing was sent.',
    );
  }
}

export class NoticeNotEditable extends Conflict {
  constructor(status: string) {
    super('notice_not_editable', `The notice is ${status}; only a draft or scheduled notice can be changed.`);
  }
}

export class NoticeChangedMeanwhile extends ChangedMeanwhile {
  constructor() {
    super('The notice', 'notice_changed');
  }
}

export class NoticeWithdrawn extends Conflict {
  constructor() {
    super('notice_withdrawn', 'The notice is withdrawn: it can no longer be sent or acknowledged.');
  }
}

export class AcknowledgementLinkInvalid extends NotFound {
  constructor() {
    super('The acknowledgement link', 'notice_ack_link_invalid');
  }
}

export class AcknowledgementLinkExpired extends DomainException {
  constructor() {
    super('unprocessable', 'notice_ack_link_expired', 'The acknowledgement link has expired. Nothing was recorded.');
  }
}

export class AcknowledgementAlreadyGiven extends Conflict {
  constructor(action: string) {
    super('notice_ack_already_given', `This link has already been used to confirm "${action}". Nothing was changed.`);
  }
}

export class AcknowledgementNotOffered extends DomainException {
  constructor() {
    super('unprocessable', 'notice_ack_not_offered', 'This notice asks for no "ready" confirmation.');
  }
}

export class NoticeFeedNotFound extends NotFound {
  constructor() {
    super('The feed', 'notice_feed_not_found');
  }
}

export class NoticeFeedExists extends Conflict {
  constructor() {
    super('notice_feed_exists', 'A feed with this address is registered already.');
  }
}

export class OperationalMessageNotFound extends NotFound {
  constructor() {
    super('The operational message', 'operational_message_not_found');
  }
}

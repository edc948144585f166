import { Injectable } from '@nestjs/common';
import { ListOutboxMessages } from '@platform/mail';

import { IncidentMessageRepository } from './incident-message.repository';

/** How the next message of an escalation thread is addressed within it. */
export interface ThreadReply {
  inReplyTo: string;
  references: string[];
  /** The first message's subject, which every later one answers under. */
  threadSubject: string | null;
}

/**
 * Every later message to Skatteetaten, written by staff or sent automatically (updates, the
 * closing message), answers Skatteetaten's latest message once they have written, else KS's first:
 * their case system files a message by the one it answers, and their answer may carry their case
 * number. References name the thread's first message and the one answered.
 */
@Injectable()
export class EscalationThread {
  constructor(
    private readonly messages: IncidentMessageRepository,
    private readonly outbox: ListOutboxMessages,
  ) {}

  async replyIn(incidentId: string, rootMessageId: string): Promise<ThreadReply> {
    const answered = (await this.messages.latestFromSkatteetaten(incidentId))?.messageIds[0];
    return {
      inReplyTo: answered ?? rootMessageId,
      references: [...new Set([rootMessageId, ...(answered ? [answered] : [])])],
      threadSubject: await this.outbox.subjectOf(rootMessageId),
    };
  }
}

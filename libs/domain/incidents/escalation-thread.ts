import { Injectable } from '@nestjs/common';
import { ListOutboxMessages } from '@platform/mail';

import { IncidentMessageRepository } from './incident-message.repository';
import { ESCALATION_MAIL } from './mail/escalation.mail';
import { ESCALATION_CLOSED_MAIL } from './mail/escalation-closed.mail';
import { ESCALATION_FOLLOW_UP_MAIL } from './mail/escalation-follow-up.mail';
import { ESCALATION_MERGED_MAIL } from './mail/escalation-merged.mail';
import { ESCALATION_MOVED_MAIL } from './mail/escalation-moved.mail';
import { INCIDENT_MESSAGE_SKE_MAIL } from './mail/incident-message-ske.mail';

/** What KS writes to Skatteetaten in an incident's thread (template names): an answer to one is Skatteetaten's. */
export const ESCALATION_THREAD_TEMPLATES: ReadonlySet<string> = new Set(
  [
    ESCALATION_MAIL,
    ESCALATION_FOLLOW_UP_MAIL,
    INCIDENT_MESSAGE_SKE_MAIL,
    ESCALATION_MERGED_MAIL,
    ESCALATION_MOVED_MAIL,
    ESCALATION_CLOSED_MAIL,
  ].map((t) => t.name),
);

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
    const answered = (await this.messages.latestFromSkatteetaten(incidentId, rootMessageId))?.messageIds[0];
    return {
      inReplyTo: answered ?? rootMessageId,
      references: [...new Set([rootMessageId, ...(answered ? [answered] : [])])],
      threadSubject: await this.subjectOf(rootMessageId),
    };
  }

  /**
   * The thread an e-mail we sent belongs to, by its first message's Message-ID: every later message
   * of a thread names the first one first in its References. Null when we did not send it.
   */
  rootOf(messageId: string): Promise<string | null> {
    return this.outbox.threadRootOf(messageId);
  }

  /** The subject of the thread's first message, if the outbox still holds it. */
  subjectOf(rootMessageId: string): Promise<string | null> {
    return this.outbox.subjectOf(rootMessageId);
  }
}

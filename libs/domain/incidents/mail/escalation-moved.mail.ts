import { defineMailTemplate } from '@platform/mail';

/**
 * The last message of an ordinary thread to Skatteetaten whose incident staff judged a security
 * matter after it went out: KS goes on in the security channel, and this case at Skatteetaten
 * would otherwise wait for a word that never comes. It names nothing of the security matter.
 */
export interface EscalationMovedMail {
  reference: string;
  /**
   * The first message's subject: every message of the thread answers under it. Without it, the
   * reference alone: a title staff set since may name the matter.
   */
  threadSubject: string | null;
  skeCaseReference: string | null;
}

export const ESCALATION_MOVED_MAIL = defineMailTemplate<EscalationMovedMail>('escalation-moved', __dirname, {
  toOneParty: true,
  reader: 'skatteetaten',
});

import { defineMailTemplate } from '@platform/mail';

/**
 * The last message of a thread to Skatteetaten whose incident KS merged into another incident
 * that has a thread of its own: their case system holds two cases for one fault, and this one
 * would otherwise never hear another word.
 */
export interface EscalationMergedMail {
  /** The merged incident, whose thread this is. */
  reference: string;
  title: string;
  /** The first message's subject: every message of the thread answers under it. */
  threadSubject: string | null;
  skeCaseReference: string | null;
  /**
   * The incident that goes on and its thread, which this thread's recipients receive from now on;
   * null when it goes on in another channel (a security matter never reaches an ordinary one).
   */
  continuesIn: { reference: string; skeCaseReference: string | null; threadSubject: string } | null;
}

export const ESCALATION_MERGED_MAIL = defineMailTemplate<EscalationMergedMail>('escalation-merged', __dirname, {
  toOneParty: true,
  reader: 'skatteetaten',
});

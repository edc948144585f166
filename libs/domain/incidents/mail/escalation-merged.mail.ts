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
  /** The incident it was merged into. */
  survivorReference: string;
  survivorSkeCaseReference: string | null;
  /**
   * The subject of the thread that goes on, when this thread's recipients receive it from now on;
   * null when it goes to another channel (a security thread and an ordinary one are never joined).
   */
  survivorThreadSubject: string | null;
}

export const ESCALATION_MERGED_MAIL = defineMailTemplate<EscalationMergedMail>('escalation-merged', __dirname, {
  toOneParty: true,
  reader: 'skatteetaten',
});

/**
 * The port through which a context takes e-mail that came in: the inbound pipeline (support)
 * stores and screens every message, then hands it to the context that owns its thread. A context
 * claims threads by the outbox `related` types of the messages it sent (whose Message-IDs a reply
 * names in In-Reply-To/References) and by the reference prefixes it writes in subjects.
 */
export interface InboundMail {
  /** The stored inbound message (support's inbound_message.id). */
  id: string;
  messageId: string;
  from: string;
  fromName: string | null;
  /** Identity numbers masked. */
  subject: string;
  /** Identity numbers masked; quoted history left as sent. */
  text: string;
  receivedAt: Date;
  attachmentCount: number;
}

/** Where a message belongs, as the pure routing rule found it. */
export type InboundMailTarget =
  | {
      how: 'message-id';
      /** The outbound Message-ID the reply names. */
      messageId: string;
      /** The outbox row's related object and template. */
      relatedType: string;
      relatedId: string;
      template: string;
    }
  | { how: 'subject-reference'; reference: string };

export interface InboundMailOutcome {
  /** False when the owner declines it after all (e.g. the reference names nothing): it stays unrouted. */
  accepted: boolean;
  /** What it became, for staff: e.g. 'incident:KS-2026-0042'. */
  summary?: string;
}

export interface InboundMailHandler {
  /** Short name stored with the routed message, e.g. 'incidents'. */
  readonly name: string;
  /** Outbox related types whose messages this context answers replies to. */
  readonly relatedTypes: readonly string[];
  /** Reference prefixes this context owns in subjects ('KS' for KS-2026-0042). */
  readonly referencePrefixes: readonly string[];
  /** Runs inside the transaction that stores the message; throwing rolls both back and the sender retries. */
  accept(mail: InboundMail, target: InboundMailTarget): Promise<InboundMailOutcome>;
}

/** Nest token for the list of handlers the inbound pipeline routes to. */
export const INBOUND_MAIL_HANDLERS = Symbol('INBOUND_MAIL_HANDLERS');

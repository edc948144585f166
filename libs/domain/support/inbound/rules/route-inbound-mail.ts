import type { InboundMailTarget } from '@domain/shared';

/** A context that takes inbound mail, as routing sees it (the rest of the port is not needed here). */
export interface RouteOwner {
  name: string;
  relatedTypes: readonly string[];
  referencePrefixes: readonly string[];
}

/** One message we sent, by its Message-ID. */
export interface SentMessage {
  messageId: string;
  template: string;
  relatedType: string | null;
  relatedId: string | null;
}

export interface RouteInput {
  inReplyTo: string | null;
  references: readonly string[];
  subject: string;
  /** What the outbox knows of the Message-IDs the message names (unknown ones are absent). */
  sent: readonly SentMessage[];
  owners: readonly RouteOwner[];
}

export interface Route {
  owner: string;
  target: InboundMailTarget;
}

/** KS-2026-0042, M-2026-00042, EN-2026-0007: the prefix, a year and a number. */
const REFERENCE = /(?<![A-Za-z0-9-])([A-Z]{1,4})-(\d{4})-(\d{4,6})(?![0-9])/g;

/** The longest line a message may have (RFC 5322, 2.1.1): no Message-ID of a real message is longer. */
const MAX_MESSAGE_ID_LENGTH = 998;

/**
 * `<a@b>` as the outbox stores it, whether or not the header kept the brackets. Null for none, or
 * for one no mail system writes: with spaces or control characters (which PostgreSQL cannot store
 * in text), or longer than a line (which its index could not hold).
 */
export function normaliseMessageId(id: string): string | null {
  const trimmed = id.trim().replace(/^<|>$/g, '').trim();
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  const valid = trimmed && !/[\s\u0000-\u001f\u007f]/.test(trimmed) && trimmed.length + 2 <= MAX_MESSAGE_ID_LENGTH;
  return valid ? `<${trimmed}>` : null;
}

/** The Message-IDs a reply names, most specific first: In-Reply-To, then References from the newest. */
export function threadMessageIds(inReplyTo: string | null, references: readonly string[]): string[] {
  const ids = [inReplyTo, ...[...references].reverse()].map((id) => (id ? normaliseMessageId(id) : null));
  return [...new Set(ids.filter((id): id is string => !!id))];
}

/**
 * Where an inbound message may belong, most likely first: the threads its headers name (Message-IDs
 * we sent, about an object a context owns), then each reference written in its subject whose prefix
 * a context owns. The first owner that accepts it takes it; one that declines (a sender it does not
 * know) leaves it to the next. Empty: no context claims it.
 */
export function inboundMailRoutes({ inReplyTo, references, subject, sent, owners }: RouteInput): Route[] {
  const routes: Route[] = [];
  const byId = new Map(sent.map((s) => [s.messageId, s]));
  for (const id of threadMessageIds(inReplyTo, references)) {
    const message = byId.get(id);
    if (!message?.relatedType || !message.relatedId) continue;
    const owner = owners.find((o) => o.relatedTypes.includes(message.relatedType!));
    if (owner)
      routes.push({
        owner: owner.name,
        target: {
          how: 'message-id',
          messageId: id,
          relatedType: message.relatedType,
          relatedId: message.relatedId,
          template: message.template,
        },
      });
  }
  for (const match of subject.matchAll(REFERENCE)) {
    const owner = owners.find((o) => o.referencePrefixes.includes(match[1]));
    if (owner) routes.push({ owner: owner.name, target: { how: 'subject-reference', reference: match[0] } });
  }
  return routes;
}

/**
 * Which inbound messages were written by a machine (auto-replies, bounces, lists) or are our own
 * mail coming back: they are kept but never routed, so no thread grows by itself and no reply
 * bounces between two robots. The conventions: RFC 3834 (Auto-Submitted), Precedence, Microsoft's
 * X-Auto-Response-Suppress, X-Autoreply/X-Autorespond, RFC 2919 (List-Id) and the null sender.
 */
export type AutomaticMailReason =
  'auto-submitted' | 'precedence' | 'autoreply-header' | 'auto-response-suppress' | 'null-sender' | 'own-address' | 'mailing-list';

export interface MailScreenInput {
  /** Header name (lower case) → value, as received. */
  headers: Readonly<Record<string, string>>;
  /** The From address. */
  from: string;
  /** The SMTP envelope sender (MAIL FROM); '' for the null sender <>, null when unknown. */
  envelopeFrom: string | null;
  /** Addresses the desk sends from: mail from them is our own coming back. */
  ownAddresses: readonly string[];
}

const AUTOMATIC_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply']);

/** The first reason this message is automatic, or null for mail a person wrote. */
export function automaticMailReason({ headers, from, envelopeFrom, ownAddresses }: MailScreenInput): AutomaticMailReason | null {
  const header = (name: string) => headers[name]?.trim().toLowerCase();
  const own = new Set(ownAddresses.map(bareAddress));
  if (from && own.has(bareAddress(from))) return 'own-address';
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && autoSubmitted.split(';')[0].trim() !== 'no') return 'auto-submitted';
  const precedence = header('precedence');
  if (precedence && AUTOMATIC_PRECEDENCE.has(precedence)) return 'precedence';
  if (header('x-autoreply') !== undefined || header('x-autorespond') !== undefined) return 'autoreply-header';
  if (header('x-auto-response-suppress') !== undefined) return 'auto-response-suppress';
  if (envelopeFrom === '' || (header('return-path') !== undefined && /^<\s*>$/.test(header('return-path')!))) return 'null-sender';
  if (header('list-id') !== undefined) return 'mailing-list';
  return null;
}

/** `Name <a@b.no>` or `a@b.no` → `a@b.no`, lower case. */
export function bareAddress(address: string): string {
  const inBrackets = /<([^>]*)>/.exec(address);
  return (inBrackets ? inBrackets[1] : address).trim().toLowerCase();
}

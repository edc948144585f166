import type { InboundMailTarget } from '@domain/shared';
import type { AutomaticMailReason, InboundMessageStatus } from '@domain/support';

import type { PageTexts } from '../shared/form-errors';
import type { NavSection } from '../shared/navigation';

export const INBOUND_MAIL_NAV: NavSection[] = [
  { menu: 'staff', label: 'Innkommende e-post', href: '/inbound-mail', order: 71, permission: 'inbound-mail.read' },
];

export const INBOUND_MAIL_TITLES = {
  list: 'Innkommende e-post',
  message: 'Innkommende e-post',
  /** In place of the subject of a message about a security case the reader may not see. */
  restrictedSubject: 'Sikkerhetssak (innholdet er skjermet)',
};

export const INBOUND_STATUS_LABELS: Record<InboundMessageStatus, string> = {
  routed: 'Fordelt',
  unrouted: 'Ikke fordelt',
  ignored: 'Automatisk, ikke fordelt',
};

export const IGNORED_REASON_LABELS: Record<AutomaticMailReason, string> = {
  'auto-submitted': 'automatisk svar (Auto-Submitted)',
  precedence: 'masseutsendelse (Precedence)',
  'autoreply-header': 'autosvar (X-Autoreply)',
  'auto-response-suppress': 'fraværsmelding eller annet automatisk (X-Auto-Response-Suppress)',
  'null-sender': 'returmelding (tom avsender)',
  'own-address': 'vår egen e-post som kom tilbake',
  'mailing-list': 'e-postliste (List-Id)',
};

export const ROUTE_HOW_LABELS: Record<InboundMailTarget['how'], string> = {
  'message-id': 'svar i tråd',
  'subject-reference': 'referanse i emnefeltet',
  'new-conversation': 'ny henvendelse',
};

/** What a routed message became, by the kind its owner's summary starts with (`ticket:HV-2026-0001`). */
export const ROUTE_TARGET_LABELS: Record<string, string> = { incident: 'hendelse', ticket: 'henvendelse' };

export const INBOUND_MAIL_PAGE_TEXTS: PageTexts = {
  errors: { inbound_mail_not_found: 'Fant ikke e-posten.' },
};

import type { AutomaticMailReason, InboundMessageStatus } from '@domain/support';

import type { PageTexts } from '../shared/form-errors';
import type { NavSection } from '../shared/navigation';

export const INBOUND_MAIL_NAV: NavSection[] = [
  { menu: 'staff', label: 'Innkommende e-post', href: '/inbound-mail', order: 71, permission: 'inbound-mail.read' },
];

export const INBOUND_MAIL_TITLES = { list: 'Innkommende e-post', message: 'Innkommende e-post' };

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

export const ROUTE_HOW_LABELS: Record<'message-id' | 'subject-reference', string> = {
  'message-id': 'svar i tråd',
  'subject-reference': 'referanse i emnefeltet',
};

export const INBOUND_MAIL_PAGE_TEXTS: PageTexts = {
  errors: { inbound_mail_not_found: 'Fant ikke e-posten.' },
};

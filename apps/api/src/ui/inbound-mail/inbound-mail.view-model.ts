import type { InboundAttachment, InboundMessage, InboundMessageStatus } from '@domain/support';
import type { Page } from '@platform/database';

import { type ListLinks, type ListQuery, type ListSpec, pagination } from '../shared/list-query';
import { sizeText } from '../shared/numbers';
import { COUNTED_NOUNS } from '../shared/shared.texts.nb';
import {
  IGNORED_REASON_LABELS,
  INBOUND_MAIL_TITLES,
  INBOUND_STATUS_LABELS,
  ROUTE_HOW_LABELS,
  ROUTE_TARGET_LABELS,
} from './inbound-mail.texts.nb';

/** Newest first, 50 a page. */
export const INBOUND_MAIL_LIST: ListSpec<'received'> = { sorts: { received: 'desc' }, defaultSort: 'received', pageSize: 50 };

const STATUS_COLORS: Record<InboundMessageStatus, string> = { routed: 'success', unrouted: 'warning', ignored: 'neutral' };

/** Where a message went, in a few words: the context's summary, or why it stayed. */
export function routeText(m: Pick<InboundMessage, 'status' | 'ignoredReason' | 'routeHow' | 'routeSummary'>): string {
  if (m.status === 'ignored') return m.ignoredReason ? IGNORED_REASON_LABELS[m.ignoredReason] : INBOUND_STATUS_LABELS.ignored;
  if (m.status === 'unrouted') return 'Venter på saksbehandler';
  const target =
    m.routeSummary?.replace(/^(\w+):/, (whole, kind: string) => (ROUTE_TARGET_LABELS[kind] ? `${ROUTE_TARGET_LABELS[kind]} ` : whole)) ??
    '';
  return [target, m.routeHow ? `(${ROUTE_HOW_LABELS[m.routeHow]})` : ''].filter(Boolean).join(' ');
}

/** The page of the ticket a message opened or was added to; other owners' objects are named, not linked. */
export function routeHref(m: Pick<InboundMessage, 'routeSummary'>): string | null {
  const ticket = /^ticket:(HV-\d{4}-\d{4,})$/.exec(m.routeSummary ?? '');
  return ticket ? `/tickets/ref/${ticket[1]}` : null;
}

const row = (m: InboundMessage) => ({
  ...m,
  statusLabel: INBOUND_STATUS_LABELS[m.status],
  statusColor: STATUS_COLORS[m.status],
  routeText: routeText(m),
  routeHref: routeHref(m),
});

export function inboundMailListViewModel(
  messages: Page<InboundMessage & { restricted?: boolean }>,
  status: InboundMessageStatus | undefined,
  list: ListQuery<'received'>,
) {
  const links: ListLinks<'received'> = { path: '/inbound-mail', filter: { status }, query: list };
  return {
    title: INBOUND_MAIL_TITLES.list,
    status,
    statusOptions: Object.entries(INBOUND_STATUS_LABELS).map(([value, label]) => ({ value, label, selected: value === status })),
    messages: messages.items.map((m) => row(m.restricted ? { ...m, subject: INBOUND_MAIL_TITLES.restrictedSubject } : m)),
    pagination: pagination(links, messages.total, COUNTED_NOUNS.inboundMail),
  };
}

export function inboundMessageViewModel(message: InboundMessage & { attachments: InboundAttachment[] }) {
  return {
    title: INBOUND_MAIL_TITLES.message,
    message: row(message),
    attachments: message.attachments.map((a) => ({ ...a, sizeText: sizeText(a.sizeBytes) })),
  };
}

import {
  type AudienceRecipient,
  confirmationsDue,
  type ConsumerNoticeView,
  type NoticeDetail,
  type NoticeView,
  ROLE_TEXT_HEADINGS,
} from '@domain/notices';

import { choices } from '../shared/form-body';
import {
  DELIVERY_LABELS,
  ENVIRONMENT_LABELS,
  NOTICE_KIND_LABELS,
  NOTICE_STATUS_TAGS,
  PORTAL_NOTICE_TITLES,
  ROLE_LABELS,
} from './notices.texts.nb';

/** A notice as a row of the list and the head of its page. */
export function noticeRow(n: NoticeView) {
  return {
    ...n,
    kindLabel: NOTICE_KIND_LABELS[n.kind],
    tag: NOTICE_STATUS_TAGS[n.status],
    environmentLabels: n.environments.map((e) => ENVIRONMENT_LABELS[e] ?? e),
    roleLabels: n.roles.length ? n.roles.map((r) => ROLE_LABELS[r] ?? r) : ['Alle roller'],
    isDraft: n.status === 'draft',
    isScheduled: n.status === 'scheduled',
    isSent: n.status === 'sent',
    canSend: n.status === 'draft' || n.status === 'scheduled',
    canWithdraw: n.status !== 'withdrawn',
  };
}

/** Pages of the list: numbers and links, newest first. */
export function pager(total: number, page: number, perPage: number) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  return {
    total,
    page,
    pages,
    previous: page > 1 ? page - 1 : null,
    next: page < pages ? page + 1 : null,
  };
}

/** Per consumer: how many of its contacts were written to, delivered, read and ready; in all: e-mails and consumers. */
export function consumerDashboard(detail: Pick<NoticeDetail, 'recipients'>) {
  const rows = new Map<
    string,
    { consumerName: string; orgNumber: string; contacts: number; delivered: number; read: number; ready: number; failed: number }
  >();
  for (const r of detail.recipients) {
    const row = rows.get(r.consumerId) ?? {
      consumerName: r.consumerName,
      orgNumber: r.orgNumber,
      contacts: 0,
      delivered: 0,
      read: 0,
      ready: 0,
      failed: 0,
    };
    row.contacts++;
    if (r.delivery === 'sent') row.delivered++;
    if (r.delivery === 'failed') row.failed++;
    if (r.readAt) row.read++;
    if (r.readyAt) row.ready++;
    rows.set(r.consumerId, row);
  }
  const list = [...rows.values()].sort((a, b) => a.consumerName.localeCompare(b.consumerName, 'nb'));
  // An address that answers for several consumers got one e-mail.
  const addresses = new Map(detail.recipients.map((r) => [r.email, r.delivery]));
  return {
    rows: list,
    totals: {
      consumers: list.length,
      contacts: addresses.size,
      delivered: [...addresses.values()].filter((d) => d === 'sent').length,
      read: list.filter((r) => r.read > 0).length,
      ready: list.filter((r) => r.ready > 0).length,
    },
  };
}

export function recipientRows(detail: Pick<NoticeDetail, 'recipients'>) {
  return detail.recipients.map((r) => ({
    ...r,
    roleLabel: ROLE_LABELS[r.role] ?? r.role,
    deliveryLabel: DELIVERY_LABELS[r.delivery] ?? r.delivery,
  }));
}

export function previewRows(recipients: AudienceRecipient[]) {
  return recipients.map((r) => ({ ...r, roleLabel: ROLE_LABELS[r.role] ?? r.role }));
}

/** The editor's choices, with what was entered kept after a failed post. */
export function editorChoices(
  services: Array<{ code: string; name: string }>,
  areas: readonly string[],
  values: Record<string, unknown> = {},
) {
  const chosen = (k: string) => [values[k] ?? []].flat().map(String);
  return {
    kinds: choices(Object.keys(NOTICE_KIND_LABELS) as Array<keyof typeof NOTICE_KIND_LABELS>, NOTICE_KIND_LABELS, chosen('kind')),
    environments: choices(['production', 'test'] as const, { production: 'Produksjon', test: 'Test' }, chosen('environments')),
    roles: choices(
      ['technical', 'professional', 'security'] as const,
      { technical: 'Teknisk', professional: 'Faglig', security: 'Sikkerhet' },
      chosen('roles'),
    ),
    services: services.map((s) => ({ value: s.code, label: `${s.name} (${s.code})`, selected: chosen('services').includes(s.code) })),
    areas: areas.map((a) => ({ value: a, label: a, selected: chosen('serviceAreas').includes(a) })),
  };
}

/** The portal's list: each notice with the buttons still to press (none once withdrawn). */
/** The portal's notices page, in the portal's layout whether shown directly, after a confirmation or after a refusal. */
export function portalNoticesViewModel(notices: ConsumerNoticeView[]) {
  return { title: PORTAL_NOTICE_TITLES.list, layout: 'portal', notices: portalNoticeRows(notices) };
}

export function portalNoticeRows(notices: ConsumerNoticeView[]) {
  return notices.map((n) => {
    const withdrawn = n.status === 'withdrawn';
    const due = confirmationsDue(n);
    return {
      ...noticeRow(n),
      text: n.text,
      roleTexts: n.roleTexts.map((t) => ({ heading: ROLE_TEXT_HEADINGS[t.role] ?? t.role, text: t.text })),
      readAt: n.readAt,
      readyAt: n.readyAt,
      withdrawn,
      askRead: due.read,
      askReady: due.ready,
    };
  });
}

const OSLO_LOCAL = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A stored notice as the editor's form values (datetime-local in Oslo time, lists one per line). */
export function formValuesOf(n: NoticeView): Record<string, string | string[]> {
  return {
    title: n.title,
    kind: n.kind,
    body: n.body,
    technicalBody: n.technicalBody ?? '',
    professionalBody: n.professionalBody ?? '',
    services: n.services,
    environments: n.environments,
    roles: n.roles,
    serviceAreas: n.serviceAreas,
    entitlementPackages: n.entitlementPackages.join('\n'),
    effectiveAt: OSLO_LOCAL.format(n.effectiveAt).replace(' ', 'T'),
    links: n.links.map((l) => (l.title === l.url ? l.url : `${l.title} | ${l.url}`)).join('\n'),
  };
}

import { versionOf } from '@domain/shared';

import type { Notice, NoticeStatus } from './notice.entity';
import type { NoticeOrigin } from './notice-feed.views';
import type { NoticeRecipient } from './notice-recipient.entity';
import type { AudienceRecipient } from './rules/audience';
import { needsWork, type NoticeKind, type NoticeLink } from './rules/notice-input';

/** A notice as the API and pages show it. */
export interface NoticeView {
  id: string;
  title: string;
  kind: NoticeKind;
  needsWork: boolean;
  body: string;
  technicalBody: string | null;
  professionalBody: string | null;
  services: string[];
  environments: string[];
  entitlementPackages: string[];
  serviceAreas: string[];
  roles: string[];
  effectiveAt: Date;
  links: NoticeLink[];
  status: NoticeStatus;
  scheduledAt: Date | null;
  sentAt: Date | null;
  withdrawnAt: Date | null;
  source: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** Changes with every change to the notice (see versionOf): the ETag, and what an editor sends back in If-Match. */
  version: string;
}

export function toNoticeView(n: Notice): NoticeView {
  const view = {
    id: n.id,
    title: n.title,
    kind: n.kind,
    needsWork: needsWork(n.kind),
    body: n.body,
    technicalBody: n.technicalBody,
    professionalBody: n.professionalBody,
    services: n.services,
    environments: n.environments,
    entitlementPackages: n.entitlementPackages,
    serviceAreas: n.serviceAreas,
    roles: n.roles,
    effectiveAt: n.effectiveAt,
    links: n.links,
    status: n.status,
    scheduledAt: n.scheduledAt,
    sentAt: n.sentAt,
    withdrawnAt: n.withdrawnAt,
    source: n.source,
    createdBy: n.createdBy,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
  return { ...view, version: versionOf(view) };
}

/** Whom a recipient row of a sent notice stands for, as its audience named them. */
export function audienceEntryOf(r: NoticeRecipient): AudienceRecipient {
  return {
    consumerId: r.consumerId,
    consumerName: r.consumerName,
    orgNumber: r.orgNumber,
    name: r.name,
    email: r.email,
    role: r.role,
    services: r.services,
  };
}

/** One recipient of a sent notice, as staff follow it up. */
export interface NoticeRecipientView extends AudienceRecipient {
  id: string;
  /** The outbox status of the e-mail: pending, sending, sent or failed. */
  delivery: string;
  readAt: Date | null;
  readyAt: Date | null;
}

export interface NoticeReminderView {
  email: string;
  consumerName: string;
  daysBefore: number;
  sentAt: Date;
}

export interface NoticeDetail extends NoticeView {
  /** The feed entry a proposed draft came from. */
  origin: NoticeOrigin | null;
  recipients: NoticeRecipientView[];
  reminders: NoticeReminderView[];
}

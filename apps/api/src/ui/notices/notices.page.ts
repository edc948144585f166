import { GetCatalogueInForce, KS_SERVICE_AREAS } from '@domain/catalogue';
import { AcknowledgeNotice, GetNotice, ListConsumerNotices, type NoticeView, PreviewNoticeAudience } from '@domain/notices';
import { Injectable } from '@nestjs/common';

import type { AuthenticatedRequest } from '../../auth/current-principal.decorator';
import { invalidFields, linkedToFields } from '../shared/form-errors';
import type { FormFailure, FormPage } from '../shared/page-form';
import { originOf } from './feeds.view-model';
import { NOTICE_DONE_TEXTS, NOTICE_PAGE_TEXTS, NOTICE_TITLES } from './notices.texts.nb';
import {
  consumerDashboard,
  editorChoices,
  formValuesOf,
  noticeRow,
  portalNoticesViewModel,
  previewRows,
  recipientRows,
} from './notices.view-model';

/** Where each field the notice's rules can refuse sits in the editor (element ids). */
const NOTICE_FIELD_IDS: Readonly<Record<string, string>> = {
  title: 'title',
  kind: 'kind',
  services: 'services',
  environments: 'environments',
  roles: 'roles',
  effectiveAt: 'effectiveAt',
  body: 'body',
  technicalBody: 'technicalBody',
  professionalBody: 'professionalBody',
  'links.url': 'links',
};

/** The editor of a new notice: content per audience, services, environments and narrowing. */
@Injectable()
export class NewNoticePage implements FormPage {
  readonly view = 'notices/new';
  readonly audience = 'staff';
  readonly texts = NOTICE_PAGE_TEXTS;

  constructor(
    private readonly catalogue: GetCatalogueInForce,
    private readonly notices: GetNotice,
  ) {}

  /** The empty editor, or a draft's (`notice`) to change; after a failed post, what was entered. */
  async load(failure?: FormFailure, notice?: NoticeView) {
    const current = await this.catalogue.find();
    const values = failure?.body ?? (notice ? formValuesOf(notice) : {});
    return {
      title: notice ? NOTICE_TITLES.edit(notice.title) : NOTICE_TITLES.new,
      action: notice ? `/notices/${notice.id}` : '/notices',
      editing: notice ?? null,
      values,
      ...editorChoices(current?.services ?? [], KS_SERVICE_AREAS, values),
      error: failure?.error,
      fieldErrors: linkedToFields(failure?.fieldErrors ?? [], NOTICE_FIELD_IDS),
      invalid: invalidFields(failure?.fieldErrors),
    };
  }

  async model(_req: AuthenticatedRequest, failure: FormFailure) {
    const id = failure.params.id;
    return this.load(failure, id ? await this.notices.execute(id) : undefined);
  }
}

/** One notice: its content, who it reaches (preview before sending), delivery and acknowledgement per consumer, reminders. */
@Injectable()
export class NoticePage implements FormPage {
  readonly view = 'notices/show';
  readonly audience = 'staff';
  readonly texts = NOTICE_PAGE_TEXTS;

  constructor(
    private readonly notices: GetNotice,
    private readonly preview: PreviewNoticeAudience,
  ) {}

  async load(id: string, done?: string, failure?: FormFailure) {
    const detail = await this.notices.execute(id);
    const notice = noticeRow(detail);
    const audience = notice.canSend ? await this.preview.execute(id) : null;
    return {
      title: detail.title,
      notice,
      origin: originOf(detail.origin),
      preview: audience && { consumers: audience.consumers, addresses: audience.addresses, recipients: previewRows(audience.recipients) },
      dashboard: consumerDashboard(detail),
      recipients: recipientRows(detail),
      reminders: detail.reminders,
      done: NOTICE_DONE_TEXTS[done ?? ''],
      error: failure?.error,
      fieldErrors: linkedToFields(failure?.fieldErrors ?? [], { sendAt: 'sendAt' }),
      invalid: invalidFields(failure?.fieldErrors),
      // A refused plan shows the time again as it was typed.
      sendAt: typeof failure?.body.sendAt === 'string' ? failure.body.sendAt : '',
    };
  }

  model(_req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(failure.params.id ?? '', undefined, failure);
  }
}

/** The acknowledgement page shown again with what went wrong (expired, used, invalid). */
@Injectable()
export class AcknowledgementPage implements FormPage {
  readonly view = 'notices/ack';
  readonly audience = 'anyone';
  readonly texts = NOTICE_PAGE_TEXTS;

  constructor(private readonly acknowledge: AcknowledgeNotice) {}

  async model(_req: AuthenticatedRequest, failure: FormFailure) {
    const token = failure.params.token ?? '';
    const state = await this.acknowledge.describe(token).catch(() => null);
    return { title: NOTICE_TITLES.ack, layout: 'bare', token, state, error: failure.error };
  }
}

/** The portal's notices shown again with what went wrong (already confirmed, withdrawn). */
@Injectable()
export class PortalNoticesPage implements FormPage {
  readonly view = 'notices/portal';
  readonly audience = 'consumer';
  readonly texts = NOTICE_PAGE_TEXTS;

  constructor(private readonly notices: ListConsumerNotices) {}

  async model(req: AuthenticatedRequest, failure: FormFailure) {
    const consumerId = req.principal?.kind === 'consumer' ? req.principal.consumerId : '';
    return { ...portalNoticesViewModel(await this.notices.execute(consumerId)), error: failure.error };
  }
}

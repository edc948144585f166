import { GetCatalogueInForce } from '@domain/catalogue';
import { FEED_KIND_VALUES, ListNoticeFeeds } from '@domain/notices';
import { ENVIRONMENTS } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import type { AuthenticatedRequest } from '../../auth/current-principal.decorator';
import { choices } from '../shared/form-body';
import type { FormFailure, FormPage } from '../shared/page-form';
import { feedRow, messageRows } from './feeds.view-model';
import { ENVIRONMENT_LABELS, FEED_DONE_TEXTS, FEED_KIND_LABELS, FEED_PAGE_TEXTS, FEED_TITLES } from './notices.texts.nb';

/** Skatteetaten's feeds (add, stop, read now, last error) and the operational messages (active, ended, register, end). */
@Injectable()
export class FeedsPage implements FormPage {
  readonly view = 'notices/feeds';
  readonly audience = 'staff';
  readonly texts = FEED_PAGE_TEXTS;

  constructor(
    private readonly feeds: ListNoticeFeeds,
    private readonly catalogue: GetCatalogueInForce,
  ) {}

  async load(done?: string, failure?: FormFailure) {
    const values = failure?.body ?? {};
    const services = (await this.catalogue.find())?.services ?? [];
    return {
      title: FEED_TITLES.list,
      feeds: (await this.feeds.execute()).map(feedRow),
      messages: messageRows(await this.feeds.operationalMessages()),
      kinds: choices(FEED_KIND_VALUES, FEED_KIND_LABELS, typeof values.kind === 'string' ? values.kind : 'announcements'),
      services: services.map((s) => ({
        value: s.code,
        label: `${s.name} (${s.code})`,
        selected: [values.services ?? []].flat().includes(s.code),
      })),
      environments: choices(ENVIRONMENTS, ENVIRONMENT_LABELS, values.environments),
      values,
      done: FEED_DONE_TEXTS[done ?? ''],
      doneFailed: done === 'feed-failed',
      error: failure?.error,
      fieldErrors: failure?.fieldErrors,
    };
  }

  model(_req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(undefined, failure);
  }
}

import { ListAuditEntries } from '@domain/audit';
import { type CreatedApiKey, GetConsumer, ListConsumerApiKeys, ServiceCatalogue } from '@domain/consumers';
import { IncidentQueries } from '@domain/incidents';
import type { Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import type { AuthenticatedRequest } from '../../auth/current-principal.decorator';
import { pathOf } from '../../http/fastify-augmentation';
import { text } from '../shared/form-body';
import { type ListQuery, pageOf, parseListQuery, REPORTS_NEWEST_FIRST } from '../shared/list-query';
import type { FormFailure, FormPage } from '../shared/page-form';
import {
  consumerPageViewModel,
  consumerReportsTab,
  ConsumerTabExtras,
  importViewModel,
  newConsumerViewModel,
  tabOfPath,
} from './consumer.view-model';
import { CONSUMER_PAGE_TEXTS, ConsumerTab } from './consumers.texts.nb';

@Injectable()
export class NewConsumerPage implements FormPage {
  readonly view = 'consumers/new';
  readonly audience = 'staff';
  readonly texts = CONSUMER_PAGE_TEXTS;

  constructor(private readonly catalogue: ServiceCatalogue) {}

  async load(failure?: FormFailure) {
    return newConsumerViewModel([...(await this.catalogue.codes())], failure);
  }

  model(_req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(failure);
  }
}

@Injectable()
export class ImportConsumersPage implements FormPage {
  readonly view = 'consumers/import';
  readonly audience = 'staff';
  readonly texts = CONSUMER_PAGE_TEXTS;

  async model(_req: AuthenticatedRequest, failure: FormFailure) {
    return importViewModel({ csv: text(failure.body.csv) }, failure);
  }
}

/** A consumer's page, one tab at a time; a failed form shows its tab again with the message. */
@Injectable()
export class ConsumerTabPage implements FormPage {
  readonly view = 'consumers/show';
  readonly audience = 'staff';
  readonly texts = CONSUMER_PAGE_TEXTS;

  constructor(
    private readonly consumers: GetConsumer,
    private readonly catalogue: ServiceCatalogue,
    private readonly keys: ListConsumerApiKeys,
    private readonly audit: ListAuditEntries,
    private readonly incidents: IncidentQueries,
  ) {}

  async load(
    id: string,
    tab: ConsumerTab,
    me: Principal,
    shown: { createdKey?: CreatedApiKey; failure?: FormFailure; saved?: boolean; reports?: ListQuery<'received'> } = {},
  ) {
    const consumer = await this.consumers.execute(id, me);
    const extras: ConsumerTabExtras = { createdKey: shown.createdKey };
    if (tab === 'services' || tab === 'agreement') {
      const have = new Set(consumer.services.map((s) => s.code));
      extras.addableCodes = [...(await this.catalogue.codes())].filter((c) => !have.has(c));
    }
    if (tab === 'reports') {
      const list = shown.reports ?? parseListQuery({}, REPORTS_NEWEST_FIRST);
      const page = await this.incidents.reportPageOfConsumer(id, pageOf(list), me);
      Object.assign(extras, consumerReportsTab(id, page, list));
    }
    if (tab === 'keys') extras.keys = await this.keys.execute(id);
    if (tab === 'history') extras.entries = await this.audit.execute({ objectType: 'consumer', objectId: id, limit: 200 });
    return consumerPageViewModel(consumer, tab, extras, shown.failure, shown.saved);
  }

  model(req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(failure.params.id ?? '', tabOfPath(pathOf(req)), req.principal!, { failure });
  }
}

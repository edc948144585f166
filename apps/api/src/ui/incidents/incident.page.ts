import { FindServicesInForce } from '@domain/catalogue';
import { IncidentQueries } from '@domain/incidents';
import { SuggestArticles } from '@domain/knowledge';
import type { Environment } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import type { AuthenticatedRequest } from '../../auth/current-principal.decorator';
import { text } from '../shared/form-body';
import type { FormFailure, FormPage } from '../shared/page-form';
import { queueFilter, QueueQuery } from './incident.forms';
import { incidentViewModel } from './incident.view-model';
import { INCIDENT_PAGE_TEXTS } from './incidents.texts.nb';
import { queueViewModel } from './queue.view-model';

/** A proposal that is gone surfaces from the domain as a missing incident. */
function explained(failure: FormFailure): FormFailure {
  return failure.params.proposalId && failure.code === 'incident_not_found'
    ? { ...failure, error: INCIDENT_PAGE_TEXTS.errors!.proposal_not_found }
    : failure;
}

@Injectable()
export class QueuePage implements FormPage {
  readonly view = 'incidents/queue';
  readonly audience = 'staff';
  readonly texts = INCIDENT_PAGE_TEXTS;

  constructor(
    private readonly queries: IncidentQueries,
    private readonly catalogue: FindServicesInForce,
  ) {}

  async load(q: QueueQuery, failure?: FormFailure) {
    const [incidents, proposals, services] = [
      await this.queries.queue(queueFilter(q)),
      await this.queries.proposalViews(),
      await this.catalogue.allCodes(),
    ];
    return queueViewModel({ incidents, proposals, services }, q, failure);
  }

  model(_req: AuthenticatedRequest, failure: FormFailure) {
    return this.load({}, failure);
  }
}

@Injectable()
export class IncidentPage implements FormPage {
  readonly view = 'incidents/incident';
  readonly audience = 'staff';
  readonly texts = INCIDENT_PAGE_TEXTS;

  constructor(
    private readonly queries: IncidentQueries,
    private readonly articles: SuggestArticles,
  ) {}

  async load(id: string, failure?: FormFailure) {
    const incident = await this.queries.incidentDetail(id);
    const [proposals, articles, neighbours] = [
      await this.queries.proposalViews(incident.id),
      await this.articles.list(),
      await this.queries.openIncidentChoices(incident.environment as Environment),
    ];
    return incidentViewModel({ incident, proposals, articles, neighbours }, failure);
  }

  model(_req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(failure.params.id ?? '', failure);
  }
}

/** A merge proposal is decided on an incident page or on the queue; a failure is shown where it was decided. */
@Injectable()
export class ProposalDecisionPage implements FormPage {
  readonly view = 'incidents/queue';
  readonly audience = 'staff';
  readonly texts = INCIDENT_PAGE_TEXTS;

  constructor(
    private readonly incident: IncidentPage,
    private readonly queue: QueuePage,
  ) {}

  viewFor(failure: FormFailure): string {
    return text(failure.body.incidentId) ? this.incident.view : this.queue.view;
  }

  model(_req: AuthenticatedRequest, failure: FormFailure) {
    const id = text(failure.body.incidentId);
    return id ? this.incident.load(id, explained(failure)) : this.queue.load({}, explained(failure));
  }
}

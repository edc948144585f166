import { FindServicesInForce } from '@domain/catalogue';
import { ListStaffUsers, StaffGroups } from '@domain/identity';
import { ConversationQueries, IncidentQueries, type QueueSort } from '@domain/incidents';
import { SuggestArticles } from '@domain/knowledge';
import type { Environment, Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import type { AuthenticatedRequest } from '../../auth/current-principal.decorator';
import { assignmentChoices } from '../shared/assignment-choices';
import { text } from '../shared/form-body';
import { type ListQuery, parseListQuery, sortedPageOf } from '../shared/list-query';
import type { FormFailure, FormPage } from '../shared/page-form';
import { QUEUE_LIST, queueFilter, QueueQuery } from './incident.forms';
import { INCIDENT_GROUPS, incidentViewModel } from './incident.view-model';
import { DONE_TEXTS, INCIDENT_PAGE_TEXTS, registeredText } from './incidents.texts.nb';
import { queueViewModel } from './queue.view-model';

/** A proposal whose incident is gone surfaces from the merge as a missing incident. */
function explained(failure: FormFailure): FormFailure {
  return failure.params.proposalId && failure.code === 'incident_not_found'
    ? { ...failure, error: INCIDENT_PAGE_TEXTS.errors!.merge_proposal_not_found }
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

  async load(caller: Principal, q: QueueQuery, list: ListQuery<QueueSort> = parseListQuery({}, QUEUE_LIST), failure?: FormFailure) {
    const [incidents, proposals, services] = [
      await this.queries.queuePage(queueFilter(q, caller.kind === 'staff' ? caller.id : ''), sortedPageOf(list), caller),
      await this.queries.proposalViews(undefined, caller),
      await this.catalogue.all(),
    ];
    return queueViewModel({ incidents, proposals, services }, q, list, failure);
  }

  model(req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(req.principal!, {}, undefined, failure);
  }
}

/** What the address of an incident page asks for besides the incident: a page of municipalities, a notice. */
export interface IncidentPageQuery {
  page?: unknown;
  done?: string;
  /** After staff register a report: its id, named in the notice by the reference stored with it. */
  report?: string;
}

@Injectable()
export class IncidentPage implements FormPage {
  readonly view = 'incidents/incident';
  readonly audience = 'staff';
  readonly texts = INCIDENT_PAGE_TEXTS;

  constructor(
    private readonly queries: IncidentQueries,
    private readonly articles: SuggestArticles,
    private readonly conversations: ConversationQueries,
    private readonly staff: ListStaffUsers,
    private readonly staffGroups: StaffGroups,
  ) {}

  async load(id: string, caller: Principal, q: IncidentPageQuery = {}, failure?: FormFailure) {
    const groups = parseListQuery({ page: q.page }, INCIDENT_GROUPS);
    const incident = await this.queries.incidentPage(id, { limit: groups.pageSize, offset: groups.offset }, caller);
    const [proposals, articles, neighbours, conversation, registered] = [
      await this.queries.proposalViews(incident.id, caller),
      await this.articles.list(),
      await this.queries.openIncidentChoices(incident.environment as Environment, caller),
      await this.conversations.ofIncident(incident.id),
      q.done === 'registered' && q.report ? await this.queries.reportReferenceOn(incident.id, q.report) : undefined,
    ];
    const assignable = await assignmentChoices(this.staff, this.staffGroups);
    return {
      ...incidentViewModel({ incident, proposals, articles, neighbours, conversation, groups, assignable }, failure),
      done: registered ? registeredText(registered) : DONE_TEXTS[q.done ?? ''],
    };
  }

  /** A failed form shows the page of municipalities it was sent from (its hidden `page` field). */
  model(req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(failure.params.id ?? '', req.principal!, { page: failure.body.page }, failure);
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

  model(req: AuthenticatedRequest, failure: FormFailure) {
    const id = text(failure.body.incidentId);
    return id
      ? this.incident.load(id, req.principal!, {}, explained(failure))
      : this.queue.load(req.principal!, {}, undefined, explained(failure));
  }
}

import { randomUUID } from 'node:crypto';

import { FindServicesInForce } from '@domain/catalogue';
import { FindConsumers, ListConsumerContacts, SearchConsumers } from '@domain/consumers';
import { ListStaffUsers, StaffGroups } from '@domain/identity';
import { RecordDeflection, SuggestArticlesForText } from '@domain/knowledge';
import { type ConsumerPrincipal, findNationalIdentityNumbers, type Principal } from '@domain/shared';
import { ManageCannedResponses, TicketQueries, type TicketSort, type TicketView } from '@domain/support';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';

import type { AuthenticatedRequest } from '../../auth/current-principal.decorator';
import { assignmentChoices } from '../shared/assignment-choices';
import type { FormBody } from '../shared/form-body';
import { type ListQuery, parseListQuery, sortedPageOf } from '../shared/list-query';
import type { FormFailure, FormPage } from '../shared/page-form';
import { NEW_TICKET_PAGE_TEXTS, PORTAL_ASK_PAGE_TEXTS, SUPPORT_PAGE_TEXTS } from './support.texts.nb';
import { type AskTicketForm, TICKET_LIST, ticketFilter, type TicketListQuery, ticketListQuery } from './ticket.forms';
import {
  askFormViewModel,
  cannedViewModel,
  newTicketViewModel,
  type Option,
  portalListViewModel,
  portalTicketViewModel,
  staffTicketViewModel,
  ticketListViewModel,
} from './ticket.view-model';

/** The services of the catalogue in force, by name. */
async function serviceOptions(catalogue: FindServicesInForce): Promise<Option[]> {
  const codes = await catalogue.allCodes();
  const names = new Map((await catalogue.execute(codes)).map((s) => [s.code, s.name]));
  return codes.map((code) => ({ value: code, label: names.get(code) || code }));
}

/** Staff's list with its saved views and bulk actions. */
@Injectable()
export class TicketListPage implements FormPage {
  readonly view = 'support/list';
  readonly audience = 'staff';
  readonly texts = SUPPORT_PAGE_TEXTS;

  constructor(
    private readonly queries: TicketQueries,
    private readonly catalogue: FindServicesInForce,
    private readonly users: ListStaffUsers,
    private readonly canned: ManageCannedResponses,
    private readonly groups: StaffGroups,
  ) {}

  async load(caller: Principal, q: TicketListQuery, list: ListQuery<TicketSort> = parseListQuery({}, TICKET_LIST), failure?: FormFailure) {
    const staffId = caller.kind === 'staff' ? caller.id : '';
    const tickets = await this.queries.list(caller, ticketFilter(q, staffId), {
      limit: list.pageSize,
      offset: list.offset,
      sort: list.sort,
      direction: list.direction,
    });
    const data = {
      tickets,
      counts: await this.queries.counts(caller),
      services: await serviceOptions(this.catalogue),
      ...(await assignmentChoices(this.users, this.groups)),
      canned: await this.canned.list(),
      now: new Date(),
    };
    return ticketListViewModel(data, q, list, failure);
  }

  model(req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(req.principal!, ticketListQuery({}), undefined, failure);
  }
}

/**
 * One ticket for staff, with the knowledge-base articles that fit its question and, for a ticket
 * whose sender is not verified, the consumers the address belongs to; a failed form shows the
 * page again with the message beside that form.
 */
@Injectable()
export class StaffTicketPage implements FormPage {
  readonly view = 'support/ticket';
  readonly audience = 'staff';
  readonly texts = SUPPORT_PAGE_TEXTS;

  constructor(
    private readonly queries: TicketQueries,
    private readonly catalogue: FindServicesInForce,
    private readonly users: ListStaffUsers,
    private readonly canned: ManageCannedResponses,
    private readonly articles: SuggestArticlesForText,
    private readonly consumers: SearchConsumers,
    private readonly contacts: ListConsumerContacts,
    private readonly findConsumers: FindConsumers,
    private readonly groups: StaffGroups,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Consumers the unverified sender's address is a registered contact of, by name. */
  private async senderConsumers(ticket: TicketView): Promise<string[]> {
    if (!ticket.unverified || !ticket.requesterEmail) return [];
    const ids = (await this.contacts.byEmail(ticket.requesterEmail)).map((c) => c.consumerId);
    return (await this.findConsumers.byIds(ids)).map((c) => c.name).sort((a, b) => a.localeCompare(b, 'nb'));
  }

  async load(caller: Principal, id: string, failure?: FormFailure) {
    const ticket = await this.queries.get(id, caller);
    const candidates =
      ticket.mergedInto || !ticket.consumerId
        ? []
        : (await this.queries.list(caller, { consumerId: ticket.consumerId }, { limit: 100 })).items;
    const [service] = ticket.serviceCode ? await this.catalogue.execute([ticket.serviceCode]) : [];
    const question = ticket.messages.find((m) => m.author === 'requester' && m.visibility === 'public');
    const suggestions = await this.articles.execute({
      text: `${ticket.subject}\n${question?.body ?? ''}`,
      service: ticket.serviceCode ?? undefined,
    });
    // Sorted by name; a few hundred municipalities fit one list.
    const { items } = await this.consumers.execute({ limit: 500 });
    const data = {
      ticket,
      suggestions,
      helpUrl: `${this.config.publicUrl}/portal/hjelp/`,
      consumers: items.map((c) => ({ value: c.id, label: `${c.name} (${c.orgNumber})` })),
      senderConsumers: await this.senderConsumers(ticket),
      timeline: await this.queries.timeline(id, caller),
      ...(await assignmentChoices(this.users, this.groups)),
      canned: await this.canned.list(),
      candidates,
      serviceName: service?.name ?? null,
      sla: await this.queries.slaOf(id, caller),
    };
    return staffTicketViewModel(data, failure);
  }

  model(req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(req.principal!, failure.params.id ?? '', failure);
  }
}

/** Staff register a ticket for a caller (telephone, a letter, an e-mail to a person). */
@Injectable()
export class NewTicketPage implements FormPage {
  readonly view = 'support/new';
  readonly audience = 'staff';
  readonly texts = NEW_TICKET_PAGE_TEXTS;

  constructor(
    private readonly consumers: SearchConsumers,
    private readonly catalogue: FindServicesInForce,
  ) {}

  async load(values: FormBody, failure?: FormFailure) {
    // Sorted by name; a few hundred municipalities fit one list.
    const { items } = await this.consumers.execute({ limit: 500 });
    const consumers = items.map((c) => ({ value: c.id, label: `${c.name} (${c.orgNumber})` }));
    return newTicketViewModel(consumers, await serviceOptions(this.catalogue), values, failure);
  }

  model(_req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(failure.body, failure);
  }
}

/** Staff's canned responses and macros. */
@Injectable()
export class CannedResponsesPage implements FormPage {
  readonly view = 'support/canned';
  readonly audience = 'staff';
  readonly texts = SUPPORT_PAGE_TEXTS;

  constructor(private readonly canned: ManageCannedResponses) {}

  async load(failure?: FormFailure) {
    return cannedViewModel(await this.canned.list(), failure);
  }

  model(_req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(failure);
  }
}

/** The portal's own tickets and one ticket with the reply form. */
@Injectable()
export class PortalTicketPage implements FormPage {
  readonly view = 'portal-support/ticket';
  readonly audience = 'consumer';
  readonly texts = SUPPORT_PAGE_TEXTS;

  constructor(private readonly queries: TicketQueries) {}

  async list(me: ConsumerPrincipal, list: ListQuery<'updated'>) {
    const page = sortedPageOf(list);
    return portalListViewModel(await this.queries.list(me, {}, page), list);
  }

  async load(me: ConsumerPrincipal, id: string, failure?: FormFailure) {
    return portalTicketViewModel(await this.queries.get(id, me), failure);
  }

  model(req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(req.principal as ConsumerPrincipal, failure.params.id ?? '', failure);
  }
}

/**
 * The portal's «Still et spørsmål»: first the published articles that fit what is asked (each
 * counted as shown once per form), then sending it or «Dette løste saken».
 */
@Injectable()
export class PortalAskPage implements FormPage {
  readonly view = 'portal-support/ask';
  readonly audience = 'consumer';
  readonly texts = PORTAL_ASK_PAGE_TEXTS;

  constructor(
    private readonly catalogue: FindServicesInForce,
    private readonly suggestions: SuggestArticlesForText,
    private readonly deflections: RecordDeflection,
  ) {}

  async load(values: FormBody, failure?: FormFailure) {
    return askFormViewModel(await serviceOptions(this.catalogue), values, failure);
  }

  async check(me: ConsumerPrincipal, form: AskTicketForm) {
    const values = { ...form, submissionId: form.submissionId || randomUUID() };
    const articles = await this.suggestions.execute({ text: `${form.subject}\n${form.body}`, service: form.service });
    await this.deflections.shown(
      articles.map((a) => a.id),
      values.submissionId,
      'ticket',
      me.consumerId,
    );
    const identityNumber = findNationalIdentityNumbers(`${form.subject}\n${form.body}`).length > 0;
    return askFormViewModel(await serviceOptions(this.catalogue), values, undefined, articles, identityNumber);
  }

  model(_req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(failure.body, failure);
  }
}

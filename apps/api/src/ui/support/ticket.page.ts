import { FindServicesInForce } from '@domain/catalogue';
import { SearchConsumers } from '@domain/consumers';
import { ListStaffUsers } from '@domain/identity';
import type { ConsumerPrincipal, Principal } from '@domain/shared';
import { ManageCannedResponses, TicketQueries, type TicketSort } from '@domain/support';
import { Injectable } from '@nestjs/common';

import type { AuthenticatedRequest } from '../../auth/current-principal.decorator';
import type { FormBody } from '../shared/form-body';
import { type ListQuery, parseListQuery } from '../shared/list-query';
import type { FormFailure, FormPage } from '../shared/page-form';
import { SUPPORT_PAGE_TEXTS } from './support.texts.nb';
import { TICKET_LIST, ticketFilter, type TicketListQuery, ticketListQuery } from './ticket.forms';
import {
  askFormViewModel,
  cannedViewModel,
  newTicketViewModel,
  type Option,
  portalListViewModel,
  portalTicketViewModel,
  type StaffOption,
  staffTicketViewModel,
  ticketListViewModel,
} from './ticket.view-model';

/** The services of the catalogue in force, by name. */
async function serviceOptions(catalogue: FindServicesInForce): Promise<Option[]> {
  const codes = await catalogue.allCodes();
  const names = new Map((await catalogue.execute(codes)).map((s) => [s.code, s.name]));
  return codes.map((code) => ({ value: code, label: names.get(code) || code }));
}

/** Active staff members, to assign tickets to. */
async function staffOptions(users: ListStaffUsers): Promise<StaffOption[]> {
  return (await users.execute()).filter((u) => u.active).map((u) => ({ id: u.id, name: u.name || u.email }));
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
      staff: await staffOptions(this.users),
      canned: await this.canned.list(),
      now: new Date(),
    };
    return ticketListViewModel(data, q, list, failure);
  }

  model(req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(req.principal!, ticketListQuery({}), undefined, failure);
  }
}

/** One ticket for staff; a failed form shows the page again with the message beside that form. */
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
  ) {}

  async load(caller: Principal, id: string, failure?: FormFailure) {
    const ticket = await this.queries.get(id, caller);
    const candidates =
      ticket.mergedInto || !ticket.consumerId
        ? []
        : (await this.queries.list(caller, { consumerId: ticket.consumerId }, { limit: 100 })).items;
    const [service] = ticket.serviceCode ? await this.catalogue.execute([ticket.serviceCode]) : [];
    const data = {
      ticket,
      timeline: await this.queries.timeline(id, caller),
      staff: await staffOptions(this.users),
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
  readonly texts = SUPPORT_PAGE_TEXTS;

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

  async list(me: ConsumerPrincipal) {
    return portalListViewModel((await this.queries.list(me, {}, { limit: 200, sort: 'updated', direction: 'desc' })).items);
  }

  async load(me: ConsumerPrincipal, id: string, failure?: FormFailure) {
    return portalTicketViewModel(await this.queries.get(id, me), failure);
  }

  model(req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(req.principal as ConsumerPrincipal, failure.params.id ?? '', failure);
  }
}

/** The portal's «Still et spørsmål». */
@Injectable()
export class PortalAskPage implements FormPage {
  readonly view = 'portal-support/ask';
  readonly audience = 'consumer';
  readonly texts = SUPPORT_PAGE_TEXTS;

  constructor(private readonly catalogue: FindServicesInForce) {}

  async load(values: FormBody, failure?: FormFailure) {
    return askFormViewModel(await serviceOptions(this.catalogue), values, failure);
  }

  model(_req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(failure.body, failure);
  }
}

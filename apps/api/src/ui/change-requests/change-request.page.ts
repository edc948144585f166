import { FindServicesInForce, KS_SERVICE_AREAS } from '@domain/catalogue';
import { ChangeRequestQueries } from '@domain/change-requests';
import type { ConsumerPrincipal, Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import type { AuthenticatedRequest } from '../../auth/current-principal.decorator';
import type { FormBody } from '../shared/form-body';
import type { FormFailure, FormPage } from '../shared/page-form';
import { boardFilter, type BoardQuery } from './change-request.forms';
import {
  boardViewModel,
  portalListViewModel,
  portalRequestViewModel,
  type ServiceOption,
  staffRequestViewModel,
  submitFormViewModel,
} from './change-request.view-model';
import { CHANGE_REQUEST_PAGE_TEXTS } from './change-requests.texts.nb';

/** Service codes with their names in the catalogue in force. */
async function named(catalogue: FindServicesInForce, codes: string[]): Promise<ServiceOption[]> {
  const names = new Map((await catalogue.execute(codes)).map((s) => [s.code, s.name]));
  return codes.map((code) => ({ code, name: names.get(code) || code }));
}

/** The board staff work from. */
@Injectable()
export class BoardPage {
  constructor(
    private readonly queries: ChangeRequestQueries,
    private readonly catalogue: FindServicesInForce,
  ) {}

  async load(caller: Principal, q: BoardQuery) {
    const requests = await this.queries.list(caller, boardFilter(q));
    const services = await named(this.catalogue, await this.catalogue.allCodes());
    const areas = [...new Set([...KS_SERVICE_AREAS, ...requests.map((r) => r.serviceArea).filter((a): a is string => !!a)])];
    return boardViewModel(requests, services, areas, q);
  }
}

/** One request for staff, with its forms; a failed form shows the page again with the message beside it. */
@Injectable()
export class StaffRequestPage implements FormPage {
  readonly view = 'change-requests/request';
  readonly audience = 'staff';
  readonly texts = CHANGE_REQUEST_PAGE_TEXTS;

  constructor(private readonly queries: ChangeRequestQueries) {}

  async load(caller: Principal, id: string, failure?: FormFailure) {
    const request = await this.queries.get(id, caller);
    const candidates = request.mergedInto ? [] : await this.queries.list(caller, { services: [request.serviceCode] });
    const history = await this.queries.history(request.id, caller);
    return staffRequestViewModel({ request, candidates, history }, failure);
  }

  model(req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(req.principal!, failure.params.id ?? '', failure);
  }
}

/** The portal's list and a request's page with the support form. */
@Injectable()
export class PortalRequestPage implements FormPage {
  readonly view = 'portal-change-requests/request';
  readonly audience = 'consumer';
  readonly texts = CHANGE_REQUEST_PAGE_TEXTS;

  constructor(private readonly queries: ChangeRequestQueries) {}

  async list(me: ConsumerPrincipal) {
    return portalListViewModel(await this.queries.list(me));
  }

  async load(me: ConsumerPrincipal, id: string, failure?: FormFailure) {
    return portalRequestViewModel(await this.queries.get(id, me), failure);
  }

  model(req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(req.principal as ConsumerPrincipal, failure.params.id ?? '', failure);
  }
}

/** The portal's form for a new request, offering the organisation's own services. */
@Injectable()
export class PortalSubmitPage implements FormPage {
  readonly view = 'portal-change-requests/new';
  readonly audience = 'consumer';
  readonly texts = CHANGE_REQUEST_PAGE_TEXTS;

  constructor(
    private readonly queries: ChangeRequestQueries,
    private readonly catalogue: FindServicesInForce,
  ) {}

  async load(me: ConsumerPrincipal, values: FormBody, failure?: FormFailure) {
    const inForce = await this.catalogue.allCodes();
    const own = (await this.queries.servicesOf(me.consumerId)).filter((c) => inForce.includes(c));
    return submitFormViewModel(await named(this.catalogue, own), values, failure);
  }

  model(req: AuthenticatedRequest, failure: FormFailure) {
    return this.load(req.principal as ConsumerPrincipal, failure.body, failure);
  }
}

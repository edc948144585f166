import { ListAuditEntries } from '@domain/audit';
import { FindServicesInForce } from '@domain/catalogue';
import { FindConsumers, GetConsumer } from '@domain/consumers';
import { AccessDenied, hasPermission, type Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { ChangeRequest } from './change-request.entity';
import { type ChangeRequestFilter, ChangeRequestRepository } from './change-request.repository';
import { type ChangeRequestView, toChangeRequestView } from './change-request.views';
import { CHANGE_REQUEST_EVENT_KINDS, type ChangeRequestEvent } from './change-request-history';
import { ChangeRequestNotFound } from './change-requests.exceptions';
import { type ChangeRequestStatus, compareByRank } from './rules/change-request-rules';

/**
 * Reading change requests. Staff see the board of every live request, ranked by support; a
 * consumer sees the requests on services it has access to, with other consumers' texts hidden
 * unless KS made them public.
 */
@Injectable()
export class ChangeRequestQueries {
  constructor(
    private readonly repo: ChangeRequestRepository,
    private readonly catalogue: FindServicesInForce,
    private readonly consumers: FindConsumers,
    private readonly registry: GetConsumer,
    private readonly audit: ListAuditEntries,
  ) {}

  /**
   * Staff: what happened to a request, oldest first: submitted, supported, assessed (with a status
   * change), forwarded, answered, merged. Its use cases record each in the audit log in the
   * change's transaction, so the log is its history.
   */
  async history(id: string, caller: Principal): Promise<ChangeRequestEvent[]> {
    if (caller.kind !== 'staff') throw new ChangeRequestNotFound();
    const request = await this.visible(id, caller);
    const entries = await this.audit.execute({
      objectType: 'change_request',
      objectId: request.id,
      actions: CHANGE_REQUEST_EVENT_KINDS.map((k) => `change_request.${k}`),
      limit: 500,
    });
    return entries.reverse().map((e) => {
      const kind = e.action.slice('change_request.'.length) as ChangeRequestEvent['kind'];
      const base = { id: e.id, changeRequestId: request.id, at: e.at, actorLabel: e.actorLabel };
      const before = (e.details.before ?? {}) as { status?: ChangeRequestStatus };
      const after = (e.details.after ?? {}) as { status?: ChangeRequestStatus; mergedInto?: string };
      switch (kind) {
        case 'assessed':
          return {
            ...base,
            kind,
            details:
              after.status && after.status !== before.status ? { from: before.status ?? null, to: after.status } : { from: null, to: null },
          };
        case 'merged':
          return { ...base, kind, details: { into: after.mergedInto ?? null } };
        case 'reply_received': {
          const reply = after as { from?: string; inboundMessageId?: string };
          return { ...base, kind, details: { from: reply.from ?? e.actorLabel, inboundMessageId: reply.inboundMessageId ?? null } };
        }
        default:
          return { ...base, kind, details: {} } as ChangeRequestEvent;
      }
    });
  }

  async list(caller: Principal, filter: ChangeRequestFilter = {}): Promise<ChangeRequestView[]> {
    if (!hasPermission(caller, 'change-request.read')) throw new AccessDenied(caller, 'change-request.read');
    const services = caller.kind === 'consumer' ? await this.servicesOf(caller.consumerId) : undefined;
    const wanted = services && filter.services ? services.filter((s) => filter.services!.includes(s)) : (services ?? filter.services);
    const requests = await this.repo.list({ ...filter, services: wanted });
    const views = await this.views(requests, caller);
    return views.sort(compareByRank);
  }

  async get(id: string, caller: Principal): Promise<ChangeRequestView> {
    const request = await this.visible(id, caller);
    const merged = caller.kind === 'staff' ? await this.repo.mergedInto(request.id) : [];
    return (await this.views([request], caller, merged))[0];
  }

  /** The request if the caller may see it; another consumer's request on a service it lacks is "not found". */
  async visible(id: string, caller: Principal): Promise<ChangeRequest> {
    if (!hasPermission(caller, 'change-request.read')) throw new AccessDenied(caller, 'change-request.read');
    const request = await this.repo.find(id);
    if (!request) throw new ChangeRequestNotFound();
    if (caller.kind === 'consumer' && !(await this.servicesOf(caller.consumerId)).includes(request.serviceCode))
      throw new ChangeRequestNotFound();
    return request;
  }

  /** A request's id by its reference (EN-2026-0007), for staff naming it elsewhere (a ticket's link). */
  async idOf(reference: string): Promise<string> {
    const request = await this.repo.findByReference((reference ?? '').trim().toUpperCase());
    if (!request) throw new ChangeRequestNotFound();
    return request.id;
  }

  /** The service codes a consumer has access to: the requests it may see and support. */
  async servicesOf(consumerId: string): Promise<string[]> {
    return ((await this.registry.detail(consumerId))?.services ?? []).map((s) => s.code);
  }

  private async views(requests: ChangeRequest[], caller: Principal, merged: ChangeRequest[] = []): Promise<ChangeRequestView[]> {
    const supports = await this.repo.supportsOf(requests.map((r) => r.id));
    const consumers = await this.consumers.byIds(supports.map((s) => s.consumerId));
    const services = await this.catalogue.execute(requests.map((r) => r.serviceCode));
    const references = new Map<string, string>();
    for (const r of requests)
      if (r.mergedIntoId && !references.has(r.mergedIntoId)) {
        const survivor = await this.repo.find(r.mergedIntoId);
        if (survivor) references.set(survivor.id, survivor.reference);
      }
    const ctx = {
      viewerConsumerId: caller.kind === 'consumer' ? caller.consumerId : null,
      serviceNames: new Map(services.map((s) => [s.code, s.name])),
      consumers: new Map(consumers.map((c) => [c.id, { name: c.name, orgNumber: c.orgNumber }])),
      references,
      merged,
    };
    return requests.map((r) =>
      toChangeRequestView(
        r,
        supports.filter((s) => s.changeRequestId === r.id),
        ctx,
      ),
    );
  }
}

import { IncidentVisibility, objectKey } from '@domain/incidents';
import type { Principal } from '@domain/shared';
import { type InboundMessage, type InboundMessageStatus, ListInboundMail } from '@domain/support';
import { Injectable } from '@nestjs/common';
import type { Page } from '@platform/database';

/** What an inbound message was routed to, as the incident it names (its route summary `incident:KS-…`). */
const aboutIncident = (m: Pick<InboundMessage, 'routeSummary'>) => ({
  type: 'incident-reference',
  id: /^incident:(KS-\d{4}-\d+)$/.exec(m.routeSummary ?? '')?.[1] ?? null,
});

/**
 * Inbound e-mail under the security cases' rule: a reply on a security case's thread (Skatteetaten's
 * security contact, the municipality) is listed as received and routed, its words only for those
 * who may read the case.
 */
@Injectable()
export class ReadableInboundMail {
  constructor(
    private readonly inbound: ListInboundMail,
    private readonly visibility: IncidentVisibility,
  ) {}

  async page(
    caller: Principal,
    status: InboundMessageStatus | undefined,
    req: { limit: number; offset: number },
  ): Promise<Page<InboundMessage & { restricted: boolean }>> {
    const page = await this.inbound.page(status, req);
    const hidden = await this.visibility.hiddenFrom(caller, page.items.map(aboutIncident));
    return {
      ...page,
      items: page.items.map((m) =>
        hidden.has(objectKey(aboutIncident(m))) ? { ...m, subject: '', text: '', restricted: true } : { ...m, restricted: false },
      ),
    };
  }

  async one(caller: Principal, id: string) {
    const message = await this.inbound.one(id);
    await this.visibility.assertReadable(caller, aboutIncident(message));
    return message;
  }
}

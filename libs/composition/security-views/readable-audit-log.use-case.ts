import { type AuditEntry, type AuditFilter, type AuditSort, ListAuditEntries } from '@domain/audit';
import { IncidentVisibility, objectKey } from '@domain/incidents';
import type { Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@platform/database';

/** An audit entry as a caller sees it: about a security case they may not read, who did what and when, not the details. */
export type ReadableAuditEntry = AuditEntry & { restricted: boolean };

/** The audit log with the security cases' rule applied to each entry's details (titles, texts, references of reports). */
@Injectable()
export class ReadableAuditLog {
  constructor(
    private readonly audit: ListAuditEntries,
    private readonly visibility: IncidentVisibility,
  ) {}

  async page(caller: Principal, filter: AuditFilter, req: PageRequest<AuditSort>): Promise<Page<ReadableAuditEntry>> {
    const page = await this.audit.page(filter, req);
    const hidden = await this.visibility.hiddenFrom(
      caller,
      page.items.map((e) => ({ type: e.objectType, id: e.objectId })),
    );
    return {
      ...page,
      items: page.items.map((e) =>
        hidden.has(objectKey({ type: e.objectType, id: e.objectId }))
          ? { ...e, details: {}, restricted: true }
          : { ...e, restricted: false },
      ),
    };
  }
}

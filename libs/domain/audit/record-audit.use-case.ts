import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { AuditRepository } from './audit.repository';

export interface AuditEvent {
  actor: Actor | { kind: 'anonymous'; id: null; label: string; ip?: string | null };
  action: string;
  objectType: string;
  objectId?: string | null;
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
}

/** Records who did what to which object; joins the caller's transaction when there is one. */
@Injectable()
export class RecordAudit {
  constructor(private readonly audit: AuditRepository) {}

  async execute(event: AuditEvent): Promise<void> {
    const details: Record<string, unknown> = { ...(event.details ?? {}) };
    if (event.before !== undefined) details.before = event.before;
    if (event.after !== undefined) details.after = event.after;
    await this.audit.append({
      actorKind: event.actor.kind,
      actorId: event.actor.id,
      actorLabel: event.actor.label,
      action: event.action,
      objectType: event.objectType,
      objectId: event.objectId ?? null,
      ip: event.actor.ip ?? null,
      details,
    });
  }
}

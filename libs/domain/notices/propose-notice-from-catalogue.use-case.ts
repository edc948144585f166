import { RecordAudit } from '@domain/audit';
import { CATALOGUE_VERSION_PUBLISHED, type CatalogueVersionPublishedEvent } from '@domain/catalogue';
import { SYSTEM_ACTOR } from '@domain/shared';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ValidationFailed } from '@platform/errors';
import { DomainEvents } from '@platform/events';

import { KnownServices } from './known-services';
import { NoticeRepository } from './notice.repository';
import { proposeFromCatalogue } from './rules/catalogue-proposal';
import { normaliseNotice } from './rules/notice-input';

/**
 * Reacts to a published Bilag 2 version with changes: a draft notice, pre-filled with the diff
 * and targeted to the changed services, for staff to review. Once per version (its source is unique).
 */
@Injectable()
export class ProposeNoticeFromCatalogue implements OnModuleInit {
  constructor(
    private readonly notices: NoticeRepository,
    private readonly known: KnownServices,
    private readonly events: DomainEvents,
    private readonly audit: RecordAudit,
  ) {}

  onModuleInit(): void {
    this.events.on(CATALOGUE_VERSION_PUBLISHED, 'notices.propose-from-catalogue', (payload) =>
      this.execute(payload as unknown as CatalogueVersionPublishedEvent).then(() => undefined),
    );
  }

  /** Runs in the event's transaction; returns the draft's id, or the existing one for this version. */
  async execute(event: CatalogueVersionPublishedEvent, now: Date = new Date()): Promise<string> {
    const source = `catalogue-version:${event.versionId}`;
    const existing = await this.notices.findBySource(source);
    if (existing) return existing.id;
    const proposal = proposeFromCatalogue(event, now);
    // Removed services are no longer in force, yet the notice is about them.
    const known = new Set([...(await this.known.codes(proposal.effectiveAt)), ...event.removed.map((s) => s.code)]);
    const { content, errors } = normaliseNotice(proposal, known, now);
    if (!content) throw new ValidationFailed(errors);
    const notice = await this.notices.insert({ ...content, status: 'draft', source, createdBy: SYSTEM_ACTOR.label });
    await this.audit.execute({
      actor: SYSTEM_ACTOR,
      action: 'notice.proposed',
      objectType: 'notice',
      objectId: notice.id,
      after: { title: content.title, kind: content.kind, services: content.services, source },
    });
    return notice.id;
  }
}

import { Injectable } from '@nestjs/common';

import { IncidentRepository } from './incident.repository';

/** Intake folds its own attachment at once; one still pending after this long was left by a stopped process. */
export const PENDING_ATTACHMENT_GRACE_MS = 10_000;

/**
 * Folds the attachments that intake left pending and did not fold (its process stopped between
 * storing the report and folding it, or a merge moved the report meanwhile), so that the
 * incident's counts and profile include every stored report.
 */
@Injectable()
export class FoldPendingAttachments {
  constructor(private readonly incidents: IncidentRepository) {}

  /** Returns the number of reports folded. */
  async execute(now = new Date()): Promise<number> {
    let folded = 0;
    for (const id of await this.incidents.withAttachmentsPendingSince(new Date(now.getTime() - PENDING_ATTACHMENT_GRACE_MS)))
      folded += await this.incidents.foldAttachments(id);
    return folded;
  }
}

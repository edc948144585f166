import { Injectable, Logger } from '@nestjs/common';

import { IncidentRepository } from './incident.repository';

/**
 * Folds the attachments intake leaves pending into their incident once their reports are
 * committed, one fold at a time per incident in this process: the reports committed while a fold
 * runs wait for the next one, which takes them all. An outage's reports then cost the incident's
 * row one update per fold rather than one per report. Replicas fold on their own; the database
 * serialises their folds on the incident's row.
 */
@Injectable()
export class AttachmentFolder {
  private readonly logger = new Logger(AttachmentFolder.name);
  /** per incident being folded, those waiting for the fold after the running one */
  private readonly waiting = new Map<string, Array<() => void>>();

  constructor(private readonly incidents: IncidentRepository) {}

  /**
   * Resolves once a fold that started after this call has ended, so the caller's committed report
   * is in the incident. Never rejects: the report is stored, and a failed fold leaves its
   * attachment pending for the next fold of the incident or the worker's (FoldPendingAttachments).
   */
  afterCommit(incidentId: string): Promise<void> {
    return new Promise((resolve) => {
      const next = this.waiting.get(incidentId);
      if (next) return void next.push(resolve);
      this.waiting.set(incidentId, []);
      void this.foldWhileWaited(incidentId, [resolve]);
    });
  }

  private async foldWhileWaited(incidentId: string, batch: Array<() => void>): Promise<void> {
    for (;;) {
      try {
        await this.incidents.foldAttachments(incidentId);
      } catch (e) {
        this.logger.warn({ incidentId, err: e instanceof Error ? e.message : String(e) }, 'folding pending attachments failed');
      }
      for (const resolve of batch) resolve();
      batch = this.waiting.get(incidentId)!;
      if (!batch.length) return void this.waiting.delete(incidentId);
      this.waiting.set(incidentId, []);
    }
  }
}

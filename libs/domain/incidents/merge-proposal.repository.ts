import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { In } from 'typeorm';

import { MergeProposal } from './merge-proposal.entity';

/** Pairs of incidents that may be one problem, and what staff decided about them. */
@Injectable()
export class MergeProposalRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** Pairs staff have kept apart, as "a|b" and "b|a". */
  async rejectedPairs(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.db.repository(MergeProposal).find({
      where: [
        { survivorId: In(ids), status: 'rejected' },
        { mergedId: In(ids), status: 'rejected' },
      ],
    });
    return new Set(rows.flatMap((r) => [`${r.survivorId}|${r.mergedId}`, `${r.mergedId}|${r.survivorId}`]));
  }

  /** Records the pair's latest score and status; a rejection stays a rejection. */
  async upsert(
    p: Pick<MergeProposal, 'survivorId' | 'mergedId' | 'score' | 'reasons' | 'status'> & { decidedBy?: string | null },
  ): Promise<void> {
    await this.db.manager.query(
      `INSERT INTO merge_proposal (survivor_id, merged_id, score, reasons, status, decided_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (survivor_id, merged_id) DO UPDATE SET score = EXCLUDED.score, reasons = EXCLUDED.reasons,
         status = CASE WHEN merge_proposal.status = 'rejected' THEN 'rejected' ELSE EXCLUDED.status END, decided_by = COALESCE(EXCLUDED.decided_by, merge_proposal.decided_by)`,
      [p.survivorId, p.mergedId, p.score, p.reasons, p.status, p.decidedBy ?? null],
    );
  }

  ofIncident(incidentId: string): Promise<MergeProposal[]> {
    return this.db
      .repository(MergeProposal)
      .find({ where: [{ survivorId: incidentId }, { mergedId: incidentId }], order: { createdAt: 'DESC' } });
  }

  find(id: string): Promise<MergeProposal | null> {
    return this.db.repository(MergeProposal).findOneBy({ id });
  }

  open(limit = 100): Promise<MergeProposal[]> {
    return this.db.repository(MergeProposal).find({ where: { status: 'proposed' }, order: { createdAt: 'DESC' }, take: limit });
  }
}

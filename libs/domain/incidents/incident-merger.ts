import { Injectable } from '@nestjs/common';

import { Escalation } from './escalation.entity';
import { Incident } from './incident.entity';
import { IncidentsRepository } from './incidents.repository';

/** Rank of an incident's escalation when choosing a survivor: a thread Skatteetaten has seen wins. */
function escalationRank(e: Escalation | null): number {
  if (!e) return 0;
  return e.status === 'sent' ? 2 : 1;
}

/**
 * Moves everything of one incident into another. Shared by staff merges and automatic merges.
 * The incident whose thread Skatteetaten already has survives (then one that is about to be
 * sent), so the thread keeps its reference; otherwise the older one does. A first message still
 * waiting in its settle period is folded into the survivor's thread instead of being sent.
 */
@Injectable()
export class IncidentMerger {
  constructor(private readonly incidents: IncidentsRepository) {}

  async chooseSurvivor(a: Incident, b: Incident): Promise<[Incident, Incident]> {
    const [ra, rb] = [escalationRank(await this.incidents.findEscalation(a.id)), escalationRank(await this.incidents.findEscalation(b.id))];
    if (ra !== rb) return ra > rb ? [a, b] : [b, a];
    return a.openedAt <= b.openedAt ? [a, b] : [b, a];
  }

  /** Must run inside a transaction. Returns the surviving incident. */
  async merge(survivor: Incident, merged: Incident, actorLabel: string, reasons: string[], how: 'auto' | 'manual'): Promise<Incident> {
    if (survivor.id === merged.id) return survivor;
    const movedIds = await this.incidents.reportIdsOf(merged.id);
    const survivorIds = await this.incidents.reportIdsOf(survivor.id);
    await this.incidents.addProfileOf(survivor.id, merged.id);
    const moved = await this.incidents.moveReports(merged.id, survivor.id);
    await this.foldEscalations(survivor, merged, movedIds, survivorIds, actorLabel);
    const services = [...new Set([...survivor.services, ...merged.services])];
    const errorCodes = [...new Set([...survivor.errorCodes, ...merged.errorCodes])];
    const openedAt = survivor.openedAt <= merged.openedAt ? survivor.openedAt : merged.openedAt;
    const lastSeenAt = survivor.lastSeenAt >= merged.lastSeenAt ? survivor.lastSeenAt : merged.lastSeenAt;
    const status =
      survivor.status === 'new' && merged.status !== 'new' && merged.status !== 'resolved' && merged.status !== 'closed'
        ? merged.status
        : survivor.status;
    await this.incidents.updateIncident(survivor.id, {
      services,
      errorCodes,
      openedAt,
      lastSeenAt,
      status,
      skeCaseReference: survivor.skeCaseReference ?? merged.skeCaseReference,
    });
    await this.incidents.updateIncident(merged.id, { mergedIntoId: survivor.id, status: 'closed' });
    await this.incidents.upsertProposal({
      survivorId: survivor.id,
      mergedId: merged.id,
      score: 1,
      reasons,
      status: 'accepted',
      decidedBy: actorLabel,
    });
    await this.incidents.addEvent(survivor.id, 'merged_in', actorLabel, {
      from: merged.reference,
      fromId: merged.id,
      reports: moved,
      how,
      reasons,
    });
    await this.incidents.addEvent(merged.id, 'merged_into', actorLabel, { into: survivor.reference, intoId: survivor.id, how, reasons });
    const profile = (await this.incidents.findIncident(survivor.id))!.profile;
    return { ...survivor, services, errorCodes, openedAt, lastSeenAt, status, profile };
  }

  /**
   * Skatteetaten hears of every report in its thread once. A sent thread of the survivor tells
   * of the moved reports in its next follow-up; a merged incident's thread moves to a survivor
   * without one; a merged incident's first message that has not gone out yet is dropped in
   * favour of the survivor's thread.
   */
  private async foldEscalations(
    survivor: Incident,
    merged: Incident,
    movedIds: string[],
    survivorIds: string[],
    actorLabel: string,
  ): Promise<void> {
    const own = await this.incidents.findEscalation(survivor.id);
    const other = await this.incidents.findEscalation(merged.id);
    if (other?.status === 'pending' && own) {
      await this.incidents.deleteEscalation(other.id);
      await this.incidents.addEvent(survivor.id, 'escalation_folded', actorLabel, { from: merged.reference });
    } else if (other && !own) {
      await this.incidents.moveEscalation(merged.id, survivor.id);
      if (other.status === 'sent') await this.incidents.addPendingReports(survivor.id, survivorIds);
    }
    if (own?.status === 'sent' && other?.status !== 'sent') await this.incidents.addPendingReports(survivor.id, movedIds);
  }
}

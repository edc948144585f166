import { Injectable } from '@nestjs/common';
import { IncidentsRepository } from './incidents.repository';
import { Incident } from './incident.entity';

/**
 * Moves everything of one incident into another. Shared by staff merges and automatic merges.
 * The escalated incident survives when only one of the two is escalated, so Skatteetaten's
 * thread keeps its reference; otherwise the older one does.
 */
@Injectable()
export class IncidentMerger {
  constructor(private readonly incidents: IncidentsRepository) {}

  async chooseSurvivor(a: Incident, b: Incident): Promise<[Incident, Incident]> {
    const [ea, eb] = [await this.incidents.findEscalation(a.id), await this.incidents.findEscalation(b.id)];
    if (ea && !eb) return [a, b];
    if (eb && !ea) return [b, a];
    return a.openedAt <= b.openedAt ? [a, b] : [b, a];
  }

  /** Must run inside a transaction. Returns the surviving incident. */
  async merge(survivor: Incident, merged: Incident, actorLabel: string, reasons: string[], how: 'auto' | 'manual'): Promise<Incident> {
    if (survivor.id === merged.id) return survivor;
    const movedIds = await this.incidents.reportIdsOf(merged.id);
    const survivorIds = await this.incidents.reportIdsOf(survivor.id);
    const moved = await this.incidents.moveReports(merged.id, survivor.id);
    const survivorEscalated = !!(await this.incidents.findEscalation(survivor.id));
    const mergedEscalated = !!(await this.incidents.findEscalation(merged.id));
    // Skatteetaten hears of every report in its thread once: those new to the thread go in the next follow-up.
    if (survivorEscalated && !mergedEscalated) await this.incidents.addPendingReports(survivor.id, movedIds);
    if (!survivorEscalated && mergedEscalated) {
      await this.incidents.moveEscalation(merged.id, survivor.id);
      await this.incidents.addPendingReports(survivor.id, survivorIds);
    }
    const services = [...new Set([...survivor.services, ...merged.services])];
    const errorCodes = [...new Set([...survivor.errorCodes, ...merged.errorCodes])];
    const openedAt = survivor.openedAt <= merged.openedAt ? survivor.openedAt : merged.openedAt;
    const lastSeenAt = survivor.lastSeenAt >= merged.lastSeenAt ? survivor.lastSeenAt : merged.lastSeenAt;
    const status = survivor.status === 'new' && merged.status !== 'new' && merged.status !== 'resolved' && merged.status !== 'closed' ? merged.status : survivor.status;
    await this.incidents.updateIncident(survivor.id, { services, errorCodes, openedAt, lastSeenAt, status, skeCaseReference: survivor.skeCaseReference ?? merged.skeCaseReference });
    await this.incidents.updateIncident(merged.id, { mergedIntoId: survivor.id, status: 'closed' });
    await this.incidents.upsertProposal({ survivorId: survivor.id, mergedId: merged.id, score: 1, reasons, status: 'accepted', decidedBy: actorLabel });
    await this.incidents.addEvent(survivor.id, 'merged_in', actorLabel, { from: merged.reference, fromId: merged.id, reports: moved, how, reasons });
    await this.incidents.addEvent(merged.id, 'merged_into', actorLabel, { into: survivor.reference, intoId: survivor.id, how, reasons });
    return { ...survivor, services, errorCodes, openedAt, lastSeenAt, status };
  }
}

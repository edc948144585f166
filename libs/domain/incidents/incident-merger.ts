import { Injectable } from '@nestjs/common';
import { EnqueueEmail } from '@platform/mail';

import type { Escalation } from './escalation.entity';
import { EscalationRepository } from './escalation.repository';
import { EscalationThread } from './escalation-thread';
import { Incident } from './incident.entity';
import { IncidentRepository } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentMessageRepository } from './incident-message.repository';
import { IncidentVisibility } from './incident-visibility.use-case';
import { ESCALATION_MERGED_MAIL } from './mail/escalation-merged.mail';
import { MergeProposalRepository } from './merge-proposal.repository';
import { ReportRepository } from './report.repository';
import { isRestricted } from './rules/incident-visibility';
import { escalationRank } from './rules/merge-survivor';
import type { SecurityChecklist } from './rules/security-clock';
import { SecurityCaseRepository } from './security-case.repository';

/**
 * Moves everything of one incident into another. Shared by staff merges and automatic merges.
 * The incident with a thread to Skatteetaten survives (rules/merge-survivor.ts: a security thread
 * first, then one they already have, then one about to be sent), so the thread keeps its
 * reference; otherwise the older one does. A first message still waiting in its settle period
 * is folded into the survivor's thread instead of being sent.
 */
@Injectable()
export class IncidentMerger {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly reports: ReportRepository,
    private readonly escalations: EscalationRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly mergeProposals: MergeProposalRepository,
    private readonly messages: IncidentMessageRepository,
    private readonly securityCases: SecurityCaseRepository,
    private readonly visibility: IncidentVisibility,
    private readonly thread: EscalationThread,
    private readonly email: EnqueueEmail,
  ) {}

  async chooseSurvivor(a: Incident, b: Incident): Promise<[Incident, Incident]> {
    const [ra, rb] = [
      escalationRank(await this.escalations.ofIncident(a.id), a),
      escalationRank(await this.escalations.ofIncident(b.id), b),
    ];
    if (ra !== rb) return ra > rb ? [a, b] : [b, a];
    return a.openedAt <= b.openedAt ? [a, b] : [b, a];
  }

  /** Must run inside a transaction. Returns the surviving incident. */
  async merge(survivor: Incident, merged: Incident, actorLabel: string, reasons: string[], how: 'auto' | 'manual'): Promise<Incident> {
    if (survivor.id === merged.id) return survivor;
    const movedIds = await this.reports.idsOf(merged.id);
    const survivorIds = await this.reports.idsOf(survivor.id);
    await this.incidents.addProfileOf(survivor.id, merged.id);
    const moved = await this.reports.moveAll(merged.id, survivor.id);
    // A moved report still pending (its intake's fold not yet run, or failed) is folded into the
    // survivor now: the merged incident's profile, added above, did not hold it.
    await this.incidents.foldAttachmentsInTransaction(survivor.id);
    const twoThreads = await this.foldEscalations(survivor, merged, movedIds, survivorIds, actorLabel);
    await this.messages.moveToIncident(merged.id, survivor.id);
    const services = [...new Set([...survivor.services, ...merged.services])];
    const errorCodes = [...new Set([...survivor.errorCodes, ...merged.errorCodes])];
    const openedAt = survivor.openedAt <= merged.openedAt ? survivor.openedAt : merged.openedAt;
    const lastSeenAt = survivor.lastSeenAt >= merged.lastSeenAt ? survivor.lastSeenAt : merged.lastSeenAt;
    const status =
      survivor.status === 'new' && merged.status !== 'new' && merged.status !== 'resolved' && merged.status !== 'closed'
        ? merged.status
        : survivor.status;
    const side = await this.carrySecurityCase(survivor, merged);
    await this.incidents.update(survivor.id, {
      services,
      errorCodes,
      openedAt,
      lastSeenAt,
      status,
      side,
      // Two threads are two cases at Skatteetaten; the survivor's thread goes on under its own number.
      skeCaseReference: twoThreads ? survivor.skeCaseReference : (survivor.skeCaseReference ?? merged.skeCaseReference),
    });
    await this.incidents.update(merged.id, { mergedIntoId: survivor.id, status: 'closed' });
    await this.mergeProposals.upsert({
      survivorId: survivor.id,
      mergedId: merged.id,
      score: 1,
      reasons,
      status: 'accepted',
      decidedBy: actorLabel,
    });
    await this.timeline.record(survivor.id, 'merged_in', actorLabel, {
      from: merged.reference,
      fromId: merged.id,
      reports: moved,
      how,
      reasons,
    });
    await this.timeline.record(merged.id, 'merged_into', actorLabel, { into: survivor.reference, intoId: survivor.id, how, reasons });
    const profile = (await this.incidents.find(survivor.id))!.profile;
    return { ...survivor, services, errorCodes, openedAt, lastSeenAt, status, side, profile };
  }

  /**
   * A security case follows its reports: merging one in makes the survivor a security case too,
   * holding one case whose clock runs from the earlier of the two and whose checklist keeps what
   * either had recorded (the survivor's entry where both did). Returns the survivor's side.
   */
  private async carrySecurityCase(survivor: Incident, merged: Incident): Promise<Incident['side']> {
    // Locked, as a checklist step locks its case: a step recorded meanwhile is carried, not overwritten.
    const from = await this.securityCases.lockByIncident(merged.id);
    if (!from && !isRestricted(merged)) return survivor.side;
    const side = isRestricted(survivor) ? survivor.side : 'security';
    if (!isRestricted(survivor)) await this.visibility.becameSecurityCase(survivor.id);
    if (!from) {
      await this.securityCases.openOnce(survivor.id, merged.openedAt);
      return side;
    }
    const into = await this.securityCases.lockByIncident(survivor.id);
    if (!into) {
      await this.securityCases.carry(from.id, survivor.id, from);
      return side;
    }
    const checklist: SecurityChecklist = { ...from.checklist, ...into.checklist };
    await this.securityCases.delete(from.id);
    await this.securityCases.carry(into.id, survivor.id, {
      receivedAt: from.receivedAt < into.receivedAt ? from.receivedAt : into.receivedAt,
      checklist,
      warningsSent: [...new Set([...into.warningsSent, ...from.warningsSent])],
    });
    return side;
  }

  /**
   * Skatteetaten hears of every report in its thread once. A sent thread of the survivor tells
   * of the moved reports in its next follow-up; a merged incident's thread moves to a survivor
   * without one; a merged incident's first message that has not gone out yet is dropped in
   * favour of the survivor's thread; a merged incident's sent thread, beside a thread of the
   * survivor's, ends with a pointer to it (endThreadOf). Returns whether there were two threads.
   */
  private async foldEscalations(
    survivor: Incident,
    merged: Incident,
    movedIds: string[],
    survivorIds: string[],
    actorLabel: string,
  ): Promise<boolean> {
    const own = await this.escalations.ofIncident(survivor.id);
    const other = await this.escalations.ofIncident(merged.id);
    if (other?.status === 'pending' && own) {
      await this.escalations.delete(other.id);
      await this.timeline.record(survivor.id, 'escalation_folded', actorLabel, { from: merged.reference });
    } else if (other && !own) {
      await this.escalations.moveToIncident(merged.id, survivor.id);
      if (other.status === 'sent') await this.escalations.addPendingReports(survivor.id, survivorIds);
    }
    if (own?.status === 'sent' && other?.status !== 'sent') await this.escalations.addPendingReports(survivor.id, movedIds);
    if (!own || other?.status !== 'sent') return false;
    await this.endThreadOf(survivor, merged, own, other, actorLabel);
    return true;
  }

  /**
   * The merged incident's thread went out beside the survivor's (sent, or a security thread about
   * to be), so Skatteetaten's case system holds two cases for one fault. The merged one's thread
   * gets a last message naming the incident that goes on, and its recipients join the survivor's
   * thread, which names the merged incident in its next message (untoldThreadMerges). They join
   * only where neither thread could carry a security matter to an ordinary channel: both threads
   * to the security channel, or both ordinary and neither incident on the security side. Otherwise
   * the last message says only that KS goes on in another channel.
   */
  private async endThreadOf(survivor: Incident, merged: Incident, own: Escalation, other: Escalation, actorLabel: string): Promise<void> {
    const joined = own.security === other.security && (own.security || (!isRestricted(survivor) && !isRestricted(merged)));
    // From here on the survivor holds both threads' messages; each answers within its own.
    await this.messages.assignThreadRoot(merged.id, other.rootMessageId);
    await this.messages.assignThreadRoot(survivor.id, own.rootMessageId);
    if (joined) await this.escalations.addRecipients(own.id, other.to);
    const { threadSubject, ...inThread } = await this.thread.replyIn(merged.id, other.rootMessageId);
    const continuesIn = joined
      ? {
          reference: survivor.reference,
          skeCaseReference: survivor.skeCaseReference,
          threadSubject: (await this.thread.subjectOf(own.rootMessageId)) ?? `[${survivor.reference}] ${survivor.title}`,
        }
      : null;
    await this.email.execute({
      template: ESCALATION_MERGED_MAIL,
      to: other.to,
      ...inThread,
      dedupeKey: `escalation-merged:${other.id}`,
      related: { type: 'incident', id: survivor.id },
      data: { reference: merged.reference, title: merged.title, threadSubject, skeCaseReference: merged.skeCaseReference, continuesIn },
    });
    await this.timeline.record(survivor.id, 'escalation_thread_merged', actorLabel, {
      from: merged.reference,
      skeCaseReference: merged.skeCaseReference,
      to: other.to,
      joined,
    });
  }
}

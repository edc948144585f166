import { RecordAudit } from '@domain/audit';
import { type Actor, ReferenceSequence } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { Conflict, ValidationFailed } from '@platform/errors';

import { EscalationRepository } from './escalation.repository';
import { GroupingLessonRepository } from './grouping-lesson.repository';
import { Incident, isSettled } from './incident.entity';
import { IncidentRepository } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentMerger } from './incident-merger';
import { IncidentVisibility } from './incident-visibility.use-case';
import {
  CorrectionOnResolvedIncident,
  EnvironmentMismatch,
  IncidentNotFound,
  MergeProposalNotFound,
  MergeWithItself,
  ReportNotFound,
} from './incidents.exceptions';
import { MatchingCorpus } from './matching-corpus';
import { MergeProposalRepository } from './merge-proposal.repository';
import { regroupingLock } from './regrouping-lock';
import { ReportRepository } from './report.repository';
import { addCounts, contributionOf, type ProfileCounts, profileOf } from './rules/incident-profile';
import { isRestricted, SECURITY_CATEGORIES } from './rules/incident-visibility';
import { lessonsFrom } from './rules/lessons';
import { signalsOf } from './rules/report-signals';
import { SecurityCaseRepository } from './security-case.repository';

/**
 * Staff corrections to the automatic grouping: merge two incidents, split reports out into a new
 * incident, move one report. Corrections are kept in the timeline and the audit log, and win over
 * automatic decisions (split pairs are never merged again automatically; moved reports are pinned).
 * They also teach matching: merging or moving reports worded one way into an incident worded
 * another records the distinctive words of each side as related (rules/lessons.ts).
 */
@Injectable()
export class CorrectGrouping {
  constructor(
    private readonly db: DatabaseContext,
    private readonly incidents: IncidentRepository,
    private readonly reports: ReportRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly mergeProposals: MergeProposalRepository,
    private readonly lessons: GroupingLessonRepository,
    private readonly references: ReferenceSequence,
    private readonly merger: IncidentMerger,
    private readonly corpus: MatchingCorpus,
    private readonly audit: RecordAudit,
    private readonly securityCases: SecurityCaseRepository,
    private readonly visibility: IncidentVisibility,
    private readonly escalations: EscalationRepository,
  ) {}

  async merge(targetId: string, otherId: string, actor: Actor): Promise<Incident> {
    return this.db.transaction(async () => {
      const first = await this.incidents.resolveSurvivor(targetId);
      if (!first) throw new IncidentNotFound();
      await this.db.advisoryXactLock(regroupingLock(first.environment));
      const [a, b] = await this.incidents.lockSurvivors(targetId, otherId);
      if (!a || !b) throw new IncidentNotFound();
      if (targetId === otherId) throw new MergeWithItself(a.reference);
      if (a.id === b.id) throw new Conflict('already_merged', `${a.reference} and ${b.reference} are already one incident.`);
      if (a.track !== b.track) throw new Conflict('track_mismatch', 'Security and privacy incidents cannot be merged with ordinary ones.');
      if (a.environment !== b.environment)
        throw new EnvironmentMismatch(`${a.reference} is in ${a.environment}; ${b.reference} is in ${b.environment}.`);
      for (const incident of [a, b]) if (isSettled(incident)) throw new CorrectionOnResolvedIncident(incident.reference);
      const [survivor, merged] = await this.merger.chooseSurvivor(a, b);
      await this.learn(survivor.profile, merged.profile, survivor.services, `${survivor.reference} ← ${merged.reference} (${actor.label})`);
      const result = await this.merger.merge(survivor, merged, actor.label, ['slått sammen av saksbehandler'], 'manual');
      await this.audit.execute({
        actor,
        action: 'incident.merged',
        objectType: 'incident',
        objectId: survivor.id,
        details: { merged: merged.reference, survivor: survivor.reference },
      });
      return result;
    });
  }

  async split(incidentId: string, reportIds: string[], actor: Actor): Promise<Incident> {
    if (!reportIds?.length) throw new ValidationFailed([{ field: 'reportIds', message: 'must name at least one report' }]);
    return this.db.transaction(async () => {
      const found = await this.incidents.resolveSurvivor(incidentId);
      if (!found) throw new IncidentNotFound();
      await this.db.advisoryXactLock(regroupingLock(found.environment));
      const source = (await this.incidents.lockSurvivor(incidentId))!;
      await this.incidents.foldAttachmentsInTransaction(source.id);
      const reports = (await this.reports.byIds(reportIds)).filter((r) => r.incidentId === source.id);
      if (reports.length !== new Set(reportIds).size)
        throw new ValidationFailed([{ field: 'reportIds', message: `must all belong to ${source.reference}` }]);
      const all = await this.reports.ofIncident(source.id, 100_000);
      if (reports.length === all.length)
        throw new Conflict('split_all', 'Splitting out every report would leave the incident empty; move them instead.');
      const first = [...reports].sort((x, y) => x.receivedAt.getTime() - y.receivedAt.getTime())[0];
      // A security case follows its security and privacy reports, and staff's decision to put an
      // ordinary incident on the security side holds for all its reports; other reports leave it behind.
      const restricted =
        reports.some((r) => SECURITY_CATEGORIES.includes(r.category)) || (source.track === 'ordinary' && source.side === 'security');
      const created = await this.incidents.insert({
        reference: await this.references.next('incident', first.receivedAt),
        title: first.title.slice(0, 200),
        environment: source.environment,
        track: restricted && source.track === 'security' ? 'security' : 'ordinary',
        side: restricted ? 'security' : 'undetermined',
        services: [...new Set(reports.map((r) => r.service))],
        errorCodes: [...new Set(reports.map((r) => r.errorCode).filter((c): c is string => !!c))],
        openedAt: first.receivedAt,
        lastSeenAt: reports.reduce((m, r) => (r.receivedAt > m ? r.receivedAt : m), first.receivedAt),
      });
      for (const r of reports)
        await this.reports.move(r.id, created.id, true, {
          ...r.match,
          by: 'manual',
          reasons: [`skilt ut fra ${source.reference} av ${actor.label}`, ...r.match.reasons],
        });
      await this.rebuildProfile(source.id);
      await this.rebuildProfile(created.id);
      // Its clock runs from the first of the reports it took; what was already done for them is kept.
      if (restricted)
        await this.securityCases.openWith(
          created.id,
          first.receivedAt,
          (await this.securityCases.findByIncident(source.id))?.checklist ?? {},
        );
      await this.mergeProposals.upsert({
        survivorId: source.id,
        mergedId: created.id,
        score: 0,
        reasons: ['skilt fra hverandre av saksbehandler'],
        status: 'rejected',
        decidedBy: actor.label,
      });
      await this.timeline.record(source.id, 'split', actor.label, { into: created.reference, reports: reports.map((r) => r.reference) });
      await this.timeline.record(created.id, 'opened', actor.label, {
        splitFrom: source.reference,
        reports: reports.map((r) => r.reference),
      });
      await this.audit.execute({
        actor,
        action: 'incident.split',
        objectType: 'incident',
        objectId: source.id,
        after: { newIncident: created.reference, reports: reports.map((r) => r.reference) },
      });
      return created;
    });
  }

  async move(reportId: string, targetIncidentId: string, actor: Actor): Promise<Incident> {
    return this.db.transaction(async () => {
      const asked = await this.reports.find(reportId);
      if (!asked) throw new ReportNotFound();
      await this.db.advisoryXactLock(regroupingLock(asked.environment));
      // Read again under the lock: a move or split that committed meanwhile may have placed it elsewhere.
      const report = (await this.reports.find(reportId))!;
      const [target, source] = await this.incidents.lockSurvivors(targetIncidentId, report.incidentId);
      if (!target || !source) throw new IncidentNotFound();
      if (target.id === source.id) return target;
      if (target.environment !== report.environment)
        throw new EnvironmentMismatch(`${target.reference} is in ${target.environment}; the report is from ${report.environment}.`);
      if (isSettled(target)) throw new CorrectionOnResolvedIncident(target.reference);
      await this.learn(
        target.profile,
        contributionOf(signalsOf(report)),
        target.services,
        `${target.reference} ← ${report.reference} (${actor.label})`,
      );
      const last = (await this.reports.statsOf(source.id)).reportCount === 1;
      // Its last report: the incident goes into the target as in a merge, so that its thread to
      // Skatteetaten, its conversation and its security case go on there, and no thread is left
      // with an empty incident; the merge tells each thread what it has not heard. Only where
      // staff could merge the two: one track, and the emptied incident not resolved.
      const emptying = last && source.track === target.track && !isSettled(source);
      await this.incidents.foldAttachmentsInTransaction(source.id);
      const into = emptying
        ? await this.merger.merge(target, source, actor.label, ['siste melding flyttet av saksbehandler'], 'manual')
        : target;
      await this.reports.move(report.id, target.id, true, {
        ...report.match,
        by: 'manual',
        reasons: [`flyttet fra ${source.reference} av ${actor.label}`, ...report.match.reasons],
      });
      if (!emptying) {
        // Its thread has not heard of it, however old it is: the next update tells it (a no-op without a thread).
        await this.escalations.addPendingReports(target.id, [report.id]);
        await this.rebuildProfile(source.id);
      }
      await this.rebuildProfile(target.id);
      // A security or privacy report makes the incident it is moved to a security case.
      const becomesCase = SECURITY_CATEGORIES.includes(report.category) && !isRestricted(into);
      await this.incidents.update(target.id, {
        services: [...new Set([...into.services, report.service])],
        errorCodes: [...new Set([...into.errorCodes, ...(report.errorCode ? [report.errorCode] : [])])],
        lastSeenAt: report.receivedAt > into.lastSeenAt ? report.receivedAt : into.lastSeenAt,
        ...(becomesCase ? { side: 'security' as const } : {}),
      });
      if (becomesCase) {
        await this.securityCases.openOnce(target.id, report.receivedAt);
        await this.visibility.becameSecurityCase(target.id);
      }
      // The merge of an emptied incident is recorded as accepted; otherwise the two are not to be proposed again.
      if (!emptying)
        await this.mergeProposals.upsert({
          survivorId: target.id,
          mergedId: source.id,
          score: 0,
          reasons: ['melding flyttet av saksbehandler'],
          status: 'rejected',
          decidedBy: actor.label,
        });
      await this.timeline.record(source.id, 'report_moved_out', actor.label, { report: report.reference, to: target.reference });
      await this.timeline.record(target.id, 'report_moved_in', actor.label, { report: report.reference, from: source.reference });
      if (last && !emptying && (await this.reports.statsOf(source.id)).reportCount === 0) {
        await this.incidents.update(source.id, { mergedIntoId: target.id, status: 'closed' });
        // Not carried across tracks or out of a solved incident: a first message still waiting
        // would be about an empty incident, so it is cancelled as for a solved one.
        const waiting = await this.escalations.ofIncident(source.id);
        if (waiting?.status === 'pending') {
          await this.escalations.delete(waiting.id);
          await this.timeline.record(source.id, 'escalation_cancelled', actor.label, {});
        }
      }
      await this.audit.execute({
        actor,
        action: 'report.moved',
        objectType: 'report',
        objectId: report.id,
        before: { incident: source.reference },
        after: { incident: target.reference },
      });
      if (emptying)
        await this.audit.execute({
          actor,
          action: 'incident.merged',
          objectType: 'incident',
          objectId: target.id,
          details: { merged: source.reference, survivor: target.reference, emptiedByMove: report.reference },
        });
      return (await this.incidents.find(target.id))!;
    });
  }

  /**
   * The profile again from the incident's reports, after reports left or joined it by hand. The
   * correction folded what was pending first; a report committed pending since then is left out,
   * as its own fold adds it.
   */
  private async rebuildProfile(incidentId: string): Promise<void> {
    const reports = await this.reports.foldedOfIncident(incidentId);
    await this.incidents.setProfile(
      incidentId,
      reports.reduce<ProfileCounts>((sum, r) => addCounts(sum, contributionOf(signalsOf(r))), {}),
    );
  }

  /** Records what a correction teaches (words of one side standing for words of the other). */
  private async learn(into: ProfileCounts, from: ProfileCounts, services: string[], source: string): Promise<void> {
    const lessons = lessonsFrom(
      profileOf(into),
      profileOf(from),
      this.corpus.current().weigher(services.length === 1 ? services[0] : undefined),
    );
    for (const l of lessons) await this.lessons.learn(l.a, l.b, l.strength, source);
    if (lessons.length) this.corpus.invalidate();
  }

  async decideProposal(proposalId: string, accept: boolean, actor: Actor): Promise<void> {
    const proposal = await this.mergeProposals.find(proposalId);
    if (!proposal) throw new MergeProposalNotFound();
    if (accept) await this.merge(proposal.survivorId, proposal.mergedId, actor);
    else {
      await this.mergeProposals.upsert({ ...proposal, status: 'rejected', decidedBy: actor.label });
      await this.audit.execute({
        actor,
        action: 'incident.merge_rejected',
        objectType: 'incident',
        objectId: proposal.survivorId,
        details: { other: proposal.mergedId },
      });
    }
  }
}

import { randomUUID } from 'node:crypto';

import { FindServicesInForce } from '@domain/catalogue';
import { ListConsumerContacts } from '@domain/consumers';
import { SuggestArticles } from '@domain/knowledge';
import { FindActiveOperationalMessage, type KnownIssue } from '@domain/notices';
import { NotifyStaff } from '@domain/notifications';
import { ENVIRONMENT_MAIL_LABELS, maskNationalIdentityNumbers, ReferenceSequence } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext, TransactionConflict } from '@platform/database';
import { ValidationFailed } from '@platform/errors';
import { EmailRequest, EnqueueEmail } from '@platform/mail';

import { AttachmentFolder } from './attachment-folder';
import { needsRecluster, recluster } from './grouping-flow';
import { IdempotencyKeyTaken, IdempotencyRecordRepository } from './idempotency-record.repository';
import { Incident } from './incident.entity';
import { CandidateIncident, IncidentRepository, type OpenIncidentOnService } from './incident.repository';
import { IncidentEventRepository } from './incident-event.repository';
import { IncidentGroupingStore } from './incident-grouping-store';
import { IdempotentRequestInFlight, StartInFuture } from './incidents.exceptions';
import { REPORT_CONFIRMATION_MAIL, ReportConfirmationMail } from './mail/report-confirmation.mail';
import { MatchingCorpus } from './matching-corpus';
import { PersonalDataVault } from './personal-data-vault';
import { regroupingLock } from './regrouping-lock';
import { Report } from './report.entity';
import { ReceivedReportEntries, ReportRepository } from './report.repository';
import { IntakeContext, IntakeIdempotency, KNOWN_ISSUE_NOTICE, MASKING_NOTICE, ReportInput, ReportReceipt } from './report-input';
import { reportRecipients } from './report-recipients';
import { contributionOf, ProfileCounts } from './rules/incident-profile';
import { isRestricted } from './rules/incident-visibility';
import { MatchContext, MatchDecision, matchReport, ReportFacts, trackOf } from './rules/match-report';
import { ReportSignals, signalsOf } from './rules/report-signals';
import { CLOCK_SKEW_MS, startsAfterReceipt } from './rules/report-times';
import { SecurityCaseRepository } from './security-case.repository';
import { UncertainPlacements } from './uncertain-placements';

/** What intake knows of a report before it is placed. */
interface Intake {
  input: ReportInput;
  ctx: IntakeContext;
  maskedFields: string[];
  sealed: string | null;
  suggestedArticles: string[];
  matching: MatchContext;
  knownIssue: KnownIssue | null;
}

interface Decision {
  facts: ReportFacts;
  candidates: CandidateIncident[];
  decision: MatchDecision;
}

/** A report placed: its receipt, and what the receipt may tell of the incident joined. */
export interface SubmittedReport {
  receipt: ReportReceipt;
  /** Under an Idempotency-Key (IntakeContext.idempotency): the answer stored under it. Null otherwise. */
  answer: ReportReceipt | null;
  /**
   * After a certain attach, the incident joined as the candidates read saw it, with this report
   * counted: whether KS knows of it needs no read of its own. Null otherwise.
   */
  joined: OpenIncidentOnService | null;
}

interface Placed extends SubmittedReport {
  service: string;
  features: readonly string[];
  /** The incident to fold the report's pending attachment into once it is committed; null when none is pending. */
  foldInto: string | null;
}

/** What the receipt is made of: the mail's own fields, and whom and what it answers. */
type ConfirmedReport = Pick<
  Report,
  'id' | 'reference' | 'title' | 'service' | 'environment' | 'receivedAt' | 'errorCode' | 'consumerId' | 'channel' | 'knownIssue'
>;

// A code seen in the catalogue in force stays accepted this long; an unknown code is always checked again.
const KNOWN_SERVICES_CACHE_MS = 10_000;

/** How often a report is placed anew when the incident chosen for it is merged or resolved meanwhile. */
const PLACE_ATTEMPTS = 5;

const FREE_TEXT_FIELDS = ['title', 'description', 'errorCode', 'correlationId', 'vendorInvolved', 'reporterName'] as const;

/**
 * The one intake path. Masks identity numbers, matches the report against open incidents and
 * attaches it or opens a new incident, in one transaction with its confirmation e-mail. The
 * decision to open is serialised per environment, so simultaneous reports of one outage open
 * one incident; a confident attach needs no global lock.
 */
@Injectable()
export class SubmitReport {
  private knownServices: { codes: Set<string>; until: number } | null = null;

  constructor(
    private readonly db: DatabaseContext,
    private readonly incidents: IncidentRepository,
    private readonly reports: ReportRepository,
    private readonly timeline: IncidentEventRepository,
    private readonly references: ReferenceSequence,
    private readonly store: IncidentGroupingStore,
    private readonly corpus: MatchingCorpus,
    private readonly vault: PersonalDataVault,
    private readonly catalogue: FindServicesInForce,
    private readonly contacts: ListConsumerContacts,
    private readonly articles: SuggestArticles,
    private readonly email: EnqueueEmail,
    private readonly notify: NotifyStaff,
    private readonly operational: FindActiveOperationalMessage,
    private readonly securityCases: SecurityCaseRepository,
    private readonly folder: AttachmentFolder,
    private readonly uncertain: UncertainPlacements,
    private readonly keys: IdempotencyRecordRepository,
  ) {}

  async assertKnownService(service: string, field = 'service'): Promise<void> {
    if (this.knownServices && this.knownServices.until > Date.now() && this.knownServices.codes.has(service)) return;
    const known = await this.catalogue.allCodes();
    this.knownServices = { codes: new Set(known), until: Date.now() + KNOWN_SERVICES_CACHE_MS };
    if (!known.includes(service))
      throw new ValidationFailed(
        [{ field, message: `is not a service in the catalogue in force (${known.join(', ') || 'none published'})` }],
        'unknown_service',
      );
  }

  /** Masks identity numbers in every free-text field; returns the cleaned input and the sealed originals. */
  sanitise(input: ReportInput): { clean: ReportInput; maskedFields: string[]; sealed: string | null } {
    const clean: ReportInput = { ...input };
    const originals: Record<string, string> = {};
    for (const field of FREE_TEXT_FIELDS) {
      const value = input[field];
      if (typeof value !== 'string' || !value) continue;
      const { text, found } = maskNationalIdentityNumbers(value);
      if (found.length) {
        originals[field] = value;
        (clean as unknown as Record<string, unknown>)[field] = text;
      }
    }
    const maskedFields = Object.keys(originals);
    return { clean, maskedFields, sealed: maskedFields.length ? this.vault.seal(originals) : null };
  }

  async execute(input: ReportInput, ctx: IntakeContext): Promise<SubmittedReport> {
    // An import checked its own times (one clock) before it came here.
    if (!ctx.history && startsAfterReceipt(input.occurredAt, ctx.receivedAt, CLOCK_SKEW_MS)) throw new StartInFuture();
    await this.assertKnownService(input.service);
    const { clean, maskedFields, sealed } = this.sanitise(input);
    const suggested = await this.articles.forReport(clean);
    const intake: Intake = {
      input: clean,
      ctx,
      maskedFields,
      sealed,
      suggestedArticles: suggested.map((a) => a.slug),
      matching: await this.corpus.context(),
      // Inhibition: a problem Skatteetaten has announced is marked on intake and not escalated automatically.
      knownIssue: await this.operational.execute(clean.service, clean.environment, ctx.receivedAt),
    };
    let placed: Placed | null = null;
    let first: Decision | null = null;
    // A caller that wraps intake in its own transaction (an import) may read the incident before
    // it commits, so the incident must have taken the report by then.
    const inCallersTransaction = this.db.inTransaction;
    const environment = clean.environment;
    if (!inCallersTransaction) {
      first = await this.decide(intake);
      placed = await this.attachInOneStatement(intake, first);
      if (!placed && needsRecluster(first.decision) && this.uncertain.inProgress(environment)) {
        // As at the start of a wave: another report of this process is being placed under the
        // open lock. What it opens may make this one certain, so look again once it is committed.
        await this.uncertain.settled(environment);
        first = await this.decide(intake, true);
        placed = await this.attachInOneStatement(intake, first);
      }
    }
    if (!placed) {
      const place = () => this.db.transaction(() => this.place(intake, first, !inCallersTransaction));
      placed = first && needsRecluster(first.decision) ? await this.uncertain.run(environment, place) : await place();
    }
    // Folds the incident's pending attachments, this report's among them, now it is committed.
    if (placed.foldInto) await this.folder.afterCommit(placed.foldInto);
    // The statistics grow by the report once it is stored (a rolled-back report never counts).
    this.corpus.add(placed.service, placed.features);
    return { receipt: placed.receipt, joined: placed.joined, answer: placed.answer };
  }

  /** Reads the candidates and decides; live reports are received now, so a second look is dated anew. */
  private async decide(intake: Intake, again = false): Promise<Decision> {
    if (again && !intake.ctx.history) intake.ctx = { ...intake.ctx, receivedAt: new Date() };
    const { input, ctx } = intake;
    const facts: ReportFacts = {
      id: 'new',
      consumerId: ctx.consumerId,
      service: input.service,
      environment: input.environment,
      category: input.category,
      title: input.title,
      description: input.description,
      httpStatus: input.httpStatus ?? null,
      errorCode: input.errorCode ?? null,
      correlationId: input.correlationId ?? null,
      receivedAt: ctx.receivedAt,
      occurredAt: input.occurredAt ?? null,
    };
    const candidates = await this.store.candidates(input.environment, ctx.receivedAt, {
      consumerId: ctx.consumerId,
      holdsOwnReports: this.db.inTransaction,
    });
    return { facts, candidates, decision: matchReport(facts, candidates, intake.matching) };
  }

  /**
   * The common case of an outage: a certain attach. The report, its timeline entry, its pending
   * attachment and its receipt are stored by one statement, which is its own transaction (shared
   * with the certain attaches of concurrent requests decided in the same turn): no round trips to
   * open and commit one, and no update of the incident's row, which every report of an outage
   * changes (the attachment is folded into it after the commit); the statement only keeps the
   * incident from being merged or resolved under it (ReportRepository.insertReceived). Under an
   * Idempotency-Key the key is stored with its answer by the same statement, or nothing is stored
   * when another request answered or holds the key (then null: the transaction's claim tells
   * which). Anything else (opening an incident, an uncertain match, a known issue to mark on the
   * incident) takes the transaction.
   */
  private async attachInOneStatement(intake: Intake, { facts, candidates, decision }: Decision): Promise<Placed | null> {
    if (decision.action !== 'attach' || !decision.incidentId || needsRecluster(decision)) return null;
    const candidate = candidates.find((c) => c.id === decision.incidentId)!;
    const incident = candidate.entity;
    if (intake.knownIssue && !incident.knownIssue) return null;
    const signals = signalsOf(facts);
    const received = this.receivedReport(intake, incident, decision, candidates, signals);
    const joined = this.joinedBy(candidate, intake);
    const key = intake.ctx.idempotency;
    // The statement sets the answer's reference and status as it stores the report.
    const answer = key ? await key.answer(this.receiptOf(intake, { ...received, reference: '', status: 'open' }, incident), joined) : null;
    const report = await this.storeReceived(intake, received, incident, {
      ...this.receivedEntries(intake, decision, contributionOf(signals)),
      idempotency: key && answer && { consumerId: intake.ctx.consumerId, key: key.key, requestHash: key.requestHash, answer },
    });
    if (!report) return null;
    return {
      ...this.placed(intake, report, incident, signals, { joined, foldInto: incident.id }),
      answer: answer && { ...answer, reference: report.reference, status: report.status },
    };
  }

  /**
   * Stores the report with its timeline entry, its pending attachment if any and its receipt by one
   * statement. The receipt is rendered with a placeholder where the reference goes, which the
   * statement fills in as it draws the reference.
   */
  private async storeReceived(
    intake: Intake,
    received: ReturnType<SubmitReport['receivedReport']>,
    incident: Incident,
    entries: ReceivedReportEntries,
  ): Promise<Report | null> {
    const referencePlaceholder = `report-reference-${randomUUID()}`;
    const request = intake.ctx.history
      ? null
      : await this.confirmationOf({ ...received, reference: referencePlaceholder }, incident, intake.input, intake.maskedFields);
    return this.reports.insertReceived(received, {
      ...entries,
      confirmation: request && { message: this.email.prepare(request), referencePlaceholder },
    });
  }

  private async place(intake: Intake, first: Decision | null, pendingAllowed: boolean): Promise<Placed> {
    const key = intake.ctx.idempotency;
    // First, so that a retry of a request already answered does nothing more.
    if (key) await this.claim(intake.ctx.consumerId, key);
    // The incident chosen may be merged or resolved before the report is stored; then nothing is
    // written yet, and the report is placed anew among the incidents open now.
    for (let attempt = 0; attempt < PLACE_ATTEMPTS; attempt++) {
      const placed = await this.placeOnce(intake, attempt === 0 ? first : null, pendingAllowed);
      if (placed) return placed;
    }
    throw new TransactionConflict();
  }

  /** Null, with nothing stored, when the incident the report was to join was merged or settled meanwhile. */
  private async placeOnce(intake: Intake, first: Decision | null, pendingAllowed: boolean): Promise<Placed | null> {
    const { input, knownIssue } = intake;
    const key = intake.ctx.idempotency;
    let { facts, candidates, decision } = first ?? (await this.decide(intake));
    let uncertain = needsRecluster(decision);
    if (uncertain) {
      // Serialise the decision to open: whoever waits sees the incident the one before opened.
      const lock = regroupingLock(input.environment);
      if (!(await this.db.tryAdvisoryXactLock(lock))) {
        // Someone is opening now, as at the start of a wave: wait for their commit and look again.
        // A certain attach needs no lock, so the rest of the wave does not queue behind one another.
        await this.db.awaitAdvisoryLock(lock);
        ({ facts, candidates, decision } = await this.decide(intake, true));
        uncertain = needsRecluster(decision);
        if (uncertain) await this.db.advisoryXactLock(lock);
      }
      if (uncertain) {
        ({ facts, candidates, decision } = await this.decide(intake, true));
        // What was attached while this report waited may have made it certain: then it is placed
        // as any certain attach, without re-clustering (the lock is held to the commit all the same).
        uncertain = needsRecluster(decision);
      }
    }
    const { ctx } = intake;
    const signals = signalsOf(facts);
    const contribution = contributionOf(signals);

    let incident: Incident;
    if (decision.action === 'attach' && decision.incidentId) {
      incident = candidates.find((c) => c.id === decision.incidentId)!.entity;
    } else {
      const track = trackOf(facts);
      incident = await this.incidents.insert({
        reference: await this.references.next('incident', ctx.receivedAt),
        title: input.title.slice(0, 200),
        environment: input.environment,
        track,
        side: track === 'security' ? 'security' : 'undetermined',
        services: [input.service],
        errorCodes: input.errorCode ? [input.errorCode] : [],
        openedAt: ctx.receivedAt,
        lastSeenAt: ctx.receivedAt,
        profile: contribution,
        knownIssue,
      });
      await this.timeline.record(incident.id, 'opened', ctx.actorLabel, { reasons: decision.reasons });
      // A security or privacy report's clock starts when it reached KS.
      if (track === 'security') await this.securityCases.openOnce(incident.id, ctx.receivedAt);
      // Live intake only: an imported history is not news to anyone.
      if (!ctx.history) await this.notifyOpened(incident);
    }

    // A certain attach is left pending and folded into the incident after the commit: its row,
    // which every report of an outage updates, is not updated by the transaction.
    const pending = !uncertain && pendingAllowed;
    // In a transaction the key is the claim's, not the statement's.
    const report = await this.storeReceived(
      intake,
      this.receivedReport(intake, incident, decision, candidates, signals),
      incident,
      this.receivedEntries(intake, decision, pending ? contribution : null),
    );
    if (!report) return null;

    if (uncertain) {
      // Evidence grows: with this report in place, incidents that now look like one problem are
      // merged when certain and proposed to staff otherwise (pairs staff split stay apart).
      if (decision.action === 'attach') await this.incidents.attachReport(incident.id, report, contribution);
      const { survivors } = await recluster(this.store, intake.matching.corpus, input.environment, ctx.receivedAt, [incident.id]);
      const survivor = survivors.get(incident.id);
      if (survivor) incident = (await this.incidents.find(survivor))!;
    } else if (!pending) {
      await this.incidents.attachReport(incident.id, report, contribution);
    }

    if (knownIssue && !incident.knownIssue) {
      await this.incidents.update(incident.id, { knownIssue });
      incident = { ...incident, knownIssue };
    }
    const placed = pending
      ? this.placed(intake, report, incident, signals, {
          joined: this.joinedBy(
            candidates.find((c) => c.id === incident.id)!,
            intake,
          ),
          foldInto: incident.id,
        })
      : this.placed(intake, report, incident, signals);
    if (!key) return placed;
    const answer = await key.answer(placed.receipt, placed.joined);
    await this.keys.complete(intake.ctx.consumerId, key.key, 201, answer);
    return { ...placed, answer };
  }

  /** Claims the key for the transaction, waiting a while for another request that holds it. */
  private async claim(consumerId: string, { key, requestHash }: IntakeIdempotency): Promise<void> {
    const claim = await this.keys.claim(consumerId, key, requestHash);
    if (claim.kind === 'busy') throw new IdempotentRequestInFlight();
    if (claim.kind === 'answered') throw new IdempotencyKeyTaken(claim.record);
  }

  private receivedReport(
    { input, ctx, maskedFields, sealed, suggestedArticles, knownIssue }: Intake,
    incident: Incident,
    decision: MatchDecision,
    candidates: CandidateIncident[],
    signals: ReportSignals,
  ) {
    return {
      id: randomUUID(),
      consumerId: ctx.consumerId,
      incidentId: incident.id,
      channel: ctx.channel,
      service: input.service,
      environment: input.environment,
      category: input.category,
      title: input.title,
      description: input.description,
      occurredAt: input.occurredAt ?? null,
      receivedAt: ctx.receivedAt,
      httpStatus: input.httpStatus ?? null,
      errorCode: input.errorCode ?? null,
      correlationId: input.correlationId ?? null,
      hasWorkedBefore: input.hasWorkedBefore ?? null,
      vendorInvolved: input.vendorInvolved ?? null,
      vendorOrganisationNumber: ctx.vendor?.orgNumber ?? null,
      vendorName: ctx.vendor?.name ?? null,
      reporterName: input.reporterName ?? null,
      reporterEmail: input.reporterEmail ?? null,
      personalDataMasked: maskedFields.length > 0,
      personalDataSealed: sealed,
      match: this.matchRecord(decision, candidates),
      features: [...signals.features],
      suggestedArticles,
      knownIssue,
    };
  }

  private receivedEntries({ ctx }: Intake, decision: MatchDecision, pendingAttachment: ProfileCounts | null): ReceivedReportEntries {
    return {
      timeline: { actorLabel: ctx.actorLabel, details: { channel: ctx.channel, action: decision.action, score: decision.score } },
      pendingAttachment,
    };
  }

  /** The candidate as an open incident of the report's service, once the report is in it. */
  private joinedBy(candidate: CandidateIncident, { input, ctx }: Intake): OpenIncidentOnService {
    const incident = candidate.entity;
    const firstOfConsumer = !candidate.titlesOfConsumer.get(ctx.consumerId)?.length;
    return {
      id: incident.id,
      reference: incident.reference,
      title: incident.title,
      status: incident.status,
      services: incident.services.includes(input.service) ? incident.services : [...incident.services, input.service],
      track: incident.track,
      side: incident.side,
      escalated: candidate.escalated,
      consumerCount: candidate.consumerCount + (firstOfConsumer ? 1 : 0),
      titledByStaff: candidate.titledByStaff,
      lastSeenAt: ctx.receivedAt > incident.lastSeenAt ? ctx.receivedAt : incident.lastSeenAt,
    };
  }

  private placed(
    intake: Intake,
    report: Report,
    incident: Incident,
    signals: ReportSignals,
    { joined = null, foldInto = null }: Partial<Pick<Placed, 'joined' | 'foldInto'>> = {},
  ): Placed {
    const receipt = this.receiptOf(intake, report, incident);
    return { receipt, joined, foldInto, answer: null, service: intake.input.service, features: signals.features };
  }

  private receiptOf(
    { maskedFields, knownIssue }: Intake,
    report: Pick<Report, 'id' | 'reference' | 'status' | 'receivedAt'>,
    incident: Incident,
  ): ReportReceipt {
    return {
      id: report.id,
      reference: report.reference,
      incidentId: incident.id,
      incidentReference: incident.reference,
      incidentStatus: incident.status,
      status: report.status,
      receivedAt: report.receivedAt,
      personalDataMasked: maskedFields.length > 0,
      maskedFields,
      ...(maskedFields.length ? { notice: MASKING_NOTICE } : {}),
      knownIssue,
    };
  }

  /** Staff who triage hear of a new incident; of a security case, only those who may read it hear its title. */
  private async notifyOpened(incident: Incident): Promise<void> {
    const opened = { kind: 'incident.opened', reference: incident.reference, title: incident.title, link: `/incidents/${incident.id}` };
    if (!isRestricted(incident)) return this.notify.execute({ permission: 'incident.triage' }, opened);
    await this.notify.execute({ permission: 'security-case.read' }, opened);
    await this.notify.execute(
      { permission: 'incident.triage', except: 'security-case.read' },
      { kind: 'security-case.opened', reference: incident.reference, title: '', link: `/security-cases` },
    );
  }

  private matchRecord(decision: MatchDecision, candidates: CandidateIncident[]): Report['match'] {
    const runnerUp = decision.runnerUp
      ? { ...decision.runnerUp, reference: candidates.find((c) => c.id === decision.runnerUp!.incidentId)?.entity.reference }
      : null;
    return {
      action: decision.action,
      score: decision.score,
      confidence: decision.confidence,
      reasons: decision.reasons,
      runnerUp,
      by: 'auto',
    };
  }

  /** The receipt, to the report's reporter or the consumer's technical contacts (report-recipients.ts). */
  async confirm(report: Report, incident: Incident, input: ReportInput, maskedFields: string[]): Promise<void> {
    const request = await this.confirmationOf(report, incident, input, maskedFields);
    if (request) await this.email.execute(request);
  }

  private async confirmationOf(
    report: ConfirmedReport,
    incident: Incident,
    input: ReportInput,
    maskedFields: string[],
  ): Promise<EmailRequest<ReportConfirmationMail> | null> {
    const contacts = await this.contacts.execute([report.consumerId]);
    const to = reportRecipients({ channel: report.channel, reporterEmail: input.reporterEmail ?? null }, contacts);
    if (!to.length) return null;
    return {
      template: REPORT_CONFIRMATION_MAIL,
      to,
      dedupeKey: `report-confirmation:${report.id}`,
      related: { type: 'report', id: report.id },
      data: {
        report,
        serviceName: (await this.catalogue.execute([report.service], report.receivedAt))[0]?.name ?? report.service,
        environment: ENVIRONMENT_MAIL_LABELS[report.environment],
        incidentReference: incident.reference,
        masked: maskedFields.length > 0,
        maskingNotice: MASKING_NOTICE,
        knownIssue: report.knownIssue ? { title: report.knownIssue.title, link: report.knownIssue.link, notice: KNOWN_ISSUE_NOTICE } : null,
      },
    };
  }
}

import {
  type EscalationResult,
  type Incident,
  INCIDENT_SIDES,
  INCIDENT_STATUSES,
  type IncidentEvent,
  type IncidentQueries,
  type IncidentSide,
  type IncidentStatus,
  type IncidentSummary,
  type MergeProposal,
  type PreviewEscalation,
  SEVERITIES,
  type Severity,
  type Track,
} from '@domain/incidents';
import { type Environment, ENVIRONMENTS } from '@domain/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MailDelivery } from '@platform/mail';

import { KnownIssueResponse, ReportFieldsResponse } from './report-responses.dto';

// The use cases' read views, named here by what the use cases return.
type IncidentView = Awaited<ReturnType<IncidentQueries['incident']>>;
type IncidentDetail = Awaited<ReturnType<IncidentQueries['incidentDetail']>>;
type EscalationView = NonNullable<IncidentView['escalation']>;
type EscalationPreview = Awaited<ReturnType<PreviewEscalation['execute']>>;

const TRACKS = ['ordinary', 'security'] as const satisfies readonly Track[];
const ESCALATION_STATUSES = ['pending', 'sent'] as const satisfies ReadonlyArray<EscalationResult['status']>;
const PROPOSAL_STATUSES = ['proposed', 'accepted', 'rejected'] as const satisfies ReadonlyArray<MergeProposal['status']>;

export class IncidentAssignmentRefResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class IncidentSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KS-2026-0042' }) reference: string;
  @ApiProperty({ example: 'Summert skattegrunnlag svarer 503', description: 'Empty when `restricted`.' }) title: string;
  @ApiProperty({ description: 'A security case the caller may not read: only that it exists is shown (no title, no error codes).' })
  restricted: boolean;
  @ApiProperty({ enum: INCIDENT_STATUSES, enumName: 'IncidentStatus' }) status: string;
  @ApiProperty({ enum: INCIDENT_SIDES, enumName: 'IncidentSide', description: 'Where the cause lies, as staff judged it' }) side: string;
  @ApiProperty({ enum: SEVERITIES, enumName: 'Severity', nullable: true, description: 'As staff set it' }) severity: Severity | null;
  @ApiProperty({ enum: SEVERITIES, enumName: 'Severity', description: 'From the environment and how many consumers are affected' })
  suggestedSeverity: Severity;
  @ApiProperty({ enum: ENVIRONMENTS, enumName: 'Environment' }) environment: string;
  @ApiProperty({ enum: TRACKS, enumName: 'IncidentTrack', description: 'Security and privacy matters have their own track' })
  track: string;
  @ApiProperty({ type: [String], example: ['summert-skattegrunnlag'] }) services: string[];
  @ApiProperty({ type: [String], example: ['SSG-008'] }) errorCodes: string[];
  @ApiProperty({ type: 'integer', description: 'Distinct consumers affected' }) consumerCount: number;
  @ApiProperty({ type: 'integer' }) reportCount: number;
  @ApiProperty() firstSeenAt: Date;
  @ApiProperty() lastSeenAt: Date;
  @ApiProperty({ description: 'A thread to Skatteetaten exists' }) escalated: boolean;
  @ApiProperty({
    type: KnownIssueResponse,
    nullable: true,
    description: "Skatteetaten's operational message about it, active when a report came in: a known issue, not escalated automatically",
  })
  knownIssue: KnownIssueResponse | null;
  @ApiProperty({ type: IncidentAssignmentRefResponse, nullable: true, description: 'The staff member handling it' })
  assignee: IncidentAssignmentRefResponse | null;
  @ApiProperty({ type: IncidentAssignmentRefResponse, nullable: true, description: 'The assignment group it is with' })
  group: IncidentAssignmentRefResponse | null;

  static from(i: IncidentSummary): IncidentSummaryResponse {
    return {
      id: i.id,
      reference: i.reference,
      title: i.title,
      restricted: i.restricted,
      status: i.status,
      side: i.side,
      severity: i.severity,
      suggestedSeverity: i.suggestedSeverity,
      environment: i.environment,
      track: i.track,
      services: i.services,
      errorCodes: i.errorCodes,
      consumerCount: i.consumerCount,
      reportCount: i.reportCount,
      firstSeenAt: i.firstSeenAt,
      lastSeenAt: i.lastSeenAt,
      escalated: i.escalated,
      knownIssue: i.knownIssue ? KnownIssueResponse.from(i.knownIssue) : null,
      assignee: i.assignee,
      group: i.group,
    };
  }
}

export class ConsumerRefResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Eksempel kommune' }) name: string;
  @ApiProperty({ example: '974760673' }) orgNumber: string;
}

/** Where an e-mail's delivery stands. */
export class MailDeliveryResponse {
  @ApiProperty({ format: 'uuid', description: 'The message in GET /api/v1/outbox' }) outboxId: string;
  @ApiProperty({
    enum: ['queued', 'sending', 'sent', 'retrying', 'failed'],
    description: 'retrying: an attempt failed and another is due at nextAttemptAt; failed: given up, or refused for good (5xx)',
  })
  state: MailDelivery['state'];
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiProperty({ type: String, nullable: true, description: "The mail server's answer to the last failed attempt" }) lastError:
    string | null;
  @ApiProperty({ type: Date, nullable: true }) nextAttemptAt: Date | null;

  static from(d: MailDelivery): MailDeliveryResponse {
    return { outboxId: d.outboxId, state: d.state, attempts: d.attempts, lastError: d.lastError, nextAttemptAt: d.nextAttemptAt };
  }
}

/** The thread to Skatteetaten about an incident. */
export class EscalationStateResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: [String], example: ['drift@skatteetaten.example'] }) to: string[];
  @ApiProperty({ description: 'Sent to the security addresses only' }) security: boolean;
  @ApiProperty() escalatedAt: Date;
  @ApiProperty({ example: 'kari.nordmann@ks.no' }) escalatedBy: string;
  @ApiProperty({ type: 'integer', description: 'Follow-up messages sent in the thread' }) followUps: number;
  @ApiProperty({
    description:
      'No automatic updates go in this thread: it went to the ordinary channel before staff moved the incident to the security side',
  })
  updatesPaused: boolean;
  @ApiProperty({
    type: Date,
    nullable: true,
    description: 'When staff moved the thread from the ordinary channel to the security channel (its first message then went there)',
  })
  movedToSecurityChannelAt: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who moved the thread to the security channel' }) movedToSecurityChannelBy:
    string | null;
  @ApiProperty({ example: '<3f1c…@segmentdesk.ks.no>', description: "Message-ID of the thread's first e-mail" }) messageId: string;
  @ApiProperty({ enum: ESCALATION_STATUSES, enumName: 'EscalationStatus' }) status: EscalationResult['status'];
  @ApiProperty({ type: Date, nullable: true, description: 'When a pending first message goes out' }) sendAfter: Date | null;
  @ApiProperty({
    type: MailDeliveryResponse,
    nullable: true,
    description: "The first message's delivery to Skatteetaten's mail server, once it was handed over (status sent)",
  })
  delivery: MailDeliveryResponse | null;

  static from(e: EscalationView): EscalationStateResponse {
    return {
      id: e.id,
      to: e.to,
      security: e.security,
      escalatedAt: e.escalatedAt,
      escalatedBy: e.escalatedBy,
      followUps: e.followUps,
      updatesPaused: e.updatesPaused,
      movedToSecurityChannelAt: e.movedToSecurityChannel?.at ?? null,
      movedToSecurityChannelBy: e.movedToSecurityChannel?.by ?? null,
      messageId: e.messageId,
      status: e.status,
      sendAfter: e.sendAfter,
      delivery: e.delivery && MailDeliveryResponse.from(e.delivery),
    };
  }
}

/** The staff view of an incident; one merged into another answers as the surviving one. */
export class IncidentResponse extends IncidentSummaryResponse {
  @ApiProperty({ format: 'uuid', description: 'The id asked for (may be a merged incident)' }) requestedId: string;
  @ApiPropertyOptional({
    example: 'KS-2026-0040',
    description: 'The reference of the incident asked for, when it was merged into this one',
  })
  mergedFrom?: string;
  @ApiProperty({ type: [ConsumerRefResponse] }) consumers: ConsumerRefResponse[];
  @ApiProperty({ type: [String], example: ['5f0c6a1e-3c3b-4bb8-9a57-0d1f0f2b7c11'] }) correlationIds: string[];
  @ApiProperty({ type: String, example: 'SKE-2026-777', nullable: true, description: "Skatteetaten's own case reference" })
  skeCaseReference: string | null;
  @ApiProperty({ type: String, example: 'Skatteetaten har rettet feilen.', nullable: true }) resolutionMessage: string | null;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt: Date | null;
  @ApiProperty({ type: EscalationStateResponse, nullable: true }) escalation: EscalationStateResponse | null;

  static override from(i: IncidentView): IncidentResponse {
    return {
      ...IncidentSummaryResponse.from(i),
      requestedId: i.requestedId,
      ...(i.mergedFrom !== undefined ? { mergedFrom: i.mergedFrom } : {}),
      consumers: i.consumers.map((c) => ({ id: c.id, name: c.name, orgNumber: c.orgNumber })),
      correlationIds: i.correlationIds,
      skeCaseReference: i.skeCaseReference,
      resolutionMessage: i.resolutionMessage,
      resolvedAt: i.resolvedAt,
      escalation: i.escalation ? EscalationStateResponse.from(i.escalation) : null,
    };
  }
}

export class IncidentReportResponse extends ReportFieldsResponse {
  @ApiPropertyOptional({ type: ConsumerRefResponse }) consumer?: ConsumerRefResponse;
}

/** One entry of an incident's timeline. */
export class IncidentEventResponse {
  @ApiProperty({ example: '1234' }) id: string;
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty() at: Date;
  @ApiProperty({ example: 'merged_in' }) kind: string;
  @ApiProperty({ example: 'kari.nordmann@ks.no' }) actorLabel: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What happened, by kind' }) details: Record<string, unknown>;

  static from(e: IncidentEvent): IncidentEventResponse {
    return { id: e.id, incidentId: e.incidentId, at: e.at, kind: e.kind, actorLabel: e.actorLabel, details: e.details };
  }
}

/** A pair of incidents that may be one problem. */
export class MergeProposalResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The incident that would remain' }) survivorId: string;
  @ApiProperty({ format: 'uuid', description: 'The incident that would be merged into it' }) mergedId: string;
  @ApiProperty({ example: 0.71 }) score: number;
  @ApiProperty({ type: [String] }) reasons: string[];
  @ApiProperty({ enum: PROPOSAL_STATUSES, enumName: 'MergeProposalStatus' }) status: MergeProposal['status'];
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: String, example: 'kari.nordmann@ks.no', nullable: true }) decidedBy: string | null;

  static from(p: MergeProposal): MergeProposalResponse {
    return {
      id: p.id,
      survivorId: p.survivorId,
      mergedId: p.mergedId,
      score: p.score,
      reasons: p.reasons,
      status: p.status,
      createdAt: p.createdAt,
      decidedBy: p.decidedBy,
    };
  }
}

export class IncidentDetailResponse extends IncidentResponse {
  @ApiProperty({ type: [IncidentReportResponse] }) reports: IncidentReportResponse[];
  @ApiProperty({ type: [IncidentEventResponse] }) events: IncidentEventResponse[];
  @ApiProperty({ type: [MergeProposalResponse] }) proposals: MergeProposalResponse[];

  static override from(i: IncidentDetail): IncidentDetailResponse {
    return {
      ...IncidentResponse.from(i),
      reports: i.reports.map((r) => ({
        ...ReportFieldsResponse.fields(r),
        ...(r.consumer ? { consumer: { id: r.consumer.id, name: r.consumer.name, orgNumber: r.consumer.orgNumber } } : {}),
      })),
      events: i.events.map((e) => IncidentEventResponse.from(e)),
      proposals: i.proposals.map((p) => MergeProposalResponse.from(p)),
    };
  }
}

/** An incident as stored after a staff change (triage, merge, split, move). */
export class IncidentRecordResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KS-2026-0042' }) reference: string;
  @ApiProperty({ example: 'Summert skattegrunnlag svarer 503' }) title: string;
  @ApiProperty({ enum: ENVIRONMENTS, enumName: 'Environment' }) environment: Environment;
  @ApiProperty({ enum: TRACKS, enumName: 'IncidentTrack' }) track: Track;
  @ApiProperty({ enum: INCIDENT_STATUSES, enumName: 'IncidentStatus' }) status: IncidentStatus;
  @ApiProperty({ enum: INCIDENT_SIDES, enumName: 'IncidentSide' }) side: IncidentSide;
  @ApiProperty({ enum: SEVERITIES, enumName: 'Severity', nullable: true }) severity: Severity | null;
  @ApiProperty({ type: [String], example: ['summert-skattegrunnlag'] }) services: string[];
  @ApiProperty({ type: [String], example: ['SSG-008'] }) errorCodes: string[];
  @ApiProperty({ description: 'When the report that opened it was received' }) openedAt: Date;
  @ApiProperty() lastSeenAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The incident this one was merged into' })
  mergedIntoId: string | null;
  @ApiProperty({ type: String, example: 'SKE-2026-777', nullable: true }) skeCaseReference: string | null;
  @ApiProperty({ type: String, example: 'Skatteetaten har rettet feilen.', nullable: true }) resolutionMessage: string | null;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(i: Incident): IncidentRecordResponse {
    return {
      id: i.id,
      reference: i.reference,
      title: i.title,
      environment: i.environment,
      track: i.track,
      status: i.status,
      side: i.side,
      severity: i.severity,
      services: i.services,
      errorCodes: i.errorCodes,
      openedAt: i.openedAt,
      lastSeenAt: i.lastSeenAt,
      mergedIntoId: i.mergedIntoId,
      skeCaseReference: i.skeCaseReference,
      resolutionMessage: i.resolutionMessage,
      resolvedAt: i.resolvedAt,
      createdAt: i.createdAt,
      updatedAt: i.updatedAt,
    };
  }
}

export class EscalationResponse {
  @ApiProperty({ format: 'uuid', description: 'The incident escalated (the surviving one, after merges)' }) incidentId: string;
  @ApiProperty({ example: 'KS-2026-0042' }) reference: string;
  @ApiProperty({ format: 'uuid' }) escalationId: string;
  @ApiProperty({ example: '<3f1c…@segmentdesk.ks.no>', description: "Message-ID of the thread's first e-mail" }) messageId: string;
  @ApiProperty({ type: [String], example: ['drift@skatteetaten.example'] }) to: string[];
  @ApiProperty({ description: 'Sent to the security addresses only' }) security: boolean;
  @ApiProperty() escalatedAt: Date;
  @ApiProperty({
    enum: ESCALATION_STATUSES,
    enumName: 'EscalationStatus',
    description: '`pending` while the first message waits for the settle period; `sent` once it is in the outbox',
  })
  status: EscalationResult['status'];
  @ApiProperty({ type: Date, nullable: true, description: 'When a pending first message goes out' }) sendAfter: Date | null;
  @ApiProperty({ description: 'The thread already existed' }) alreadyEscalated: boolean;
  @ApiPropertyOptional({ example: 'KS-2026-0040', description: 'The incident duplicated an escalated one and was merged into it' })
  mergedInto?: string;

  static from(e: EscalationResult): EscalationResponse {
    return {
      incidentId: e.incidentId,
      reference: e.reference,
      escalationId: e.escalationId,
      messageId: e.messageId,
      to: e.to,
      security: e.security,
      escalatedAt: e.escalatedAt,
      status: e.status,
      sendAfter: e.sendAfter,
      alreadyEscalated: e.alreadyEscalated,
      ...(e.mergedInto !== undefined ? { mergedInto: e.mergedInto } : {}),
    };
  }
}

export class EscalationPreviewResponse {
  @ApiProperty({ type: [String], example: ['drift@skatteetaten.example'] }) to: string[];
  @ApiProperty({ description: 'It would go to the security addresses only' }) security: boolean;
  @ApiProperty({ example: 'KS-2026-0042: Summert skattegrunnlag svarer 503' }) subject: string;
  @ApiProperty() html: string;
  @ApiProperty() text: string;

  static from(p: EscalationPreview): EscalationPreviewResponse {
    return { to: p.to, security: p.security, subject: p.subject, html: p.html, text: p.text };
  }
}

export class ReopeningResponse {
  @ApiProperty({ enum: INCIDENT_STATUSES, enumName: 'IncidentStatus', description: 'The status it opened with', example: 'escalated' })
  status: IncidentStatus;

  static from(r: { status: IncidentStatus }): ReopeningResponse {
    return { status: r.status };
  }
}

export class ResolutionResponse {
  @ApiProperty({ type: 'integer', description: 'Contacts told of the resolution', example: 6 }) notified: number;

  static from(r: { notified: number }): ResolutionResponse {
    return { notified: r.notified };
  }
}

import {
  type ConversationEntry,
  type ConversationQueries,
  type ImportReports,
  INCIDENT_STATUSES,
  type IncidentMessage,
  type IncidentQueries,
  type JoinResult,
  KNOWN_ISSUE_NOTICE,
  type KnownIncident,
  type MatchRecord,
  REPORT_CATEGORIES,
  REPORT_CHANNELS,
  type ReportCategory,
  type ReportChannel,
  type ReportReceipt,
  type RevealPersonalData,
} from '@domain/incidents';
import type { KnownIssue } from '@domain/notices';
import { type Environment, ENVIRONMENTS } from '@domain/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// The use cases' read views, named here by what the use cases return.
type ReportView = Awaited<ReturnType<IncidentQueries['report']>>;
type ReportConversation = Awaited<ReturnType<ConversationQueries['ofReport']>>;
type ConsumerReportView = Awaited<ReturnType<IncidentQueries['reportPageOfConsumer']>>['items'][number];
type IncidentReportView = Awaited<ReturnType<IncidentQueries['incidentDetail']>>['reports'][number];
/** What every view of a report holds; consumers are not shown how it was matched. */
export type ReportFieldsView = Omit<IncidentReportView, 'consumer' | 'match' | 'incidentId'> & { incidentId?: string; match?: MatchRecord };
type ImportedReport = Awaited<ReturnType<ImportReports['execute']>>[number];
type RevealedText = Awaited<ReturnType<RevealPersonalData['execute']>>;

const REPORT_STATUSES = ['open', 'closed'] as const satisfies ReadonlyArray<ReportReceipt['status']>;

/** A problem KS knows of, as any affected municipality may see it: no other municipality's name or words. */
export class KnownIncidentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KS-2026-0014' }) reference: string;
  @ApiProperty({ example: 'Summert skattegrunnlag', description: "The title KS gave it, or its service's name" }) title: string;
  @ApiProperty({ enum: INCIDENT_STATUSES, enumName: 'IncidentStatus' }) status: string;
  @ApiProperty({ description: 'KS has reported it to Skatteetaten' }) escalated: boolean;
  @ApiProperty({ example: 24, description: 'Municipalities with a report in it' }) affectedCount: number;
  @ApiProperty({ description: 'The calling municipality has a report in it' }) affected: boolean;

  static from(k: KnownIncident): KnownIncidentResponse {
    return {
      id: k.id,
      reference: k.reference,
      title: k.title,
      status: k.status,
      escalated: k.escalated,
      affectedCount: k.affectedCount,
      affected: k.affected,
    };
  }
}

/** The operational message Skatteetaten had out about the service when the report came in. */
export class KnownIssueResponse {
  @ApiProperty({ format: 'uuid' }) messageId: string;
  @ApiProperty({ example: 'Redusert tilgjengelighet i produksjon' }) title: string;
  @ApiProperty({ type: String, nullable: true, example: 'https://status.example/meldinger/17' }) link: string | null;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ description: 'What the reporter is told (Norwegian)' }) notice: string;

  static from(k: KnownIssue): KnownIssueResponse {
    return { messageId: k.messageId, title: k.title, link: k.link, startedAt: k.startedAt, notice: KNOWN_ISSUE_NOTICE };
  }
}

export class JoinIncidentResponse {
  @ApiProperty({ format: 'uuid', description: "The municipality's report in the incident" }) reportId: string;
  @ApiProperty({ example: 'M-2026-1234' }) reportReference: string;
  @ApiProperty({ description: 'false when the municipality already had a report in the incident: that report is the answer' })
  joined: boolean;
  @ApiProperty({ type: KnownIncidentResponse }) incident: KnownIncidentResponse;

  static from(r: JoinResult): JoinIncidentResponse {
    return {
      reportId: r.report.id,
      reportReference: r.report.reference,
      joined: r.joined,
      incident: KnownIncidentResponse.from(r.incident),
    };
  }
}

export class ReportReceiptResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'M-2026-1234' }) reference: string;
  @ApiProperty({ format: 'uuid', description: 'The incident the report was grouped into' }) incidentId: string;
  @ApiProperty({ example: 'KS-2026-0042' }) incidentReference: string;
  @ApiProperty({ enum: INCIDENT_STATUSES, enumName: 'IncidentStatus' }) incidentStatus: string;
  @ApiProperty({ enum: REPORT_STATUSES, enumName: 'ReportStatus' }) status: ReportReceipt['status'];
  @ApiProperty() receivedAt: Date;
  @ApiProperty({ description: 'Something like a national identity number was found and masked' }) personalDataMasked: boolean;
  @ApiProperty({ type: [String], example: ['description'], description: 'The fields in which identity numbers were masked' })
  maskedFields: string[];
  @ApiPropertyOptional({ description: 'Why the text was changed (Norwegian), when it was' }) notice?: string;
  @ApiPropertyOptional({
    type: KnownIncidentResponse,
    nullable: true,
    description:
      'A problem KS already knows of (escalated, or reported by several municipalities) on this service and environment: the incident ' +
      'the report is part of (`affected`), or one it may join with POST /api/v1/incidents/{reference}/affected',
  })
  knownIncident?: KnownIncidentResponse | null;
  @ApiProperty({
    type: KnownIssueResponse,
    nullable: true,
    description:
      'Skatteetaten already announced a problem on this service and environment in an operational message (driftsmelding): the report ' +
      'is marked a known issue, and KS does not escalate it to Skatteetaten on its own',
  })
  knownIssue: KnownIssueResponse | null;

  static from(r: ReportReceipt): ReportReceiptResponse {
    return {
      id: r.id,
      reference: r.reference,
      incidentId: r.incidentId,
      incidentReference: r.incidentReference,
      incidentStatus: r.incidentStatus,
      status: r.status,
      receivedAt: r.receivedAt,
      personalDataMasked: r.personalDataMasked,
      maskedFields: r.maskedFields,
      ...(r.notice !== undefined ? { notice: r.notice } : {}),
      knownIncident: r.knownIncident ? KnownIncidentResponse.from(r.knownIncident) : null,
      knownIssue: r.knownIssue ? KnownIssueResponse.from(r.knownIssue) : null,
    };
  }
}

export class ImportedReportResultResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'M-2026-1234' }) reference: string;
  @ApiProperty({ format: 'uuid', description: 'The incident the report is in now, after the batch was grouped' }) incidentId: string;
  @ApiProperty({ example: 'KS-2026-0042' }) incidentReference: string;
}

export class ReportImportResponse {
  @ApiProperty({ type: [ImportedReportResultResponse], description: 'One per report, in the order sent' })
  results: ImportedReportResultResponse[];

  static from(results: ImportedReport[]): ReportImportResponse {
    return {
      results: results.map((r) => ({ id: r.id, reference: r.reference, incidentId: r.incidentId, incidentReference: r.incidentReference })),
    };
  }
}

export class RunnerUpResponse {
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiPropertyOptional({ example: 'KS-2026-0041' }) reference?: string;
  @ApiProperty({ example: 0.48 }) score: number;
  @ApiProperty({ type: [String] }) reasons: string[];
}

/** Why the report landed where it did. */
export class MatchResponse {
  @ApiProperty({ enum: ['attach', 'open'], description: 'Attached to an open incident, or opened a new one' })
  action: MatchRecord['action'];
  @ApiProperty({ example: 0.82 }) score: number;
  @ApiProperty({ example: 'high' }) confidence: string;
  @ApiProperty({ type: [String], example: ['same error code SSG-008', 'text similarity 0.62', '14 min after the last report'] })
  reasons: string[];
  @ApiProperty({ type: RunnerUpResponse, nullable: true, description: 'The next best incident, for staff to move it with one click' })
  runnerUp: RunnerUpResponse | null;
  @ApiProperty({ enum: ['auto', 'manual'], description: 'The intake decision, or a staff correction' }) by: MatchRecord['by'];

  static from(m: MatchRecord): MatchResponse {
    return {
      action: m.action,
      score: m.score,
      confidence: m.confidence,
      reasons: m.reasons,
      runnerUp: m.runnerUp
        ? {
            incidentId: m.runnerUp.incidentId,
            ...(m.runnerUp.reference !== undefined ? { reference: m.runnerUp.reference } : {}),
            score: m.runnerUp.score,
            reasons: m.runnerUp.reasons,
          }
        : null,
      by: m.by,
    };
  }
}

/** What every view of a report shows; free text with identity numbers masked. */
export class ReportFieldsResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'M-2026-1234' }) reference: string;
  @ApiProperty({ format: 'uuid' }) consumerId: string;
  @ApiProperty({ format: 'uuid', description: 'The incident the report belongs to' }) incidentId: string;
  @ApiProperty({ enum: REPORT_CHANNELS, enumName: 'ReportChannel' }) channel: ReportChannel;
  @ApiProperty({ example: 'summert-skattegrunnlag' }) service: string;
  @ApiProperty({ enum: ENVIRONMENTS, enumName: 'Environment' }) environment: Environment;
  @ApiProperty({ enum: REPORT_CATEGORIES, enumName: 'ReportCategory' }) category: ReportCategory;
  @ApiProperty({ example: 'Alle oppslag gir 503' }) title: string;
  @ApiProperty({ example: 'Fra kl. 08 får vi 503 Service Unavailable på alle oppslag.' }) description: string;
  @ApiProperty({ type: Date, nullable: true, description: 'When the problem started' }) occurredAt: Date | null;
  @ApiProperty() receivedAt: Date;
  @ApiProperty({ type: 'integer', example: 503, nullable: true }) httpStatus: number | null;
  @ApiProperty({ type: String, example: 'SSG-008', nullable: true }) errorCode: string | null;
  @ApiProperty({ type: String, example: '5f0c6a1e-3c3b-4bb8-9a57-0d1f0f2b7c11', nullable: true }) correlationId: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) hasWorkedBefore: boolean | null;
  @ApiProperty({ type: String, example: 'Fagsystem AS', nullable: true }) vendorInvolved: string | null;
  @ApiProperty({
    type: String,
    example: '987654321',
    nullable: true,
    description: 'The vendor that sent the report for the consumer (the supplier of a Maskinporten token under Altinn delegation)',
  })
  vendorOrganisationNumber: string | null;
  @ApiProperty({
    type: String,
    example: 'Fagsystem AS',
    nullable: true,
    description: "The vendor's name, when the consumer's services register it",
  })
  vendorName: string | null;
  @ApiProperty({ enum: REPORT_STATUSES, enumName: 'ReportStatus' }) status: ReportReceipt['status'];
  @ApiProperty({ description: 'Something like a national identity number was masked' }) personalDataMasked: boolean;
  @ApiProperty({ description: 'Placed by staff; automatic merges never move it again' }) pinned: boolean;
  @ApiProperty({ type: [String], example: ['altinn-delegering'], description: 'Slugs of knowledge-base articles suggested' })
  suggestedArticles: string[];
  @ApiProperty({
    type: KnownIssueResponse,
    nullable: true,
    description: "Skatteetaten's operational message active when the report came in",
  })
  knownIssue: KnownIssueResponse | null;
  @ApiPropertyOptional({ type: MatchResponse, description: 'Staff only' }) match?: MatchResponse;

  static fields(r: ReportFieldsView): ReportFieldsResponse {
    return {
      id: r.id,
      reference: r.reference,
      consumerId: r.consumerId,
      incidentId: r.incidentId!,
      channel: r.channel,
      service: r.service,
      environment: r.environment,
      category: r.category,
      title: r.title,
      description: r.description,
      occurredAt: r.occurredAt,
      receivedAt: r.receivedAt,
      httpStatus: r.httpStatus,
      errorCode: r.errorCode,
      correlationId: r.correlationId,
      hasWorkedBefore: r.hasWorkedBefore,
      vendorInvolved: r.vendorInvolved,
      vendorOrganisationNumber: r.vendorOrganisationNumber,
      vendorName: r.vendorName,
      status: r.status,
      personalDataMasked: r.personalDataMasked,
      pinned: r.pinned,
      suggestedArticles: r.suggestedArticles,
      knownIssue: r.knownIssue ? KnownIssueResponse.from(r.knownIssue) : null,
      ...(r.match ? { match: MatchResponse.from(r.match) } : {}),
    };
  }
}

/** A message between KS and the report's municipality (never KS's internal notes or its thread with Skatteetaten). */
export class ReportMessageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['in', 'out'], description: 'out: KS wrote to the municipality; in: the municipality answered' }) direction: string;
  @ApiProperty({
    enum: ['desk', 'email', 'portal', 'api'],
    description: "How it was written: by KS staff, by e-mail, in the portal or by the municipality's system through the API",
  })
  channel: string;
  @ApiProperty({ example: 'Vi jobber med saken.', description: 'With identity numbers masked' }) body: string;
  @ApiProperty({ format: 'date-time' }) at: Date;

  static from(m: Pick<ConversationEntry, 'id' | 'direction' | 'channel' | 'body' | 'at'>): ReportMessageResponse {
    return { id: m.id, direction: m.direction, channel: m.channel, body: m.body, at: m.at };
  }

  static fromMessage(m: IncidentMessage): ReportMessageResponse {
    return ReportMessageResponse.from({ ...m, at: m.createdAt });
  }
}

/** A report with the incident it belongs to now (following merges). */
export class ReportResponse extends ReportFieldsResponse {
  @ApiProperty({ example: 'KS-2026-0042' }) incidentReference: string;
  @ApiProperty({ enum: INCIDENT_STATUSES, enumName: 'IncidentStatus' }) incidentStatus: string;
  @ApiPropertyOptional({ example: 'Summert skattegrunnlag svarer 503', description: 'Staff only' }) incidentTitle?: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Skatteetaten har rettet feilen.',
    description: 'Consumers only: what KS told the affected consumers on resolution',
  })
  resolutionMessage?: string | null;
  @ApiPropertyOptional({
    type: [ReportMessageResponse],
    description: 'One report only: the messages between KS and its municipality about it, oldest first',
  })
  messages?: ReportMessageResponse[];
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Consumers only, one report only: until when `POST /reports/{id}/reopen` may open it again; null while it cannot',
  })
  reopenUntil?: Date | null;

  static from(r: ReportView | ConsumerReportView, conversation?: ReportConversation): ReportResponse {
    const ownReport = 'resolutionMessage' in r;
    return {
      ...ReportFieldsResponse.fields(r),
      incidentReference: r.incidentReference!,
      incidentStatus: r.incidentStatus!,
      ...('incidentTitle' in r ? { incidentTitle: r.incidentTitle } : {}),
      ...(ownReport ? { resolutionMessage: r.resolutionMessage } : {}),
      ...(conversation ? { messages: conversation.messages.map(ReportMessageResponse.from) } : {}),
      ...(conversation && ownReport ? { reopenUntil: conversation.reopenUntil } : {}),
    };
  }
}

/** A page of the caller's reports, newest first. */
export class ReportPageResponse {
  @ApiProperty({ type: [ReportResponse] }) items: ReportResponse[];
  @ApiProperty({ type: 'integer', description: "All the caller's reports" }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) perPage: number;

  static from(found: { items: ConsumerReportView[]; total: number }, page: { page: number; perPage: number }): ReportPageResponse {
    return { items: found.items.map((r) => ReportResponse.from(r)), total: found.total, page: page.page, perPage: page.perPage };
  }
}

/** The original text of a masked report's fields; only those that held an identity number. */
export class RevealedReportTextResponse {
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional() errorCode?: string;
  @ApiPropertyOptional() correlationId?: string;
  @ApiPropertyOptional() vendorInvolved?: string;
  @ApiPropertyOptional() reporterName?: string;

  static from(original: RevealedText): RevealedReportTextResponse {
    const fields = ['title', 'description', 'errorCode', 'correlationId', 'vendorInvolved', 'reporterName'] as const;
    return Object.fromEntries(fields.filter((f) => original[f] !== undefined).map((f) => [f, original[f]]));
  }
}

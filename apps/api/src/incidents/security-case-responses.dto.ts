import type { SecurityCaseDetail, SecurityCaseEvidence, SecurityCaseSummary, SecurityChecklist } from '@domain/incidents';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const STATES = ['running', 'warning', 'overdue', 'done'];

/** What every staff member sees of a security case: that it exists, and its 72-hour clock. */
export class SecurityCaseSummaryResponse {
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty({ example: 'KS-2026-0042' }) reference: string;
  @ApiProperty({ description: 'When the first report reached KS: the clock starts here' }) receivedAt: Date;
  @ApiProperty({ description: '72 hours (calendar time) after receivedAt' }) deadline: Date;
  @ApiProperty({ enum: STATES, enumName: 'SecurityClockState' }) state: string;
  @ApiProperty({ type: 'integer', description: 'Milliseconds left; negative when overdue' }) remainingMs: number;
  @ApiProperty({ description: 'The caller may read what the case holds (security role and administrators)' }) readable: boolean;
  @ApiPropertyOptional({ description: 'Only when readable' }) title?: string;

  static from(s: SecurityCaseSummary): SecurityCaseSummaryResponse {
    return {
      incidentId: s.incidentId,
      reference: s.reference,
      receivedAt: s.receivedAt,
      deadline: s.deadline,
      state: s.state,
      remainingMs: s.remainingMs,
      readable: s.readable,
      ...(s.title !== undefined ? { title: s.title } : {}),
    };
  }
}

export class SecurityCaseReportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'M-2026-00012' }) reference: string;
  @ApiProperty() receivedAt: Date;
  @ApiProperty({ type: String, nullable: true, example: 'Oslo kommune' }) consumerName: string | null;
  @ApiProperty({ example: 'privacy' }) category: string;
  @ApiProperty({ example: 'Personopplysninger sendt til feil mottaker' }) title: string;
}

export class SecurityCaseResponse extends SecurityCaseSummaryResponse {
  @ApiProperty({ example: 'Personopplysninger sendt til feil mottaker' }) declare title: string;
  @ApiProperty({ description: 'The incident is critical: Skatteetaten is telephoned at once' }) critical: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'skeCalled {calledName, calledAt, by, at}, municipalityInformed {by, at}, containment {text, by, at}',
  })
  checklist: SecurityChecklist;
  @ApiProperty({ type: [String], example: ['municipalityInformed', 'containment'] }) required: string[];
  @ApiProperty() complete: boolean;
  @ApiProperty({ type: [Number], example: [24], description: 'Hours-left thresholds the security role was warned of' })
  warningsSent: number[];
  @ApiProperty({ type: [SecurityCaseReportResponse] }) reports: SecurityCaseReportResponse[];

  static detail(d: SecurityCaseDetail): SecurityCaseResponse {
    return {
      ...SecurityCaseSummaryResponse.from(d),
      title: d.title,
      critical: d.critical,
      checklist: d.checklist,
      required: d.required,
      complete: d.complete,
      warningsSent: d.warningsSent,
      reports: d.reports.map((r) => ({ ...r })),
    };
  }
}

export class SecurityTimelineEntryResponse {
  @ApiProperty() at: Date;
  @ApiProperty({ example: 'sikkerhet@ks.no' }) actorLabel: string;
  @ApiProperty({ example: 'security_step' }) kind: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: object;
}

export class PersonalDataRevealResponse {
  @ApiProperty() at: Date;
  @ApiProperty({ example: 'sikkerhet@ks.no' }) actorLabel: string;
  @ApiProperty({ example: 'M-2026-00012' }) report: string;
  @ApiProperty({ example: 'Kommunen trenger opplysningene til avviksmeldingen' }) reason: string;
}

/** The evidence for the municipality's own breach record. */
export class SecurityCaseEvidenceResponse extends SecurityCaseResponse {
  @ApiProperty() exportedAt: Date;
  @ApiProperty({ type: [SecurityTimelineEntryResponse], description: 'Every event and decision, oldest first' })
  timeline: SecurityTimelineEntryResponse[];
  @ApiProperty({ type: [PersonalDataRevealResponse], description: 'Who read the original personal data, when and why' })
  personalDataRevealed: PersonalDataRevealResponse[];

  static evidence(e: SecurityCaseEvidence): SecurityCaseEvidenceResponse {
    return {
      ...SecurityCaseResponse.detail(e),
      exportedAt: e.exportedAt,
      timeline: e.timeline.map((t) => ({ at: t.at, actorLabel: t.actorLabel, kind: t.kind, details: (t.details ?? {}) as object })),
      personalDataRevealed: e.personalDataRevealed.map((r) => ({ ...r })),
    };
  }
}

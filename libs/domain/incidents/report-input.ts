import type { KnownIssue } from '@domain/notices';
import type { Environment } from '@domain/shared';

import type { IncidentStatus } from './incident.entity';
import type { OpenIncidentOnService } from './incident.repository';
import type { ReportCategory, ReportChannel } from './report.entity';

/** What a consumer tells us, from any of the three doors (API, portal form, staff on behalf). */
export interface ReportInput {
  service: string;
  environment: Environment;
  category: ReportCategory;
  title: string;
  description: string;
  occurredAt?: Date | null;
  httpStatus?: number | null;
  errorCode?: string | null;
  correlationId?: string | null;
  hasWorkedBefore?: boolean | null;
  vendorInvolved?: string | null;
  reporterName?: string | null;
  reporterEmail?: string | null;
}

/**
 * What a municipality may see of an incident others reported: never their names or words, only
 * the reference, the title KS gave it (or the service's name), how many are affected, the status.
 */
export interface KnownIncident {
  id: string;
  reference: string;
  title: string;
  status: IncidentStatus;
  escalated: boolean;
  /** distinct municipalities with a report in it */
  affectedCount: number;
  /** the asking municipality has a report in it already */
  affected: boolean;
}

export interface IntakeContext {
  consumerId: string;
  channel: ReportChannel;
  /** The server clock for live intake; the original instant for history. */
  receivedAt: Date;
  /** History is replayed without confirmations. */
  history: boolean;
  actorLabel: string;
  /** A vendor sending for the municipality under Altinn delegation; the report stays the municipality's. */
  vendor?: { orgNumber: string; name: string | null } | null;
  /** Live intake under an Idempotency-Key: the key is stored with its answer, as the report is. */
  idempotency?: IntakeIdempotency;
}

export interface IntakeIdempotency {
  key: string;
  /** The request's canonical fingerprint: a retry under the key must match it. */
  requestHash: string;
  /**
   * The answer stored under the key and given: the receipt with what the caller adds to it, given
   * the incident the report joins as the candidates read saw it (null when not read).
   */
  answer(receipt: ReportReceipt, joined: OpenIncidentOnService | null): Promise<ReportReceipt>;
}

export interface ReportReceipt {
  id: string;
  reference: string;
  incidentId: string;
  incidentReference: string;
  incidentStatus: string;
  status: 'open' | 'closed';
  receivedAt: Date;
  personalDataMasked: boolean;
  maskedFields: string[];
  notice?: string;
  /** A problem KS already knows of that the report is part of, or may be (then it can join it). */
  knownIncident?: KnownIncident | null;
  /** The operational message Skatteetaten already has out about the service: the report is a known issue. */
  knownIssue: KnownIssue | null;
}

/** What the reporter is told when Skatteetaten already announced the problem. */
export const KNOWN_ISSUE_NOTICE =
  'Skatteetaten har allerede meldt om denne feilen i en driftsmelding. KS følger driftsmeldingen og melder ikke feilen videre til Skatteetaten.';

export const MASKING_NOTICE =
  'Meldingen inneholdt noe som ligner et fødselsnummer eller D-nummer. Det er fjernet fra teksten før lagring. Ikke send personopplysninger om skattytere i feilmeldinger.';

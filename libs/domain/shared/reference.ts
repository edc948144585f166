/**
 * Human references staff and municipalities quote on the phone and in e-mail subjects:
 * `KS-2026-0042` for an incident, `M-2026-00042` for a report, `EN-2026-0007` for a change request,
 * `HV-2026-0012` for a ticket (henvendelse). The number comes from a database sequence per kind;
 * the year is the one the thing happened in (UTC).
 */
export const REFERENCE_KINDS = {
  incident: { sequence: 'incident_reference_seq', prefix: 'KS', digits: 4 },
  report: { sequence: 'report_reference_seq', prefix: 'M', digits: 5 },
  changeRequest: { sequence: 'change_request_reference_seq', prefix: 'EN', digits: 4 },
  ticket: { sequence: 'ticket_reference_seq', prefix: 'HV', digits: 4 },
} as const;

export type ReferenceKind = keyof typeof REFERENCE_KINDS;

export function formatReference(kind: ReferenceKind, n: number, at: Date): string {
  const { prefix, digits } = REFERENCE_KINDS[kind];
  return `${prefix}-${at.getUTCFullYear()}-${String(n).padStart(digits, '0')}`;
}

/**
 * An SQL expression that draws the next number of a kind's sequence and formats it as
 * formatReference does, for a statement that stores the reference itself (one round trip fewer
 * than drawing the number first). The year is the one of `at`, in UTC.
 */
export function nextReferenceSql(kind: ReferenceKind, at: Date): string {
  const { sequence, prefix, digits } = REFERENCE_KINDS[kind];
  return `(SELECT '${prefix}-${at.getUTCFullYear()}-' || lpad(n::text, greatest(${digits}, length(n::text)), '0') FROM nextval('${sequence}') AS n)`;
}

import { CLOCK_SKEW_MS, REPORT_CATEGORIES, type ReportCategory, type ReportInput, startsAfterReceipt } from '@domain/incidents';
import { type Environment, ENVIRONMENTS, parseInstant } from '@domain/shared';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';

import { fromOsloLocal } from '../shared/oslo-time';

// The messages people read come from the field texts (incidents.texts.nb.ts), by field name.

const DATETIME_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
export const WORKED_BEFORE = ['yes', 'no', 'unknown'] as const;
export const STAFF_CHANNELS = ['phone', 'email'] as const;

/**
 * A datetime-local value naming a minute that exists (no 2026-02-30T08:00, no 25:00), years
 * 1900–2999, in Oslo time no later than now: intake's own rule (it refuses the report too), checked
 * here so the form names it with the other fields' errors.
 */
const IsLocalDateTimeNotAhead = () =>
  ValidateBy({
    name: 'isLocalDateTimeNotAhead',
    validator: {
      validate: (v: unknown) =>
        typeof v === 'string' &&
        DATETIME_LOCAL.test(v) &&
        parseInstant(`${v}:00Z`) !== null &&
        !startsAfterReceipt(fromOsloLocal(v), new Date(), CLOCK_SKEW_MS),
    },
  });

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const blankless = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

/** KS's intake checklist, as the browser posts it (every value a string): the portal's form and the one staff fill in for a caller. */
export class ReportForm {
  @IsString()
  @Length(1, 64)
  service: string;

  @IsIn(ENVIRONMENTS)
  environment: Environment;

  @IsIn(REPORT_CATEGORIES)
  category: ReportCategory;

  @Transform(trimmed)
  @IsString()
  @Length(1, 300)
  title: string;

  @Transform(trimmed)
  @IsString()
  @Length(1, 20000)
  description: string;

  @Transform(blankless)
  @IsOptional()
  @IsLocalDateTimeNotAhead()
  occurredAt?: string;

  @Transform(blankless)
  @IsOptional()
  @IsString()
  @MaxLength(100)
  errorCode?: string;

  @Transform(({ value }) => (typeof value === 'string' && value.trim() ? Number(value.trim()) : undefined))
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(599)
  httpStatus?: number;

  @Transform(blankless)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;

  @IsOptional()
  @IsIn(WORKED_BEFORE)
  hasWorkedBefore?: (typeof WORKED_BEFORE)[number];

  @Transform(blankless)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  vendorInvolved?: string;

  /** Makes a double-clicked or re-sent form one report (its Idempotency-Key). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  submissionId?: string;
}

/** «Dette løste saken»: the suggested article that made the report unnecessary, on the form being filled in. */
export class SolvedByArticleForm {
  @IsUUID('all')
  articleId: string;

  @IsString()
  @Matches(/^[\w.:-]{8,100}$/)
  submissionId: string;
}

/** The checklist plus who called or wrote, for which consumer, and how. */
export class StaffReportForm extends ReportForm {
  @IsUUID('all')
  consumerId: string;

  @IsIn(STAFF_CHANNELS)
  channel: (typeof STAFF_CHANNELS)[number];

  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  reporterName: string;

  @Transform(blankless)
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  reporterEmail?: string;
}

export { fromOsloLocal };

/** The form as the domain's report; the reporter gets the receipt and later the answer. */
export function reportInput(form: ReportForm, reporter: { name?: string | null; email?: string | null }): ReportInput {
  return {
    service: form.service,
    environment: form.environment,
    category: form.category,
    title: form.title,
    description: form.description,
    occurredAt: form.occurredAt ? fromOsloLocal(form.occurredAt) : null,
    errorCode: form.errorCode ?? null,
    httpStatus: form.httpStatus ?? null,
    correlationId: form.correlationId ?? null,
    hasWorkedBefore: form.hasWorkedBefore === 'yes' ? true : form.hasWorkedBefore === 'no' ? false : null,
    vendorInvolved: form.vendorInvolved ?? null,
    reporterName: reporter.name ?? null,
    reporterEmail: reporter.email ?? null,
  };
}

import { randomUUID } from 'node:crypto';

import type { ReportInput } from '@domain/incidents';
import { REPORT_CATEGORIES, type ReportCategory } from '@domain/incidents';
import type { SuggestArticles } from '@domain/knowledge';
import type { Principal } from '@domain/shared';
import { findNationalIdentityNumbers } from '@domain/shared';
import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { DomainException, FieldError } from '@platform/errors';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import type { Response } from 'express';

import { AuthenticatedRequest } from '../auth/current-principal.decorator';
import { ProblemFilter } from '../http/problem.filter';
import { renderErrorPage, uiContext } from './ui-context.interceptor';

const DATETIME_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const WORKED_BEFORE = ['yes', 'no', 'unknown'] as const;

export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const blankless = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

/** KS's intake checklist, as the browser posts it (every value a string): the portal's form and the one staff fill in for a caller. */
export class ReportForm {
  @IsString({ message: 'Velg tjenesten det gjelder.' })
  @Length(1, 64, { message: 'Velg tjenesten det gjelder.' })
  service: string;

  @IsIn(['production', 'test'], { message: 'Velg om det gjelder produksjon eller test.' })
  environment: 'production' | 'test';

  @IsIn(REPORT_CATEGORIES, { message: 'Velg hva slags melding dette er.' })
  category: ReportCategory;

  @Transform(trimmed)
  @IsString({ message: 'Skriv en kort tittel.' })
  @Length(1, 300, { message: 'Skriv en kort tittel (høyst 300 tegn).' })
  title: string;

  @Transform(trimmed)
  @IsString({ message: 'Beskriv hva som skjedde.' })
  @Length(1, 20000, { message: 'Beskriv hva som skjedde (høyst 20 000 tegn).' })
  description: string;

  @Transform(blankless)
  @IsOptional()
  @Matches(DATETIME_LOCAL, { message: 'Oppgi tidspunktet som dato og klokkeslett.' })
  occurredAt?: string;

  @Transform(blankless)
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'Feilkoden kan ha høyst 100 tegn.' })
  errorCode?: string;

  @Transform(({ value }) => (typeof value === 'string' && value.trim() ? Number(value.trim()) : undefined))
  @IsOptional()
  @IsInt({ message: 'HTTP-status er et tall mellom 100 og 599, for eksempel 503.' })
  @Min(100, { message: 'HTTP-status er et tall mellom 100 og 599, for eksempel 503.' })
  @Max(599, { message: 'HTTP-status er et tall mellom 100 og 599, for eksempel 503.' })
  httpStatus?: number;

  @Transform(blankless)
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'Korrelasjons-ID-en kan ha høyst 200 tegn.' })
  correlationId?: string;

  @IsOptional()
  @IsIn(WORKED_BEFORE, { message: 'Svar ja, nei eller vet ikke.' })
  hasWorkedBefore?: (typeof WORKED_BEFORE)[number];

  @Transform(blankless)
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'Leverandørens navn kan ha høyst 200 tegn.' })
  vendorInvolved?: string;

  /** Makes a double-clicked or re-sent form one report (its Idempotency-Key). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  submissionId?: string;
}

export const CATEGORY_CHOICES: Record<ReportCategory, string> = {
  incident: 'Feil – noe virker ikke som det skal',
  deviation: 'Avvik – data mangler eller er feil',
  security: 'Sikkerhetshendelse',
  privacy: 'Personvernavvik (brudd på personopplysningssikkerheten)',
};
const WORKED_LABELS: Record<(typeof WORKED_BEFORE)[number], string> = { yes: 'Ja', no: 'Nei', unknown: 'Vet ikke' };

/** The checklist's fields and their labels, in form order: the values a re-rendered form keeps and the names in its error summary. */
export const REPORT_FIELD_LABELS: Record<string, string> = {
  service: 'Tjeneste',
  environment: 'Miljø',
  category: 'Type melding',
  title: 'Tittel',
  description: 'Hva skjedde',
  occurredAt: 'Når startet det',
  errorCode: 'Feilkode',
  httpStatus: 'HTTP-status',
  correlationId: 'Korrelasjons-ID',
  hasWorkedBefore: 'Har det virket før',
  vendorInvolved: 'Leverandør',
};
const ERROR_TEXTS: Record<string, string> = {
  unknown_service: 'Tjenesten finnes ikke i gjeldende versjon av Bilag 2. Velg en tjeneste fra listen.',
  idempotency_key_reused:
    'Dette skjemaet er allerede sendt med annet innhold. Vi har laget et nytt skjema med det du skrev; send det på nytt.',
  idempotency_in_flight: 'Meldingen blir sendt nå. Se listen over meldinger om et øyeblikk.',
};
const FORM_STATUS: Record<string, number> = { validation: 400, conflict: 409, unprocessable: 422 };

const OSLO_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Oslo's wall clock is ahead of UTC at an instant. */
function osloOffsetMs(at: number): number {
  const p = Object.fromEntries(OSLO_PARTS.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(at / 1000) * 1000;
}

/** A datetime-local value is Norwegian wall-clock time, whatever the server's zone. */
function fromOsloLocal(value: string): Date {
  const [date, time] = value.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  return new Date(wall - osloOffsetMs(wall - osloOffsetMs(wall)));
}

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

export type FormValues = Record<string, unknown>;

/**
 * The view model of the checklist's fields: the values entered (with a submission id for a new
 * form), the choices, and one message per field. `labels` names every field the form keeps.
 */
export function reportFields(
  services: Array<{ code: string; name: string }>,
  values: FormValues,
  fieldErrors: FieldError[] = [],
  labels: Record<string, string> = REPORT_FIELD_LABELS,
) {
  const v = (k: string) => (values[k] === undefined || values[k] === null ? '' : String(values[k]));
  // One message per field: the first constraint that failed says enough.
  const errors: Record<string, string> = {};
  for (const f of fieldErrors) errors[f.field] ??= f.message;
  return {
    values: { ...Object.fromEntries(Object.keys(labels).map((k) => [k, v(k)])), submissionId: v('submissionId') || randomUUID() },
    serviceOptions: services.map((s) => ({
      value: s.code,
      label: s.name === s.code ? s.code : `${s.name} (${s.code})`,
      selected: v('service') === s.code || services.length === 1,
    })),
    environmentOptions: [
      { value: 'production', label: 'Produksjon', checked: v('environment') === 'production' },
      { value: 'test', label: 'Test', checked: v('environment') === 'test' },
    ],
    categoryOptions: REPORT_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_CHOICES[c], checked: (v('category') || 'incident') === c })),
    workedOptions: WORKED_BEFORE.map((w) => ({ value: w, label: WORKED_LABELS[w], checked: (v('hasWorkedBefore') || 'unknown') === w })),
    errors,
    errorSummary: Object.entries(errors).map(([field, message]) => ({ field, label: labels[field] ?? field, message })),
  };
}

/** The check step: knowledge-base answers that fit, and whether the text seems to hold an identity number. */
export async function checkReport(suggestions: SuggestArticles, form: ReportForm) {
  const articles = await suggestions.forReport({
    title: form.title,
    description: form.description,
    errorCode: form.errorCode,
    httpStatus: form.httpStatus,
  });
  const identityNumber = [form.title, form.description, form.errorCode, form.correlationId, form.vendorInvolved].some(
    (text) => !!text && findNationalIdentityNumbers(text).length > 0,
  );
  return {
    checked: true,
    identityNumber,
    suggestions: articles.map((a) => ({ id: a.id, title: a.title, answer: a.answer, checklist: a.checklist })),
  };
}

/**
 * Mistakes on a report form re-render it with the messages and what was entered. A subclass
 * names the view, who may see it re-rendered, and how its model is built.
 */
@Catch(DomainException)
export abstract class ReportFormErrorFilter implements ExceptionFilter {
  private readonly fallback = new ProblemFilter(renderErrorPage);
  protected abstract readonly view: string;
  protected abstract readonly principalKind: Principal['kind'];
  protected readonly errorTexts: Record<string, string> = {};

  protected abstract model(
    principal: Principal,
    values: FormValues,
    extra: { error: string; fieldErrors: FieldError[] },
  ): Promise<Record<string, unknown>>;

  async catch(exception: DomainException, host: ArgumentsHost): Promise<void> {
    const req = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    const me = req.principal;
    const status = FORM_STATUS[exception.kind];
    if (me?.kind !== this.principalKind || !status) return this.fallback.catch(exception, host);
    const body = { ...((req.body ?? {}) as FormValues) };
    // A reused key means this form was sent before with other content: start a fresh submission.
    if (exception.code === 'idempotency_key_reused') delete body.submissionId;
    const texts = { ...ERROR_TEXTS, ...this.errorTexts };
    const fieldErrors =
      exception.code === 'unknown_service'
        ? [{ field: 'service', message: texts.unknown_service }]
        : exception.kind === 'validation'
          ? exception.fields
          : [];
    const error =
      texts[exception.code] ??
      (exception.kind === 'validation' ? 'Noe mangler eller er feil i skjemaet. Se feltene som er merket.' : exception.message);
    try {
      const model = await this.model(me, body, { error, fieldErrors });
      res.status(status).render(this.view, { ...uiContext(req, res), ...model });
    } catch {
      this.fallback.catch(exception, host);
    }
  }
}

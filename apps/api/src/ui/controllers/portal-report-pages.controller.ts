import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Body, Catch, Controller, ExceptionFilter, Get, HttpCode, Injectable, Param, ParseUUIDPipe, Post, Query, Render, Res, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import type { Response } from 'express';
import { FindServicesInForce } from '@domain/catalogue/find-services-in-force.use-case';
import { GetConsumer } from '@domain/consumers/get-consumer.use-case';
import type { IncidentStatus } from '@domain/incidents/incident.entity';
import { IncidentQueries } from '@domain/incidents/incident-queries.use-case';
import { ReceiveReport } from '@domain/incidents/receive-report.use-case';
import { MASKING_NOTICE, type ReportInput } from '@domain/incidents/report-input';
import { REPORT_CATEGORIES, type ReportCategory } from '@domain/incidents/report.entity';
import { SuggestArticles } from '@domain/incidents/suggest-articles.use-case';
import type { ConsumerPrincipal } from '@domain/identity/principal';
import { DomainException, FieldError } from '@domain/shared/errors/domain.exception';
import { findNationalIdentityNumbers } from '@domain/shared/identifiers';
import { PortalPage } from '../../auth/access.decorator';
import { AuthenticatedRequest, CurrentConsumer } from '../../auth/current-principal.decorator';
import { ProblemFilter } from '../../http/problem.filter';
import { UiContextInterceptor } from '../ui-context.interceptor';
import { ENVIRONMENT_LABELS, STATUS_LABELS } from './incident-pages.controller';

const DATETIME_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const WORKED_BEFORE = ['yes', 'no', 'unknown'] as const;

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const blankless = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

/** The portal's report form: KS's intake checklist, as the browser posts it (every value a string). */
class PortalReportForm {
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

  /** Makes a double-clicked or re-sent form one report (the Idempotency-Key of the portal). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  submissionId?: string;
}

const CATEGORY_CHOICES: Record<ReportCategory, string> = {
  incident: 'Feil – noe virker ikke som det skal',
  deviation: 'Avvik – data mangler eller er feil',
  security: 'Sikkerhetshendelse',
  privacy: 'Personvernavvik (brudd på personopplysningssikkerheten)',
};
const WORKED_LABELS: Record<(typeof WORKED_BEFORE)[number], string> = { yes: 'Ja', no: 'Nei', unknown: 'Vet ikke' };
const FIELD_LABELS: Record<string, string> = {
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
  idempotency_key_reused: 'Dette skjemaet er allerede sendt med annet innhold. Vi har laget et nytt skjema med det du skrev; send det på nytt.',
  idempotency_in_flight: 'Meldingen blir sendt nå. Se listen over meldinger om et øyeblikk.',
};
const FORM_STATUS: Record<string, number> = { validation: 400, conflict: 409, unprocessable: 422 };
const REPORT_STATUS_LABELS: Record<string, string> = { open: 'Åpen', closed: 'Avsluttet' };

const OSLO_PARTS = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

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

function reportInput(form: PortalReportForm, me: ConsumerPrincipal): ReportInput {
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
    // The person who filled in the form gets the receipt and later the answer.
    reporterEmail: me.email ?? null,
  };
}

type FormValues = Record<string, unknown>;

/** The services a consumer can report on: its own in the catalogue in force, or every one when it has none registered. */
async function serviceChoices(catalogue: FindServicesInForce, consumers: GetConsumer, me: ConsumerPrincipal): Promise<Array<{ code: string; name: string }>> {
  const inForce = await catalogue.allCodes();
  const own = ((await consumers.detail(me.consumerId))?.services ?? []).map((s) => s.code).filter((c) => inForce.includes(c));
  const codes = own.length ? own : inForce;
  const names = new Map((await catalogue.execute(codes)).map((s) => [s.code, s.name]));
  return codes.map((code) => ({ code, name: names.get(code) || code }));
}

async function formModel(catalogue: FindServicesInForce, consumers: GetConsumer, me: ConsumerPrincipal, values: FormValues, extra: Record<string, unknown> = {}) {
  const services = await serviceChoices(catalogue, consumers, me);
  const v = (k: string) => (values[k] === undefined || values[k] === null ? '' : String(values[k]));
  // One message per field: the first constraint that failed says enough.
  const errors: Record<string, string> = {};
  for (const f of (extra.fieldErrors as FieldError[] | undefined) ?? []) errors[f.field] ??= f.message;
  return {
    title: 'Ny feil- eller avviksmelding',
    layout: 'portal',
    values: { ...Object.fromEntries(Object.keys(FIELD_LABELS).map((k) => [k, v(k)])), submissionId: v('submissionId') || randomUUID() },
    serviceOptions: services.map((s) => ({ value: s.code, label: s.name === s.code ? s.code : `${s.name} (${s.code})`, selected: v('service') === s.code || services.length === 1 })),
    environmentOptions: [
      { value: 'production', label: 'Produksjon', checked: v('environment') === 'production' },
      { value: 'test', label: 'Test', checked: v('environment') === 'test' },
    ],
    categoryOptions: REPORT_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_CHOICES[c], checked: (v('category') || 'incident') === c })),
    workedOptions: WORKED_BEFORE.map((w) => ({ value: w, label: WORKED_LABELS[w], checked: (v('hasWorkedBefore') || 'unknown') === w })),
    errors,
    errorSummary: Object.entries(errors).map(([field, message]) => ({ field, label: FIELD_LABELS[field] ?? field, message })),
    ...extra,
  };
}

/** A consumer's own mistakes on the report form re-render it with the messages and what was entered. */
@Injectable()
@Catch(DomainException)
class ReportFormErrorFilter implements ExceptionFilter {
  private readonly fallback = new ProblemFilter();

  constructor(
    private readonly catalogue: FindServicesInForce,
    private readonly consumers: GetConsumer,
  ) {}

  async catch(exception: DomainException, host: ArgumentsHost): Promise<void> {
    const req = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    const me = req.principal;
    const status = FORM_STATUS[exception.kind];
    if (me?.kind !== 'consumer' || !status) return this.fallback.catch(exception, host);
    const body = { ...((req.body ?? {}) as FormValues) };
    // A reused key means this form was sent before with other content: start a fresh submission.
    if (exception.code === 'idempotency_key_reused') delete body.submissionId;
    const fieldErrors = exception.code === 'unknown_service' ? [{ field: 'service', message: ERROR_TEXTS.unknown_service }] : exception.kind === 'validation' ? exception.fields : [];
    const error = ERROR_TEXTS[exception.code] ?? (exception.kind === 'validation' ? 'Noe mangler eller er feil i skjemaet. Se feltene som er merket.' : exception.message);
    try {
      const model = await formModel(this.catalogue, this.consumers, me, body, { error, fieldErrors });
      res.status(status).render('portal-reports/new', { me, csrfToken: me.csrfToken ?? res.locals.csrfToken, path: req.path, ...model });
    } catch {
      this.fallback.catch(exception, host);
    }
  }
}

/** The consumer portal's reports: the organisation's own reports, and the report form with knowledge-base answers first. */
@ApiExcludeController()
@Controller('portal/reports')
@UseInterceptors(UiContextInterceptor)
export class PortalReportPagesController {
  constructor(
    private readonly queries: IncidentQueries,
    private readonly receive: ReceiveReport,
    private readonly suggestions: SuggestArticles,
    private readonly catalogue: FindServicesInForce,
    private readonly consumers: GetConsumer,
  ) {}

  @Get()
  @PortalPage()
  @Render('portal-reports/list')
  async list(@CurrentConsumer() me: ConsumerPrincipal) {
    const reports = await this.queries.reportsOfConsumer(me.consumerId);
    return {
      title: 'Meldinger',
      layout: 'portal',
      reports: reports.map((r) => ({
        ...r,
        environmentLabel: ENVIRONMENT_LABELS[r.environment] ?? r.environment,
        statusLabel: REPORT_STATUS_LABELS[r.status] ?? r.status,
        incidentStatusLabel: r.incidentStatus ? STATUS_LABELS[r.incidentStatus as IncidentStatus] : undefined,
      })),
    };
  }

  @Get('new')
  @PortalPage()
  @Render('portal-reports/new')
  async form(@CurrentConsumer() me: ConsumerPrincipal) {
    return formModel(this.catalogue, this.consumers, me, {});
  }

  /** Step one: show the knowledge-base answers that fit before anything is sent. */
  @Post('new/check')
  @PortalPage()
  @HttpCode(200)
  @UseFilters(ReportFormErrorFilter)
  @Render('portal-reports/new')
  async check(@CurrentConsumer() me: ConsumerPrincipal, @Body() body: PortalReportForm) {
    const articles = await this.suggestions.forReport({ title: body.title, description: body.description, errorCode: body.errorCode, httpStatus: body.httpStatus });
    const identityNumber = [body.title, body.description, body.errorCode, body.correlationId, body.vendorInvolved].some((text) => !!text && findNationalIdentityNumbers(text).length > 0);
    return formModel(this.catalogue, this.consumers, me, body as unknown as FormValues, { checked: true, identityNumber, suggestions: articles.map((a) => ({ id: a.id, title: a.title, answer: a.answer, checklist: a.checklist })) });
  }

  @Post()
  @PortalPage()
  @UseFilters(ReportFormErrorFilter)
  async submit(@CurrentConsumer() me: ConsumerPrincipal, @Body() body: PortalReportForm, @Res() res: Response) {
    const receipt = await this.receive.execute(me, reportInput(body, me), { idempotencyKey: body.submissionId, fingerprint: body });
    res.redirect(303, `/portal/reports/${receipt.id}?received=1`);
  }

  @Get(':id')
  @PortalPage()
  @Render('portal-reports/report')
  async report(@CurrentConsumer() me: ConsumerPrincipal, @Param('id', ParseUUIDPipe) id: string, @Query('received') received?: string) {
    const report = await this.queries.report(id, me);
    return {
      title: `Melding ${report.reference}`,
      layout: 'portal',
      received: !!received,
      report: {
        ...report,
        environmentLabel: ENVIRONMENT_LABELS[report.environment] ?? report.environment,
        categoryLabel: CATEGORY_CHOICES[report.category],
        statusLabel: REPORT_STATUS_LABELS[report.status] ?? report.status,
        incidentStatusLabel: STATUS_LABELS[report.incidentStatus as IncidentStatus] ?? report.incidentStatus,
        workedLabel: report.hasWorkedBefore === true ? 'Ja' : report.hasWorkedBefore === false ? 'Nei' : 'Vet ikke',
      },
      maskingNotice: report.personalDataMasked ? MASKING_NOTICE : null,
    };
  }
}

import { FindServicesInForce } from '@domain/catalogue';
import { GetConsumer } from '@domain/consumers';
import type { IncidentStatus } from '@domain/incidents';
import { IncidentQueries } from '@domain/incidents';
import { ReceiveReport } from '@domain/incidents';
import { MASKING_NOTICE } from '@domain/incidents';
import { SuggestArticles } from '@domain/knowledge';
import type { ConsumerPrincipal, Principal } from '@domain/shared';
import {
  Body,
  Catch,
  Controller,
  Get,
  HttpCode,
  Injectable,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Render,
  Res,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainException, FieldError } from '@platform/errors';
import type { Response } from 'express';

import { PortalPage } from '../../auth/access.decorator';
import { CurrentConsumer } from '../../auth/current-principal.decorator';
import { CATEGORY_CHOICES, checkReport, FormValues, reportFields, ReportForm, ReportFormErrorFilter, reportInput } from '../report-form';
import { UiContextInterceptor } from '../ui-context.interceptor';
import { ENVIRONMENT_LABELS, STATUS_LABELS } from './incident-pages.controller';

const REPORT_STATUS_LABELS: Record<string, string> = { open: 'Åpen', closed: 'Avsluttet' };

/** The services a consumer can report on: its own in the catalogue in force, or every one when it has none registered. */
async function serviceChoices(
  catalogue: FindServicesInForce,
  consumers: GetConsumer,
  me: ConsumerPrincipal,
): Promise<Array<{ code: string; name: string }>> {
  const inForce = await catalogue.allCodes();
  const own = ((await consumers.detail(me.consumerId))?.services ?? []).map((s) => s.code).filter((c) => inForce.includes(c));
  const codes = own.length ? own : inForce;
  const names = new Map((await catalogue.execute(codes)).map((s) => [s.code, s.name]));
  return codes.map((code) => ({ code, name: names.get(code) || code }));
}

async function formModel(
  catalogue: FindServicesInForce,
  consumers: GetConsumer,
  me: ConsumerPrincipal,
  values: FormValues,
  extra: Record<string, unknown> = {},
) {
  return {
    title: 'Ny feil- eller avviksmelding',
    layout: 'portal',
    ...reportFields(await serviceChoices(catalogue, consumers, me), values, extra.fieldErrors as FieldError[] | undefined),
    ...extra,
  };
}

/** A consumer's own mistakes on the report form re-render it with the messages and what was entered. */
@Injectable()
@Catch(DomainException)
class PortalReportFormErrorFilter extends ReportFormErrorFilter {
  protected readonly view = 'portal-reports/new';
  protected readonly principalKind = 'consumer';

  constructor(
    private readonly catalogue: FindServicesInForce,
    private readonly consumers: GetConsumer,
  ) {
    super();
  }

  protected model(me: Principal, values: FormValues, extra: { error: string; fieldErrors: FieldError[] }) {
    return formModel(this.catalogue, this.consumers, me as ConsumerPrincipal, values, extra);
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
  @UseFilters(PortalReportFormErrorFilter)
  @Render('portal-reports/new')
  async check(@CurrentConsumer() me: ConsumerPrincipal, @Body() body: ReportForm) {
    return formModel(this.catalogue, this.consumers, me, body as unknown as FormValues, await checkReport(this.suggestions, body));
  }

  @Post()
  @PortalPage()
  @UseFilters(PortalReportFormErrorFilter)
  async submit(@CurrentConsumer() me: ConsumerPrincipal, @Body() body: ReportForm, @Res() res: Response) {
    // The person who filled in the form gets the receipt and later the answer.
    const receipt = await this.receive.execute(me, reportInput(body, { email: me.email }), {
      idempotencyKey: body.submissionId,
      fingerprint: body,
    });
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

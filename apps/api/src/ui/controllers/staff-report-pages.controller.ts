import { FindServicesInForce } from '@domain/catalogue';
import { FindConsumers } from '@domain/consumers';
import { SearchConsumers } from '@domain/consumers';
import { ReceiveReport } from '@domain/incidents';
import { SuggestArticles } from '@domain/knowledge';
import type { StaffPrincipal } from '@domain/shared';
import { Body, Catch, Controller, Get, HttpCode, Injectable, Post, Render, Res, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainException, FieldError, ValidationFailed } from '@platform/errors';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import type { Response } from 'express';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentStaff } from '../../auth/current-principal.decorator';
import {
  blankless,
  checkReport,
  FormValues,
  REPORT_FIELD_LABELS,
  reportFields,
  ReportForm,
  ReportFormErrorFilter,
  reportInput,
  trimmed,
} from '../report-form';
import { UiContextInterceptor } from '../ui-context.interceptor';

const WRITERS = ['admin', 'agent', 'security'] as const;
const CHANNELS = ['phone', 'email'] as const;
const CHANNEL_LABELS: Record<(typeof CHANNELS)[number], string> = { phone: 'Telefon', email: 'E-post' };

/** The checklist plus who called or wrote, for which consumer, and how. */
class StaffReportForm extends ReportForm {
  @IsUUID('all', { message: 'Velg konsumenten meldingen gjelder.' })
  consumerId: string;

  @IsIn(CHANNELS, { message: 'Velg om meldingen kom på telefon eller e-post.' })
  channel: (typeof CHANNELS)[number];

  @Transform(trimmed)
  @IsString({ message: 'Skriv navnet på den som meldte fra.' })
  @Length(1, 200, { message: 'Skriv navnet på den som meldte fra (høyst 200 tegn).' })
  reporterName: string;

  @Transform(blankless)
  @IsOptional()
  @IsEmail({}, { message: 'Skriv en gyldig e-postadresse, for eksempel ola.nordmann@kommune.no.' })
  @MaxLength(254, { message: 'E-postadressen kan ha høyst 254 tegn.' })
  reporterEmail?: string;
}

/** Form order: the caller first, then the checklist. */
const FIELD_LABELS: Record<string, string> = {
  consumerId: 'Konsument',
  channel: 'Kanal',
  reporterName: 'Innmelderens navn',
  reporterEmail: 'Innmelderens e-postadresse',
  ...REPORT_FIELD_LABELS,
};

/** Every service in force: the caller's consumer is chosen in the same form, and intake checks the service. */
async function serviceChoices(catalogue: FindServicesInForce): Promise<Array<{ code: string; name: string }>> {
  const codes = await catalogue.allCodes();
  const names = new Map((await catalogue.execute(codes)).map((s) => [s.code, s.name]));
  return codes.map((code) => ({ code, name: names.get(code) || code }));
}

async function formModel(
  catalogue: FindServicesInForce,
  consumers: SearchConsumers,
  values: FormValues,
  extra: Record<string, unknown> = {},
) {
  // Sorted by name; a few hundred municipalities fit one list.
  const { items } = await consumers.execute({ limit: 500 });
  const channel = typeof values.channel === 'string' && values.channel ? values.channel : 'phone';
  return {
    title: 'Registrer feil- eller avviksmelding',
    ...reportFields(await serviceChoices(catalogue), values, extra.fieldErrors as FieldError[] | undefined, FIELD_LABELS),
    consumerOptions: items.map((c) => ({ value: c.id, label: `${c.name} (${c.orgNumber})`, selected: c.id === values.consumerId })),
    channelOptions: CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c], checked: c === channel })),
    ...extra,
  };
}

/** A staff member's mistakes on the form re-render it with the messages and what was entered. */
@Injectable()
@Catch(DomainException)
class StaffReportFormErrorFilter extends ReportFormErrorFilter {
  protected readonly view = 'incidents/new-report';
  protected readonly principalKind = 'staff';
  protected override readonly errorTexts = { idempotency_in_flight: 'Meldingen blir registrert nå. Se hendelsene om et øyeblikk.' };

  constructor(
    private readonly catalogue: FindServicesInForce,
    private readonly consumers: SearchConsumers,
  ) {
    super();
  }

  protected model(_: StaffPrincipal, values: FormValues, extra: { error: string; fieldErrors: FieldError[] }) {
    return formModel(this.catalogue, this.consumers, values, extra);
  }
}

/** KS staff register a report for a consumer who phoned or wrote, with the same checklist and knowledge-base step as the portal. */
@ApiExcludeController()
@Controller('incidents/reports')
@UseInterceptors(UiContextInterceptor)
export class StaffReportPagesController {
  constructor(
    private readonly receive: ReceiveReport,
    private readonly suggestions: SuggestArticles,
    private readonly catalogue: FindServicesInForce,
    private readonly consumers: SearchConsumers,
    private readonly findConsumers: FindConsumers,
  ) {}

  @Get('new')
  @StaffPage(...WRITERS)
  @Render('incidents/new-report')
  async form() {
    return formModel(this.catalogue, this.consumers, {});
  }

  /** Step one: the knowledge-base answers that fit, to go through with the caller before anything is registered. */
  @Post('new/check')
  @StaffPage(...WRITERS)
  @HttpCode(200)
  @UseFilters(StaffReportFormErrorFilter)
  @Render('incidents/new-report')
  async check(@Body() body: StaffReportForm) {
    return formModel(this.catalogue, this.consumers, body as unknown as FormValues, await checkReport(this.suggestions, body));
  }

  @Post()
  @StaffPage(...WRITERS)
  @UseFilters(StaffReportFormErrorFilter)
  async submit(@CurrentStaff() me: StaffPrincipal, @Body() body: StaffReportForm, @Res() res: Response) {
    const receipt = await this.receive.execute(me, reportInput(body, { name: body.reporterName, email: body.reporterEmail }), {
      idempotencyKey: body.submissionId,
      fingerprint: body,
      onBehalfOf: { consumerId: await this.existingConsumer(body.consumerId), channel: body.channel },
    });
    res.redirect(303, `/incidents/${receipt.incidentId}?done=registered&report=${receipt.id}`);
  }

  /** A consumer removed since the form was opened is a mistake in the form, not a broken request. */
  private async existingConsumer(id: string): Promise<string> {
    if (!(await this.findConsumers.byId(id)))
      throw new ValidationFailed([{ field: 'consumerId', message: 'Fant ikke konsumenten. Velg en fra listen.' }]);
    return id;
  }
}

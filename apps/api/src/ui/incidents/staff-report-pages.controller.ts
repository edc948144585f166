import { FindConsumers } from '@domain/consumers';
import { JoinIncident, ReceiveReport } from '@domain/incidents';
import type { StaffPrincipal } from '@domain/shared';
import { Body, Get, HttpCode, Param, Post, Redirect, Render, Res } from '@nestjs/common';
import { ValidationFailed } from '@platform/errors';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentStaff } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { reportInput, StaffReportForm } from './report.forms';
import { ReportCheck, StaffReportFormPage } from './report-form.page';
import type { FormValues } from './report-form.view-model';

const JOIN_ACTION = '/incidents/reports/known/:id/affected';

/** KS staff register a report for a consumer who phoned or wrote, with the same checklist and knowledge-base step as the portal. */
@PagesController('incidents/reports')
export class StaffReportPagesController {
  constructor(
    private readonly page: StaffReportFormPage,
    private readonly check: ReportCheck,
    private readonly receive: ReceiveReport,
    private readonly consumers: FindConsumers,
    private readonly joining: JoinIncident,
  ) {}

  @Get('new')
  @StaffPage('report.create')
  @Render('incidents/new-report')
  form() {
    return this.page.load({});
  }

  /** The check step is the answer to a post: back, forward or reload as a GET lands on the form. */
  @Get('new/check')
  @StaffPage('report.create')
  @Redirect('/incidents/reports/new', 303)
  checkAgain() {}

  /** Step one: the knowledge-base answers that fit, to go through with the caller before anything is registered. */
  @Post('new/check')
  @StaffPage('report.create')
  @HttpCode(200)
  @PageForm(StaffReportFormPage)
  @Render('incidents/new-report')
  async checkReport(@Body() body: StaffReportForm) {
    return this.page.load(body as unknown as FormValues, await this.check.of(body, body.consumerId, JOIN_ACTION, { reader: 'staff' }));
  }

  @Post()
  @StaffPage('report.create')
  @PageForm(StaffReportFormPage)
  async submit(@CurrentStaff() me: StaffPrincipal, @Body() body: StaffReportForm, @Res() res: FastifyReply) {
    await this.assertConsumerChosen(body);
    const receipt = await this.receive.execute(me, reportInput(body, { name: body.reporterName, email: body.reporterEmail }), {
      idempotencyKey: body.submissionId,
      fingerprint: body,
      onBehalfOf: { consumerId: body.consumerId, channel: body.channel },
    });
    res.redirect(`/incidents/${receipt.incidentId}?done=registered&report=${receipt.id}`, 303);
  }

  /** "Vi er også berørt" for the caller's municipality: the form's report joins exactly the known incident shown, once. */
  @Post('known/:incidentId/affected')
  @StaffPage('report.create')
  @PageForm(StaffReportFormPage)
  async joinKnown(
    @CurrentStaff() me: StaffPrincipal,
    @Param('incidentId', ParseUuid) incidentId: string,
    @Body() body: StaffReportForm,
    @Res() res: FastifyReply,
  ) {
    await this.assertConsumerChosen(body);
    const joined = await this.joining.execute(me, incidentId, reportInput(body, { name: body.reporterName, email: body.reporterEmail }), {
      onBehalfOf: { consumerId: body.consumerId, channel: body.channel },
    });
    res.redirect(
      `/incidents/${joined.incident.id}?done=${joined.joined ? 'joined-known' : 'already-affected'}&report=${joined.report.id}`,
      303,
    );
  }

  /** A consumer removed since the form was opened is a mistake in the form, not a broken request. */
  private async assertConsumerChosen(body: StaffReportForm): Promise<void> {
    if (!(await this.consumers.byId(body.consumerId)))
      throw new ValidationFailed([{ field: 'consumerId', message: 'is not a registered consumer' }], 'consumer_choice_unknown');
  }
}

import { IncidentQueries, JoinIncident, ReceiveReport, ReopenReport, ReplyToReport } from '@domain/incidents';
import { RecordDeflection } from '@domain/knowledge';
import type { ConsumerPrincipal } from '@domain/shared';
import { Body, Get, HttpCode, Param, Post, Query, Redirect, Render, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { PortalPage } from '../../auth/access.decorator';
import { CurrentConsumer } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import type { FormBody } from '../shared/form-body';
import { pageOf, parseListQuery, REPORTS_NEWEST_FIRST } from '../shared/list-query';
import { maskedDone } from '../shared/masked-done';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { messageInput } from './incident.forms';
import { ReportForm, reportInput, SolvedByArticleForm } from './report.forms';
import { consumerReportsViewModel } from './report.view-model';
import { PortalReportFormPage, PortalReportPage, ReportCheck } from './report-form.page';
import type { FormValues } from './report-form.view-model';

const JOIN_ACTION = '/portal/reports/known/:id/affected';

/** The consumer portal's reports: the organisation's own reports, and the report form with knowledge-base answers first. */
@PagesController('portal/reports')
export class PortalReportPagesController {
  constructor(
    private readonly page: PortalReportFormPage,
    private readonly check: ReportCheck,
    private readonly queries: IncidentQueries,
    private readonly receive: ReceiveReport,
    private readonly joining: JoinIncident,
    private readonly reportPage: PortalReportPage,
    private readonly deflections: RecordDeflection,
    private readonly replying: ReplyToReport,
    private readonly reopening: ReopenReport,
  ) {}

  @Get()
  @PortalPage()
  @Render('portal-reports/list')
  async list(@CurrentConsumer() me: ConsumerPrincipal, @Query() q: Record<string, unknown>) {
    const list = parseListQuery(q, REPORTS_NEWEST_FIRST);
    return consumerReportsViewModel(await this.queries.reportPageOfConsumer(me.consumerId, pageOf(list)), list);
  }

  @Get('new')
  @PortalPage()
  @Render('portal-reports/new')
  form(@CurrentConsumer() me: ConsumerPrincipal) {
    return this.page.load(me, {});
  }

  /** The check step is the answer to a post: back, forward or reload as a GET lands on the form. */
  @Get('new/check')
  @PortalPage()
  @Redirect('/portal/reports/new', 303)
  checkAgain() {}

  /** Step one: show the knowledge-base answers that fit before anything is sent. */
  @Post('new/check')
  @PortalPage()
  @HttpCode(200)
  @PageForm(PortalReportFormPage)
  @Render('portal-reports/new')
  async checkReport(@CurrentConsumer() me: ConsumerPrincipal, @Body() body: ReportForm) {
    return this.page.load(me, body as unknown as FormValues, await this.check.of(body, me.consumerId, JOIN_ACTION, { countShown: true }));
  }

  /** «Dette løste saken» on a suggestion: counted for the article, and nothing is sent. */
  @Post('new/solved')
  @PortalPage()
  @PageForm(PortalReportFormPage)
  async solved(@CurrentConsumer() me: ConsumerPrincipal, @Body() body: SolvedByArticleForm, @Res() res: FastifyReply) {
    await this.deflections.execute({
      articleId: body.articleId,
      kind: 'helped',
      channel: 'report',
      session: body.submissionId,
      consumerId: me.consumerId,
    });
    res.redirect('/portal/hjelp?done=solved', 303);
  }

  @Post()
  @PortalPage()
  @PageForm(PortalReportFormPage)
  async submit(@CurrentConsumer() me: ConsumerPrincipal, @Body() body: ReportForm, @Res() res: FastifyReply) {
    // The person who filled in the form gets the receipt and later the answer.
    const receipt = await this.receive.execute(me, reportInput(body, { email: me.email }), {
      idempotencyKey: body.submissionId,
      fingerprint: body,
    });
    res.redirect(`/portal/reports/${receipt.id}?received=1`, 303);
  }

  /** "Vi er også berørt" on the check step: the form's report joins exactly the known incident shown, once. */
  @Post('known/:incidentId/affected')
  @PortalPage()
  @PageForm(PortalReportFormPage)
  async joinKnown(
    @CurrentConsumer() me: ConsumerPrincipal,
    @Param('incidentId', ParseUuid) incidentId: string,
    @Body() body: ReportForm,
    @Res() res: FastifyReply,
  ) {
    const joined = await this.joining.execute(me, incidentId, reportInput(body, { email: me.email }));
    res.redirect(`/portal/reports/${joined.report.id}?joined=${joined.joined ? 'new' : 'already'}`, 303);
  }

  /** Links in e-mail name a report by its reference, never by id (an id's digits could read as an identity number). */
  @Get('ref/:reference')
  @PortalPage()
  async byReference(@CurrentConsumer() me: ConsumerPrincipal, @Param('reference') reference: string, @Res() res: FastifyReply) {
    res.redirect(`/portal/reports/${await this.queries.ownReportId(me.consumerId, reference)}`, 303);
  }

  @Get(':id')
  @PortalPage()
  @Render('portal-reports/report')
  async report(
    @CurrentConsumer() me: ConsumerPrincipal,
    @Param('id', ParseUuid) id: string,
    @Query('received') received?: string,
    @Query('joined') joined?: string,
    @Query('done') done?: string,
  ) {
    return this.reportPage.load(me, id, { received: !!received, joined, done });
  }

  /** An answer to KS about the report; it lands on the incident's conversation. */
  @Post(':id/reply')
  @PortalPage()
  @PageForm(PortalReportPage)
  async reply(
    @CurrentConsumer() me: ConsumerPrincipal,
    @Param('id', ParseUuid) id: string,
    @Body() body: FormBody,
    @Res() res: FastifyReply,
  ) {
    const reply = messageInput(body);
    await this.replying.execute(me, id, reply);
    res.redirect(`/portal/reports/${id}?done=${maskedDone('replied', reply.body)}#conversation`, 303);
  }

  /** The problem is back after the resolution: the report and its incident open again, within the window. */
  @Post(':id/reopen')
  @PortalPage()
  @PageForm(PortalReportPage)
  async reopen(@CurrentConsumer() me: ConsumerPrincipal, @Param('id', ParseUuid) id: string, @Res() res: FastifyReply) {
    await this.reopening.execute(me, id);
    res.redirect(`/portal/reports/${id}?done=reopened`, 303);
  }
}

import {
  ImportConsumers,
  importTemplateCsv,
  ListExpiringAgreements,
  RegisterConsumer,
  SearchConsumers,
  ServiceCatalogue,
} from '@domain/consumers';
import type { Actor, Principal } from '@domain/shared';
import { Body, Get, HttpCode, Param, Post, Query, Redirect, Render, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor, CurrentPrincipal } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { FormBody, text } from '../shared/form-body';
import { parseListQuery, REPORTS_NEWEST_FIRST, sortedPageOf } from '../shared/list-query';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { ConsumerTabPage, ImportConsumersPage, NewConsumerPage } from './consumer.page';
import { consumerListViewModel, importViewModel, tabPath } from './consumer.view-model';
import { CONSUMER_LIST, consumerFilter, ConsumerListQuery, registrationFromForm } from './consumers.forms';
import { CONSUMER_TABS, ConsumerTab } from './consumers.texts.nb';

/** The consumer register: the list, registration, CSV import and each consumer's tabs. */
@PagesController('consumers')
export class ConsumerPagesController {
  constructor(
    private readonly search: SearchConsumers,
    private readonly expiring: ListExpiringAgreements,
    private readonly catalogue: ServiceCatalogue,
    private readonly register: RegisterConsumer,
    private readonly importer: ImportConsumers,
    private readonly newPage: NewConsumerPage,
    private readonly tabPage: ConsumerTabPage,
  ) {}

  @Get()
  @StaffPage('consumer.search')
  @Render('consumers/list')
  async list(@Query() q: ConsumerListQuery & Record<string, unknown>) {
    const [filter, list] = [consumerFilter(q), parseListQuery(q, CONSUMER_LIST)];
    const [result, expiring, codes] = await Promise.all([
      this.search.execute({ ...filter, ...sortedPageOf(list) }),
      this.expiring.execute(60),
      this.catalogue.codes(),
    ]);
    return consumerListViewModel(result, expiring, [...codes], filter, list);
  }

  @Get('new')
  @StaffPage('consumer.create')
  @Render('consumers/new')
  newForm() {
    return this.newPage.load();
  }

  @Post()
  @StaffPage('consumer.create')
  @PageForm(NewConsumerPage)
  async create(@Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    const created = await this.register.execute(registrationFromForm(body), actor);
    res.redirect(`${tabPath(created.id, 'overview')}?done=saved`, 303);
  }

  @Get('import')
  @StaffPage('consumer.create')
  @Render('consumers/import')
  importPage() {
    return importViewModel({});
  }

  @Post('import')
  @HttpCode(200)
  @StaffPage('consumer.create')
  @PageForm(ImportConsumersPage)
  @Render('consumers/import')
  async preview(@Body() body: FormBody, @CurrentActor() actor: Actor) {
    return importViewModel({ csv: text(body.csv), preview: await this.importer.execute(text(body.csv), true, actor) });
  }

  /** An empty file with the Norwegian headers, to fill in with Excel. */
  @Get('import/template')
  @StaffPage('consumer.create')
  template(@Res() res: FastifyReply) {
    res
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename=konsumenter-import.csv')
      .send(importTemplateCsv());
  }

  /** The import's result is the answer to a post: back, forward or reload as a GET lands on the import form. */
  @Get('import/commit')
  @StaffPage('consumer.create')
  @Redirect('/consumers/import', 303)
  commitAgain() {}

  @Post('import/commit')
  @HttpCode(200)
  @StaffPage('consumer.create')
  @PageForm(ImportConsumersPage)
  @Render('consumers/import')
  async commit(@Body() body: FormBody, @CurrentActor() actor: Actor) {
    return importViewModel({ committed: await this.importer.execute(text(body.csv), false, actor) });
  }

  @Get(':id')
  @StaffPage('consumer.read')
  @Render('consumers/show')
  overview(@Param('id', ParseUuid) id: string, @CurrentPrincipal() me: Principal, @Query('done') done?: string) {
    return this.tabPage.load(id, 'overview', me, { saved: done === 'saved' });
  }

  @Get(':id/:tab')
  @StaffPage('consumer.read')
  @Render('consumers/show')
  tab(
    @Param('id', ParseUuid) id: string,
    @Param('tab') tab: string,
    @CurrentPrincipal() me: Principal,
    @Query() q: Record<string, unknown>,
  ) {
    const known = (CONSUMER_TABS as readonly string[]).includes(tab) ? (tab as ConsumerTab) : 'overview';
    return this.tabPage.load(id, known, me, { saved: q.done === 'saved', reports: parseListQuery(q, REPORTS_NEWEST_FIRST) });
  }
}

import {
  CopyCatalogueVersion,
  CreateCatalogueVersion,
  DeleteCatalogueVersion,
  PublishCatalogueVersion,
  RemoveCatalogueService,
  SaveCatalogueService,
  SeedCatalogue,
  UpdateCatalogueVersion,
} from '@domain/catalogue';
import type { Actor } from '@domain/shared';
import { Body, Param, Post, Redirect, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { expectedVersionsOf, type FormBody } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { serviceFromForm, versionFromForm } from './catalogue.forms';
import { DraftEditorPage, NewVersionPage } from './catalogue.page';

const serviceAnchor = (body: FormBody) => `#service-${encodeURIComponent(serviceFromForm(body).code)}`;

/** Changes to Bilag 2: new drafts, their details and services, publishing and deleting. */
@PagesController('catalogue')
export class CatalogueDraftController {
  constructor(
    private readonly create: CreateCatalogueVersion,
    private readonly copy: CopyCatalogueVersion,
    private readonly update: UpdateCatalogueVersion,
    private readonly saveService: SaveCatalogueService,
    private readonly removeService: RemoveCatalogueService,
    private readonly publish: PublishCatalogueVersion,
    private readonly remove: DeleteCatalogueVersion,
    private readonly seed: SeedCatalogue,
  ) {}

  @Post('seed')
  @StaffPage('catalogue.edit')
  @Redirect('/catalogue', 303)
  async loadSeed(@CurrentActor() actor: Actor) {
    await this.seed.execute(actor);
  }

  @Post()
  @StaffPage('catalogue.edit')
  @PageForm(NewVersionPage)
  async createVersion(@Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    res.redirect(`/catalogue/${(await this.create.execute(versionFromForm(body), actor)).id}/edit`, 303);
  }

  @Post(':id/edit')
  @StaffPage('catalogue.edit')
  @PageForm(DraftEditorPage)
  async saveDetails(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    res.redirect(
      `/catalogue/${(await this.update.execute(id, versionFromForm(body), actor, expectedVersionsOf(body))).id}/edit?saved=details#details`,
      303,
    );
  }

  @Post(':id/services')
  @StaffPage('catalogue.edit')
  @PageForm(DraftEditorPage)
  async addService(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.saveService.execute(id, null, serviceFromForm(body), actor);
    res.redirect(`/catalogue/${id}/edit?saved=service${serviceAnchor(body)}`, 303);
  }

  @Post(':id/services/:code')
  @StaffPage('catalogue.edit')
  @PageForm(DraftEditorPage)
  async changeService(
    @Param('id', ParseUuid) id: string,
    @Param('code') code: string,
    @Body() body: FormBody,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    await this.saveService.execute(id, code, serviceFromForm(body), actor, expectedVersionsOf(body));
    res.redirect(`/catalogue/${id}/edit?saved=service${serviceAnchor(body)}`, 303);
  }

  @Post(':id/services/:code/delete')
  @StaffPage('catalogue.edit')
  @PageForm(DraftEditorPage)
  async dropService(
    @Param('id', ParseUuid) id: string,
    @Param('code') code: string,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    await this.removeService.execute(id, code, actor);
    res.redirect(`/catalogue/${id}/edit?saved=removed#services`, 303);
  }

  @Post(':id/publish')
  @StaffPage('catalogue.publish')
  @PageForm(DraftEditorPage)
  async publishVersion(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.publish.execute(id, actor);
    res.redirect(`/catalogue/${id}?published=1`, 303);
  }

  @Post(':id/draft')
  @StaffPage('catalogue.edit')
  async newDraft(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    res.redirect(`/catalogue/${(await this.copy.execute(id, {}, actor)).id}/edit`, 303);
  }

  @Post(':id/delete')
  @StaffPage('catalogue.edit')
  @PageForm(DraftEditorPage)
  async deleteDraft(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.remove.execute(id, actor);
    res.redirect('/catalogue?done=deleted', 303);
  }
}

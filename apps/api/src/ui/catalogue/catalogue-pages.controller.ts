import { CompareCatalogueVersions, GetCatalogueInForce, GetCatalogueVersion, ListCatalogueVersions, osloDay } from '@domain/catalogue';
import { Get, Param, Query, Render } from '@nestjs/common';

import { StaffPage } from '../../auth/access.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { PagesController } from '../shared/pages-controller';
import { DraftEditorPage } from './catalogue.page';
import { CATALOGUE_DONE_TEXTS, CATALOGUE_TITLES } from './catalogue.texts.nb';
import { decorate, diffViewModel, publishEffect, serviceRow } from './catalogue.view-model';

/** Bilag 2: the versions, one version's services, the draft editor, publishing and comparing. */
@PagesController('catalogue')
export class CataloguePagesController {
  constructor(
    private readonly list: ListCatalogueVersions,
    private readonly get: GetCatalogueVersion,
    private readonly inForce: GetCatalogueInForce,
    private readonly compare: CompareCatalogueVersions,
    private readonly editor: DraftEditorPage,
  ) {}

  @Get()
  @StaffPage('catalogue.read')
  @Render('catalogue/list')
  async versions(@Query('at') at?: string, @Query('done') done?: string) {
    const versions = (await this.list.execute()).map(decorate);
    const asked = at
      ? await this.inForce.find(at).then(
          (version) => ({ day: at, version }),
          () => ({ day: at, invalid: true }),
        )
      : null;
    return {
      title: CATALOGUE_TITLES.list,
      versions,
      current: versions.find((v) => v.inForce),
      asked,
      done: CATALOGUE_DONE_TEXTS[done ?? ''],
    };
  }

  @Get('new')
  @StaffPage('catalogue.edit')
  @Render('catalogue/new')
  newPage() {
    return { title: CATALOGUE_TITLES.new };
  }

  @Get(':id')
  @StaffPage('catalogue.read')
  @Render('catalogue/version')
  async version(@Param('id', ParseUuid) id: string, @Query('published') published?: string) {
    const [version, others] = [await this.get.execute(id), await this.list.execute()];
    return {
      title: version.label,
      version: decorate(version),
      services: version.services.map(serviceRow),
      others: others.filter((o) => o.id !== id).map(decorate),
      published: !!published,
    };
  }

  @Get(':id/edit')
  @StaffPage('catalogue.edit')
  @Render('catalogue/edit')
  async edit(@Param('id', ParseUuid) id: string, @Query('saved') saved?: string) {
    return { ...(await this.editor.load(id)), saved };
  }

  @Get(':id/publish')
  @StaffPage('catalogue.publish')
  @Render('catalogue/publish')
  async confirmPublish(@Param('id', ParseUuid) id: string) {
    const [version, current] = [await this.get.execute(id), await this.inForce.find()];
    const diff = current && current.id !== id ? await this.compare.execute(id, current.id) : null;
    const effect = publishEffect(version, current, osloDay(new Date()));
    return { title: CATALOGUE_TITLES.publish(version.label), version: decorate(version), current, diff, effect: { [effect]: true } };
  }

  @Get(':id/diff')
  @StaffPage('catalogue.read')
  @Render('catalogue/diff')
  async diff(@Param('id', ParseUuid) id: string, @Query('against') against?: string) {
    const [comparison, versions] = [await this.compare.execute(id, against || undefined), await this.list.execute()];
    return diffViewModel(comparison, versions, id);
  }
}

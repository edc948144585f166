import { ChangeArticleStatus, CreateArticle, EditArticle, RestoreArticleVersion } from '@domain/knowledge';
import type { Actor } from '@domain/shared';
import { Body, Get, HttpCode, Param, Post, Query, Render, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import type { FormBody } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { redirectDone } from '../shared/redirect-done';
import { articleFromForm, editedVersion, listFilter, statusFromForm, versionNumber } from './knowledge.forms';
import { ArticleEditorPage, ArticlePage, KnowledgeListPage } from './knowledge.page';
import { DONE_TEXTS } from './knowledge.texts.nb';

const done = (res: FastifyReply, id: string, code: string) => redirectDone(res, `/knowledge-base/${id}`, code);

/** The knowledge base for staff: the list, the editor with preview, an article with its versions, publishing and archiving. */
@PagesController('knowledge-base')
export class KnowledgePagesController {
  constructor(
    private readonly list: KnowledgeListPage,
    private readonly editor: ArticleEditorPage,
    private readonly page: ArticlePage,
    private readonly creator: CreateArticle,
    private readonly editing: EditArticle,
    private readonly statuses: ChangeArticleStatus,
    private readonly restorer: RestoreArticleVersion,
  ) {}

  @Get()
  @StaffPage('knowledge-article.read')
  @Render('knowledge/list')
  knowledgeBase(@Query() q: Record<string, unknown>) {
    return this.list.load(listFilter(q));
  }

  @Get('new')
  @StaffPage('knowledge-article.write')
  @Render('knowledge/editor')
  newArticle() {
    return this.editor.load(undefined);
  }

  /** Shows what was entered as the help page will show it, saving nothing. */
  @Post('preview')
  @HttpCode(200)
  @StaffPage('knowledge-article.write')
  @Render('knowledge/editor')
  previewNew(@Body() body: FormBody) {
    return this.editor.load(undefined, { body, preview: true });
  }

  @Post()
  @StaffPage('knowledge-article.write')
  @PageForm(ArticleEditorPage)
  async create(@Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    done(res, (await this.creator.execute(articleFromForm(body), actor)).id, 'created');
  }

  @Get(':id')
  @StaffPage('knowledge-article.read')
  @Render('knowledge/article')
  async article(@Param('id', ParseUuid) id: string, @Query('done') code?: string) {
    return { ...(await this.page.load(id)), done: DONE_TEXTS[code ?? ''] };
  }

  @Get(':id/edit')
  @StaffPage('knowledge-article.write')
  @Render('knowledge/editor')
  edit(@Param('id', ParseUuid) id: string) {
    return this.editor.load(id);
  }

  @Post(':id/preview')
  @HttpCode(200)
  @StaffPage('knowledge-article.write')
  @Render('knowledge/editor')
  preview(@Param('id', ParseUuid) id: string, @Body() body: FormBody) {
    return this.editor.load(id, { body, preview: true });
  }

  @Post(':id')
  @StaffPage('knowledge-article.write')
  @PageForm(ArticleEditorPage)
  async save(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    const { changed } = await this.editing.execute(id, articleFromForm(body), actor, editedVersion(body));
    done(res, id, changed.length ? 'saved' : 'unchanged');
  }

  @Post(':id/status')
  @StaffPage('knowledge-article.write')
  @PageForm(ArticlePage)
  async status(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    done(res, id, (await this.statuses.execute(id, statusFromForm(body), actor)).status);
  }

  @Get(':id/versions/:version')
  @StaffPage('knowledge-article.read')
  @Render('knowledge/version')
  version(@Param('id', ParseUuid) id: string, @Param('version') version: string) {
    return this.page.version(id, versionNumber(version));
  }

  @Post(':id/versions/:version/restore')
  @StaffPage('knowledge-article.write')
  @PageForm(ArticlePage)
  async restore(
    @Param('id', ParseUuid) id: string,
    @Param('version') version: string,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    await this.restorer.execute(id, versionNumber(version), actor);
    done(res, id, 'restored');
  }
}

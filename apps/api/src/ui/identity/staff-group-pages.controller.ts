import { ManageStaffGroups } from '@domain/identity';
import type { Actor } from '@domain/shared';
import { Body, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { expectedVersionsOf, type FormBody, list, text } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { redirectDone } from '../shared/redirect-done';
import { StaffGroupsPage } from './identity.page';

const done = (res: FastifyReply, code: string) => redirectDone(res, '/staff-groups', code);
const groupInput = (body: FormBody) => ({ name: text(body.name), description: text(body.description), categories: list(body.categories) });

/** The admin's assignment groups: create, rename, describe, route categories, archive and restore, members in and out. */
@PagesController('staff-groups')
export class StaffGroupPagesController {
  constructor(
    private readonly page: StaffGroupsPage,
    private readonly manage: ManageStaffGroups,
  ) {}

  @Get()
  @StaffPage('staff-group.manage')
  @Render('staff-groups')
  all(@Query('done') code?: string) {
    return this.page.load({ done: code });
  }

  @Post()
  @StaffPage('staff-group.manage')
  @PageForm(StaffGroupsPage)
  async create(@Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.manage.create(groupInput(body), actor);
    done(res, 'created');
  }

  @Post(':id')
  @StaffPage('staff-group.manage')
  @PageForm(StaffGroupsPage)
  async update(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.manage.update(id, groupInput(body), actor, expectedVersionsOf(body));
    done(res, 'saved');
  }

  @Post(':id/archive')
  @StaffPage('staff-group.manage')
  @PageForm(StaffGroupsPage)
  async archive(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    const archived = text(body.archived) !== 'false';
    await this.manage.update(id, { archived }, actor);
    done(res, archived ? 'archived' : 'restored');
  }

  @Post(':id/members')
  @StaffPage('staff-group.manage')
  @PageForm(StaffGroupsPage)
  async addMember(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.manage.addMember(id, text(body.staffId), actor);
    done(res, 'member-added');
  }

  @Post(':id/members/:staffId/delete')
  @StaffPage('staff-group.manage')
  @PageForm(StaffGroupsPage)
  async removeMember(
    @Param('id', ParseUuid) id: string,
    @Param('staffId', ParseUuid) staffId: string,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    await this.manage.removeMember(id, staffId, actor);
    done(res, 'member-removed');
  }
}

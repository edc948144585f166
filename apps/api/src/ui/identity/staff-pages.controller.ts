import { CreateStaffUser, ListStaffUsers, ResetStaffPassword, UpdateStaffUser } from '@domain/identity';
import { type Actor, type StaffRole } from '@domain/shared';
import { Body, Get, HttpCode, Param, Post, Redirect, Render } from '@nestjs/common';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { FormBody, text } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { StaffUsersPage } from './identity.page';

/** The admin's list of staff users: add, change role, deactivate, send a new password link. */
@PagesController('staff')
export class StaffPagesController {
  constructor(
    private readonly page: StaffUsersPage,
    private readonly createStaff: CreateStaffUser,
    private readonly updateStaff: UpdateStaffUser,
    private readonly resetPassword: ResetStaffPassword,
    private readonly staffUsers: ListStaffUsers,
  ) {}

  @Get()
  @StaffPage('staff-user.manage')
  @Render('staff')
  staff(@CurrentActor() actor: Actor) {
    return this.page.load(actor.id);
  }

  /** The list again, saying who was added and that their password link is on its way by e-mail. */
  @Post()
  @StaffPage('staff-user.manage')
  @PageForm(StaffUsersPage)
  @Render('staff')
  async addStaff(@Body() body: FormBody, @CurrentActor() actor: Actor) {
    const role = text(body.role) as StaffRole;
    const { user } = await this.createStaff.execute(
      { email: text(body.email), name: text(body.name) || undefined, role, sendEmail: true },
      actor,
    );
    return this.page.load(actor.id, { created: user.email });
  }

  @Post(':id')
  @StaffPage('staff-user.manage')
  @PageForm(StaffUsersPage)
  @Redirect('/staff', 303)
  async changeStaff(@Param('id', ParseUuid) id: string, @Body() body: FormBody, @CurrentActor() actor: Actor) {
    const active = body.active === undefined ? undefined : text(body.active) === 'true';
    await this.updateStaff.execute(id, { role: (text(body.role) || undefined) as StaffRole | undefined, active }, actor);
  }

  /** The one-time link is shown on the page once, never put in a URL. */
  @Post(':id/reset-password')
  @HttpCode(200)
  @StaffPage('staff-user.manage')
  @PageForm(StaffUsersPage)
  @Render('staff')
  async reset(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor) {
    const user = (await this.staffUsers.execute()).find((u) => u.id === id);
    const { link } = await this.resetPassword.byAdmin(user?.email ?? '', actor);
    return this.page.load(actor.id, { link });
  }
}

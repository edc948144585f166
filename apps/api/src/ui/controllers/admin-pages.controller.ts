import { ListAuditEntries } from '@domain/audit';
import { CreateApiToken } from '@domain/identity';
import { CreateStaffUser } from '@domain/identity';
import { ListApiTokens } from '@domain/identity';
import { ListStaffUsers } from '@domain/identity';
import { ResetStaffPassword } from '@domain/identity';
import { RevokeApiToken } from '@domain/identity';
import { UpdateStaffUser } from '@domain/identity';
import { type Actor, STAFF_ROLES, type StaffPrincipal, type StaffRole } from '@domain/shared';
import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, Query, Redirect, Render, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { OutboxStatus } from '@platform/mail';
import { ListOutboxMessages } from '@platform/mail';
import type { Response } from 'express';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor, CurrentStaff } from '../../auth/current-principal.decorator';
import { UiContextInterceptor } from '../ui-context.interceptor';

const ROLE_LABELS: Record<StaffRole, string> = {
  admin: 'Administrator',
  agent: 'Saksbehandler',
  security: 'Sikkerhetsansvarlig',
  viewer: 'Lesetilgang',
};

@ApiExcludeController()
@Controller()
@UseInterceptors(UiContextInterceptor)
export class AdminPagesController {
  constructor(
    private readonly staffUsers: ListStaffUsers,
    private readonly createStaff: CreateStaffUser,
    private readonly updateStaff: UpdateStaffUser,
    private readonly resetPassword: ResetStaffPassword,
    private readonly tokens: ListApiTokens,
    private readonly createToken: CreateApiToken,
    private readonly revokeToken: RevokeApiToken,
    private readonly audit: ListAuditEntries,
    private readonly mail: ListOutboxMessages,
  ) {}

  @Get('staff')
  @StaffPage('admin')
  @Render('staff')
  async staff(@Query('created') created?: string, @Query('link') link?: string) {
    const users = (await this.staffUsers.execute()).map((u) => ({ ...u, roleLabel: ROLE_LABELS[u.role] }));
    return { title: 'Brukere', users, roles: STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })), created, link };
  }

  @Post('staff')
  @StaffPage('admin')
  async addStaff(@Body() body: { email: string; name?: string; role: StaffRole }, @CurrentActor() actor: Actor, @Res() res: Response) {
    const { user } = await this.createStaff.execute({ email: body.email, name: body.name, role: body.role, sendEmail: true }, actor);
    res.redirect(303, `/staff?created=${encodeURIComponent(user.email)}`);
  }

  @Post('staff/:id')
  @StaffPage('admin')
  @Redirect('/staff', 303)
  async changeStaff(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: { role?: StaffRole; active?: string },
    @CurrentActor() actor: Actor,
  ) {
    await this.updateStaff.execute(id, { role: body.role, active: body.active === undefined ? undefined : body.active === 'true' }, actor);
  }

  @Post('staff/:id/reset-password')
  @StaffPage('admin')
  async reset(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    const user = (await this.staffUsers.execute()).find((u) => u.id === id);
    const { link } = await this.resetPassword.byAdmin(user?.email ?? '', actor);
    res.redirect(303, `/staff?link=${encodeURIComponent(link)}`);
  }

  @Get('tokens')
  @StaffPage()
  @Render('tokens')
  async tokenPage(@CurrentStaff() me: StaffPrincipal) {
    return { title: 'API-nøkler', tokens: await this.tokens.execute(me) };
  }

  @Post('tokens')
  @StaffPage('admin', 'agent', 'security', 'viewer')
  @Render('tokens')
  async addToken(@CurrentStaff() me: StaffPrincipal, @Body() body: { name: string }, @CurrentActor() actor: Actor) {
    const created = await this.createToken.execute(me, body.name, actor);
    return { title: 'API-nøkler', created, tokens: await this.tokens.execute(me) };
  }

  @Post('tokens/:id/revoke')
  @StaffPage('admin', 'agent', 'security', 'viewer')
  @Redirect('/tokens', 303)
  async revoke(@CurrentStaff() me: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    await this.revokeToken.execute(me, id, actor);
  }

  @Get('audit')
  @StaffPage('admin', 'security')
  @Render('audit')
  async auditPage(
    @Query() q: { actor?: string; action?: string; objectType?: string; objectId?: string; from?: string; to?: string; before?: string },
  ) {
    const entries = await this.audit.execute({
      actor: q.actor || undefined,
      action: q.action || undefined,
      objectType: q.objectType || undefined,
      objectId: q.objectId || undefined,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(new Date(q.to).getTime() + 86_400_000) : undefined,
      beforeId: q.before && /^\d+$/.test(q.before) ? q.before : undefined,
      limit: 100,
    });
    return {
      title: 'Revisjonslogg',
      entries: entries.map((e) => ({ ...e, detailsJson: Object.keys(e.details).length ? JSON.stringify(e.details, null, 2) : '' })),
      filter: q,
      nextBefore: entries.length === 100 ? entries[entries.length - 1].id : null,
    };
  }

  @Get('mail')
  @StaffPage('admin', 'agent', 'security')
  @Render('mail-list')
  async mailList(@Query('status') status?: OutboxStatus) {
    return { title: 'Sendt e-post', messages: await this.mail.execute({ status: status || undefined, limit: 200 }), status };
  }

  @Get('mail/:id')
  @StaffPage('admin', 'agent', 'security')
  @Render('mail-view')
  async mailView(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() me: StaffPrincipal) {
    return { title: 'E-post', message: await this.mail.one(id, me.role === 'admin') };
  }

  /** The rendered HTML part, shown in a sandboxed frame (its inline styles need their own CSP). */
  @Get('mail/:id/html')
  @StaffPage('admin', 'agent', 'security')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
  @Header('Content-Type', 'text/html; charset=utf-8')
  async mailHtml(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() me: StaffPrincipal) {
    return (await this.mail.one(id, me.role === 'admin')).html;
  }

  @Post('mail/:id/retry')
  @StaffPage('admin', 'agent')
  async retry(@Param('id', ParseUUIDPipe) id: string, @Res() res: Response) {
    await this.mail.retry(id);
    res.redirect(303, `/mail/${id}`);
  }
}

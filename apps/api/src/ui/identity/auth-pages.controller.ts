import { ResetStaffPassword, SetPassword, SignIn, SignOut } from '@domain/identity';
import type { StaffPrincipal } from '@domain/shared';
import { Body, Get, Inject, Param, Post, Query, Redirect, Render, Req, Res, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '@platform/config';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { Public, StaffPage } from '../../auth/access.decorator';
import { setCookie } from '../../auth/auth.guard';
import { COOKIES } from '../../auth/cookies';
import { ClientIp, CurrentStaff } from '../../auth/current-principal.decorator';
import { FormBody, text } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { safeNext } from '../shared/safe-next';
import { SetPasswordPage, SignInPage } from './identity.page';
import { IDENTITY_TITLES } from './identity.texts.nb';

/** Staff sign-in, sign-out and choosing a password from a one-time link. */
@PagesController()
export class AuthPagesController {
  constructor(
    private readonly signIn: SignIn,
    private readonly signOut: SignOut,
    private readonly setPassword: SetPassword,
    private readonly reset: ResetStaffPassword,
    private readonly signInPage: SignInPage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('login')
  @Public()
  @Render('login')
  loginPage(@Query('next') next?: string, @Query('passwordSet') passwordSet?: string) {
    return this.signInPage.load({ next: safeNext(next), passwordSet: !!passwordSet });
  }

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @PageForm(SignInPage)
  async login(@Body() body: FormBody, @Req() req: FastifyRequest, @Res() res: FastifyReply) {
    const session = await this.signIn.execute(
      text(body.email),
      String(body.password ?? ''),
      req.ip ?? null,
      req.headers['user-agent'] ?? null,
    );
    setCookie(res, COOKIES.staffSession, session.cookieValue, this.config.publicUrl.startsWith('https://'), session.expiresAt);
    res.redirect(safeNext(body.next), 303);
  }

  @Post('logout')
  @StaffPage()
  async logout(@CurrentStaff() me: StaffPrincipal, @ClientIp() ip: string | null, @Res() res: FastifyReply) {
    await this.signOut.execute(me, ip);
    res.clearCookie(COOKIES.staffSession, { path: '/' });
    res.redirect('/login', 303);
  }

  @Get('password/forgot')
  @Public()
  @Render('password-forgot')
  forgotPage() {
    return { title: IDENTITY_TITLES.forgot, layout: 'bare' };
  }

  @Post('password/forgot')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @Render('password-forgot')
  async forgot(@Body() body: FormBody, @ClientIp() ip: string | null) {
    await this.reset.requestedBySelf(text(body.email), ip);
    return { title: IDENTITY_TITLES.forgot, layout: 'bare', sent: true };
  }

  @Get('password/:token')
  @Public()
  @Render('password-set')
  async passwordPage(@Param('token') token: string) {
    return { title: IDENTITY_TITLES.setPassword, layout: 'bare', token, usable: await this.setPassword.isUsable(token) };
  }

  @Post('password/:token')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @PageForm(SetPasswordPage)
  @Redirect('/login?passwordSet=1', 303)
  async choosePassword(@Param('token') token: string, @Body() body: FormBody, @ClientIp() ip: string | null) {
    await this.setPassword.execute(token, String(body.password ?? ''), ip);
  }
}

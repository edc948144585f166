import { ResetStaffPassword } from '@domain/identity';
import { SetPassword } from '@domain/identity';
import { SignIn } from '@domain/identity';
import { SignOut } from '@domain/identity';
import type { StaffPrincipal } from '@domain/shared';
import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Query,
  Redirect,
  Render,
  Req,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '@platform/config';
import type { Request, Response } from 'express';

import { Public, StaffPage } from '../../auth/access.decorator';
import { setCookie } from '../../auth/auth.guard';
import { COOKIES } from '../../auth/cookies';
import { ClientIp, CurrentStaff } from '../../auth/current-principal.decorator';
import { FormErrorFilter } from '../form-error.filter';
import { UiContextInterceptor } from '../ui-context.interceptor';

function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

@ApiExcludeController()
@Controller()
@UseInterceptors(UiContextInterceptor)
export class AuthPagesController {
  constructor(
    private readonly signIn: SignIn,
    private readonly signOut: SignOut,
    private readonly setPassword: SetPassword,
    private readonly reset: ResetStaffPassword,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('login')
  @Public()
  @Render('login')
  loginPage(@Query('next') next?: string) {
    return { title: 'Logg inn', next: safeNext(next), layout: 'bare' };
  }

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @UseFilters(new FormErrorFilter('login', { title: 'Logg inn', layout: 'bare' }))
  async login(@Body() body: { email?: string; password?: string; next?: string }, @Req() req: Request, @Res() res: Response) {
    const session = await this.signIn.execute(
      String(body.email ?? ''),
      String(body.password ?? ''),
      req.ip ?? null,
      req.headers['user-agent'] ?? null,
    );
    setCookie(res, COOKIES.staffSession, session.cookieValue, this.config.publicUrl.startsWith('https://'), session.expiresAt);
    res.redirect(303, safeNext(body.next));
  }

  @Post('logout')
  @StaffPage()
  async logout(@CurrentStaff() me: StaffPrincipal, @ClientIp() ip: string | null, @Res() res: Response) {
    await this.signOut.execute(me, ip);
    res.clearCookie(COOKIES.staffSession, { path: '/' });
    res.redirect(303, '/login');
  }

  @Get('password/forgot')
  @Public()
  @Render('password-forgot')
  forgotPage() {
    return { title: 'Glemt passord', layout: 'bare' };
  }

  @Post('password/forgot')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  @Render('password-forgot')
  async forgot(@Body() body: { email?: string }, @ClientIp() ip: string | null) {
    await this.reset.requestedBySelf(String(body.email ?? ''), ip);
    return { title: 'Glemt passord', layout: 'bare', sent: true };
  }

  @Get('password/:token')
  @Public()
  @Render('password-set')
  async passwordPage(@Param('token') token: string) {
    return { title: 'Velg passord', layout: 'bare', token, usable: await this.setPassword.isUsable(token) };
  }

  @Post('password/:token')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @UseFilters(new FormErrorFilter('password-set', { title: 'Velg passord', layout: 'bare', usable: true }))
  @Redirect('/login?passwordSet=1', 303)
  async choosePassword(@Param('token') token: string, @Body() body: { password?: string }, @ClientIp() ip: string | null) {
    await this.setPassword.execute(token, String(body.password ?? ''), ip);
  }
}

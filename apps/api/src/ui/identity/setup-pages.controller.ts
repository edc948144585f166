import { CreateFirstAdmin } from '@domain/identity';
import { Body, Get, Inject, Param, Post, Render, Req, Res, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '@platform/config';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { Public } from '../../auth/access.decorator';
import { setCookie } from '../../auth/auth.guard';
import { COOKIES } from '../../auth/cookies';
import { FormBody, text } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { SetupPage } from './identity.page';

/** The first admin of a new installation, from the one-time link the server printed in its log. */
@PagesController()
export class SetupPagesController {
  constructor(
    private readonly firstAdmin: CreateFirstAdmin,
    private readonly page: SetupPage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('setup/:token')
  @Public()
  @Render('setup')
  setupPage(@Param('token') token: string, @Res({ passthrough: true }) res: FastifyReply) {
    return this.page.show(token, res);
  }

  @Post('setup/:token')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @PageForm(SetupPage)
  async createFirstAdmin(@Param('token') token: string, @Body() body: FormBody, @Req() req: FastifyRequest, @Res() res: FastifyReply) {
    const session = await this.firstAdmin.execute(
      token,
      {
        name: text(body.name),
        email: text(body.email),
        password: String(body.password ?? ''),
        passwordRepeat: String(body.passwordRepeat ?? ''),
      },
      req.ip ?? null,
      req.headers['user-agent'] ?? null,
    );
    setCookie(res, COOKIES.staffSession, session.cookieValue, this.config.publicUrl.startsWith('https://'), session.expiresAt);
    res.redirect('/', 303);
  }
}

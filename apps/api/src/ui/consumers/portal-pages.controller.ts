import { CompletePortalSignIn, GetConsumer, RequestPortalSignIn, SignOutOfPortal } from '@domain/consumers';
import { ListConsumerNotices } from '@domain/notices';
import type { ConsumerPrincipal } from '@domain/shared';
import { TicketQueries } from '@domain/support';
import { Body, Get, HttpCode, Inject, Param, Post, Query, Render, Req, Res, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '@platform/config';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { PortalPage, Public } from '../../auth/access.decorator';
import { setCookie } from '../../auth/auth.guard';
import { COOKIES } from '../../auth/cookies';
import { ClientIp, CurrentConsumer } from '../../auth/current-principal.decorator';
import { FormBody, text } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { CONSUMER_LABELS, CONSUMER_TITLES } from './consumers.texts.nb';
import { PORTAL_LINK_PAGE, PORTAL_LOGIN_PAGE, PortalLoginPage, portalNext } from './portal.page';
import { portalToDo, WAITING_TICKETS_SHOWN } from './portal-home.view-model';

/** The consumer portal: sign-in by one-time e-mail link, and the organisation's own overview with what waits on it. */
@PagesController('portal')
export class PortalPagesController {
  constructor(
    private readonly requestSignIn: RequestPortalSignIn,
    private readonly completeSignIn: CompletePortalSignIn,
    private readonly signOut: SignOutOfPortal,
    private readonly consumers: GetConsumer,
    private readonly notices: ListConsumerNotices,
    private readonly tickets: TicketQueries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('login')
  @Public()
  @Render('portal/login')
  loginPage(@Query('next') next?: string) {
    return { ...PORTAL_LOGIN_PAGE, next: portalNext(next) };
  }

  /** Same answer whether or not the address belongs to a contact. */
  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @Render('portal/login')
  async requestLink(@Body() body: FormBody, @ClientIp() ip: string | null) {
    const next = portalNext(body.next);
    await this.requestSignIn.execute(text(body.email), ip, next === '/portal' ? undefined : next);
    return { ...PORTAL_LOGIN_PAGE, sent: true, next };
  }

  /** The e-mailed link: a page with one button, since opening it must not spend it (mail scanners open links). */
  @Get('login/:token')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @PageForm(PortalLoginPage)
  @Render('portal/login-link')
  async openLink(@Param('token') token: string) {
    await this.completeSignIn.assertUsable(token);
    return PORTAL_LINK_PAGE;
  }

  @Post('login/:token')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @PageForm(PortalLoginPage)
  async useLink(
    @Param('token') token: string,
    @Query('next') next: string | undefined,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ) {
    const session = await this.completeSignIn.execute(token, req.ip ?? null, req.headers['user-agent'] ?? null);
    setCookie(res, COOKIES.portalSession, session.cookieValue, this.config.publicUrl.startsWith('https://'), session.expiresAt);
    res.redirect(portalNext(next), 303);
  }

  @Get()
  @PortalPage()
  @Render('portal/home')
  async home(@CurrentConsumer() me: ConsumerPrincipal) {
    const waiting = await this.tickets.list(
      me,
      { statuses: ['waiting_on_consumer'] },
      { limit: WAITING_TICKETS_SHOWN, sort: 'updated', direction: 'asc' },
    );
    return {
      title: CONSUMER_TITLES.portalHome,
      layout: 'portal',
      consumer: await this.consumers.execute(me.consumerId, me),
      todo: portalToDo(await this.notices.execute(me.consumerId), waiting),
      labels: CONSUMER_LABELS,
    };
  }

  @Post('logout')
  @PortalPage()
  async logout(@CurrentConsumer() me: ConsumerPrincipal, @ClientIp() ip: string | null, @Res() res: FastifyReply) {
    await this.signOut.execute(me, ip);
    res.clearCookie(COOKIES.portalSession, { path: '/' });
    res.redirect('/portal/login', 303);
  }
}

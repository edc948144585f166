import {
  AddConsumerContact,
  AdvanceOnboarding,
  CreateConsumerApiKey,
  RemoveConsumerContact,
  RemoveServiceAccess,
  RevokeConsumerApiKey,
  SetConsumerAgreement,
  SetServiceAccess,
  UpdateConsumer,
  UpdateConsumerContact,
  UpdateOnboardingChecklist,
} from '@domain/consumers';
import type { Actor, Principal } from '@domain/shared';
import { Body, HttpCode, Param, Post, Render, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { StaffPage } from '../../auth/access.decorator';
import { CurrentActor, CurrentPrincipal } from '../../auth/current-principal.decorator';
import { ParseUuid } from '../../http/parse-uuid.pipe';
import { expectedVersionsOf, FormBody, nullable, text } from '../shared/form-body';
import { PageForm } from '../shared/page-form';
import { PagesController } from '../shared/pages-controller';
import { ConsumerTabPage } from './consumer.page';
import { tabPath } from './consumer.view-model';
import {
  agreementFromForm,
  checklistFromForm,
  consumerChangesFromForm,
  contactFromForm,
  nextStepFromForm,
  serviceAccessFromForm,
} from './consumers.forms';
import type { ConsumerTab } from './consumers.texts.nb';

const saved = (res: FastifyReply, id: string, tab: ConsumerTab, anchor = '') =>
  res.redirect(`${tabPath(id, tab)}?done=saved${anchor}`, 303);
const serviceAnchor = (code: string) => `#service-${encodeURIComponent(code)}`;

/** The forms on a consumer's tabs; each saves and returns to its tab, or shows the tab again with what went wrong. */
@PagesController('consumers/:id')
export class ConsumerTabActionsController {
  constructor(
    private readonly tabPage: ConsumerTabPage,
    private readonly update: UpdateConsumer,
    private readonly addContact: AddConsumerContact,
    private readonly updateContact: UpdateConsumerContact,
    private readonly removeContact: RemoveConsumerContact,
    private readonly setAgreement: SetConsumerAgreement,
    private readonly setAccess: SetServiceAccess,
    private readonly removeAccess: RemoveServiceAccess,
    private readonly checklist: UpdateOnboardingChecklist,
    private readonly advance: AdvanceOnboarding,
    private readonly createKey: CreateConsumerApiKey,
    private readonly revokeKey: RevokeConsumerApiKey,
  ) {}

  @Post()
  @StaffPage('consumer.update')
  @PageForm(ConsumerTabPage)
  async change(@Param('id', ParseUuid) id: string, @Body() b: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.update.execute(id, consumerChangesFromForm(b), actor, expectedVersionsOf(b));
    saved(res, id, 'overview');
  }

  @Post('contacts')
  @StaffPage('consumer.update')
  @PageForm(ConsumerTabPage)
  async createContact(@Param('id', ParseUuid) id: string, @Body() b: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.addContact.execute(id, contactFromForm(b), actor);
    saved(res, id, 'contacts');
  }

  @Post('contacts/:contactId')
  @StaffPage('consumer.update')
  @PageForm(ConsumerTabPage)
  async changeContact(
    @Param('id', ParseUuid) id: string,
    @Param('contactId', ParseUuid) contactId: string,
    @Body() b: FormBody,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    await this.updateContact.execute(id, contactId, contactFromForm(b), actor);
    saved(res, id, 'contacts');
  }

  @Post('contacts/:contactId/delete')
  @StaffPage('consumer.update')
  @PageForm(ConsumerTabPage)
  async deleteContact(
    @Param('id', ParseUuid) id: string,
    @Param('contactId', ParseUuid) contactId: string,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    await this.removeContact.execute(id, contactId, actor);
    saved(res, id, 'contacts');
  }

  @Post('agreement')
  @StaffPage('consumer.update')
  @PageForm(ConsumerTabPage)
  async agreement(@Param('id', ParseUuid) id: string, @Body() b: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.setAgreement.execute(id, agreementFromForm(b), actor);
    saved(res, id, 'agreement');
  }

  @Post('services')
  @StaffPage('consumer.update')
  @PageForm(ConsumerTabPage)
  async service(@Param('id', ParseUuid) id: string, @Body() b: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.setAccess.execute(id, text(b.code), serviceAccessFromForm(b), actor);
    saved(res, id, 'services');
  }

  /** The form that gives access anew: it holds only some of the fields, so it must not replace access given meanwhile. */
  @Post('services/new')
  @StaffPage('consumer.update')
  @PageForm(ConsumerTabPage)
  async newService(@Param('id', ParseUuid) id: string, @Body() b: FormBody, @CurrentActor() actor: Actor, @Res() res: FastifyReply) {
    await this.setAccess.execute(id, text(b.code), serviceAccessFromForm(b), actor, { onlyNew: true });
    saved(res, id, 'services');
  }

  @Post('services/:code/delete')
  @StaffPage('consumer.update')
  @PageForm(ConsumerTabPage)
  async deleteService(
    @Param('id', ParseUuid) id: string,
    @Param('code') code: string,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    await this.removeAccess.execute(id, code, actor);
    saved(res, id, 'services');
  }

  @Post('onboarding/:code/checklist')
  @StaffPage('onboarding.manage')
  @PageForm(ConsumerTabPage)
  async tick(
    @Param('id', ParseUuid) id: string,
    @Param('code') code: string,
    @Body() b: FormBody,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    await this.checklist.execute(id, code, checklistFromForm(b), actor);
    saved(res, id, 'onboarding', serviceAnchor(code));
  }

  @Post('onboarding/:code/advance')
  @StaffPage('onboarding.manage')
  @PageForm(ConsumerTabPage)
  async advanceStep(
    @Param('id', ParseUuid) id: string,
    @Param('code') code: string,
    @Body() b: FormBody,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    const { to, note } = nextStepFromForm(b);
    await this.advance.execute(id, code, to, note, actor);
    saved(res, id, 'onboarding', serviceAnchor(code));
  }

  /** The new key is shown on the page once, never put in a URL. */
  @Post('api-keys')
  @HttpCode(200)
  @StaffPage('consumer-api-key.manage')
  @PageForm(ConsumerTabPage)
  @Render('consumers/show')
  async addKey(@Param('id', ParseUuid) id: string, @Body() b: FormBody, @CurrentActor() actor: Actor, @CurrentPrincipal() me: Principal) {
    const createdKey = await this.createKey.execute(id, nullable(b.name), actor);
    return this.tabPage.load(id, 'keys', me, { createdKey });
  }

  @Post('api-keys/:keyId/revoke')
  @StaffPage('consumer-api-key.manage')
  @PageForm(ConsumerTabPage)
  async revoke(
    @Param('id', ParseUuid) id: string,
    @Param('keyId', ParseUuid) keyId: string,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    await this.revokeKey.execute(id, keyId, actor);
    saved(res, id, 'keys');
  }
}

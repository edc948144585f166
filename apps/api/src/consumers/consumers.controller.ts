import { AddConsumerContact } from '@domain/consumers';
import { GetConsumer } from '@domain/consumers';
import { ImportConsumers } from '@domain/consumers';
import { ListExpiringAgreements } from '@domain/consumers';
import { RegisterConsumer } from '@domain/consumers';
import { RemoveConsumerContact } from '@domain/consumers';
import { RemoveServiceAccess } from '@domain/consumers';
import { SearchConsumers } from '@domain/consumers';
import { SetConsumerAgreement } from '@domain/consumers';
import { SetServiceAccess } from '@domain/consumers';
import { UpdateConsumer } from '@domain/consumers';
import { UpdateConsumerContact } from '@domain/consumers';
import type { Actor, Principal } from '@domain/shared';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ConsumerOrStaff, Staff, StaffWriter } from '../auth/access.decorator';
import { CurrentActor, CurrentPrincipal } from '../auth/current-principal.decorator';
import {
  AgreementDto,
  ContactDto,
  CreateConsumerDto,
  csvFrom,
  ExpiringAgreementsQuery,
  ImportConsumersDto,
  ImportConsumersQuery,
  ImportResultDto,
  SearchConsumersQuery,
  SetServiceAccessDto,
  UpdateConsumerDto,
  UpdateContactDto,
} from './consumers.dto';
import { CsvBodyInterceptor } from './csv-body.interceptor';

@ApiTags('consumers')
@ApiBearerAuth()
@Controller('api/v1/consumers')
export class ConsumersController {
  constructor(
    private readonly search: SearchConsumers,
    private readonly register: RegisterConsumer,
    private readonly consumer: GetConsumer,
    private readonly update: UpdateConsumer,
    private readonly addContact: AddConsumerContact,
    private readonly updateContact: UpdateConsumerContact,
    private readonly removeContact: RemoveConsumerContact,
    private readonly setAgreement: SetConsumerAgreement,
    private readonly expiring: ListExpiringAgreements,
    private readonly setAccess: SetServiceAccess,
    private readonly removeAccess: RemoveServiceAccess,
    private readonly importer: ImportConsumers,
  ) {}

  @Get()
  @Staff()
  list(@Query() query: SearchConsumersQuery) {
    return this.search.execute(query);
  }

  @Post()
  @StaffWriter()
  create(@Body() body: CreateConsumerDto, @CurrentActor() actor: Actor) {
    return this.register.execute(body, actor);
  }

  @Get('agreements/expiring')
  @Staff()
  expiringAgreements(@Query() query: ExpiringAgreementsQuery) {
    return this.expiring.execute(query.days ?? 60);
  }

  @Post('import')
  @StaffWriter()
  @HttpCode(200)
  @UseInterceptors(CsvBodyInterceptor)
  @ApiConsumes('text/csv', 'application/json')
  @ApiBody({ type: ImportConsumersDto, description: 'The CSV as a text/csv body, or JSON {"csv": "..."}' })
  @ApiOkResponse({ type: ImportResultDto })
  import(@Body() body: unknown, @Query() query: ImportConsumersQuery, @CurrentActor() actor: Actor) {
    return this.importer.execute(csvFrom(body), query.dryRun !== 'false', actor);
  }

  @Get(':id')
  @ConsumerOrStaff()
  one(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() caller: Principal) {
    return this.consumer.execute(id, caller);
  }

  @Patch(':id')
  @StaffWriter()
  change(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateConsumerDto, @CurrentActor() actor: Actor) {
    return this.update.execute(id, body, actor);
  }

  @Post(':id/contacts')
  @StaffWriter()
  createContact(@Param('id', ParseUUIDPipe) id: string, @Body() body: ContactDto, @CurrentActor() actor: Actor) {
    return this.addContact.execute(id, body, actor);
  }

  @Patch(':id/contacts/:contactId')
  @StaffWriter()
  changeContact(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('contactId', ParseUUIDPipe) contactId: string,
    @Body() body: UpdateContactDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.updateContact.execute(id, contactId, body, actor);
  }

  @Delete(':id/contacts/:contactId')
  @StaffWriter()
  @HttpCode(204)
  deleteContact(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('contactId', ParseUUIDPipe) contactId: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.removeContact.execute(id, contactId, actor);
  }

  @Put(':id/agreement')
  @StaffWriter()
  agreement(@Param('id', ParseUUIDPipe) id: string, @Body() body: AgreementDto, @CurrentActor() actor: Actor) {
    return this.setAgreement.execute(id, body, actor);
  }

  @Put(':id/services/:code')
  @StaffWriter()
  service(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('code') code: string,
    @Body() body: SetServiceAccessDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.setAccess.execute(id, code, body, actor).then((r) => r.access);
  }

  @Delete(':id/services/:code')
  @StaffWriter()
  @HttpCode(204)
  deleteService(@Param('id', ParseUUIDPipe) id: string, @Param('code') code: string, @CurrentActor() actor: Actor) {
    return this.removeAccess.execute(id, code, actor);
  }
}

import {
  AddConsumerContact,
  GetConsumer,
  ImportConsumers,
  ListExpiringAgreements,
  RegisterConsumer,
  RemoveConsumerContact,
  RemoveServiceAccess,
  SearchConsumers,
  SetConsumerAgreement,
  SetServiceAccess,
  UpdateConsumer,
  UpdateConsumerContact,
} from '@domain/consumers';
import type { Actor, Principal } from '@domain/shared';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { Allow } from '../auth/access.decorator';
import { CurrentActor, CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { CreatedResource } from '../http/created-resource.decorator';
import { ApiIfMatch, IfMatch, VersionedResource } from '../http/entity-tag.decorator';
import { ParseUuid } from '../http/parse-uuid.pipe';
import {
  AgreementResponse,
  ConsumerImportResponse,
  ConsumerPageResponse,
  ConsumerResponse,
  ContactResponse,
  ExpiringAgreementResponse,
  ServiceAccessResponse,
} from './consumer-responses.dto';
import {
  AgreementDto,
  ContactDto,
  CreateConsumerDto,
  csvFrom,
  ExpiringAgreementsQuery,
  ImportConsumersDto,
  ImportConsumersQuery,
  SearchConsumersQuery,
  SetServiceAccessDto,
  UpdateConsumerDto,
  UpdateContactDto,
} from './consumers.dto';

const UNKNOWN_SERVICE = [400, 'Invalid input, or unknown_service: a service code not in the Bilag 2 version in force'] as const;

@ApiTags('consumers')
@ApiBearerAuth()
@ApiProblems(401, 403)
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
  @Allow('consumer.search')
  @ApiOperation({
    summary: 'Search consumers',
    description: 'Consumers by name, organisation number or municipality number, filtered by status, service, onboarding step or vendor.',
  })
  @ApiOkResponse({ type: ConsumerPageResponse })
  @ApiProblems(400)
  async list(@Query() query: SearchConsumersQuery) {
    return ConsumerPageResponse.from(await this.search.execute(query));
  }

  @Post()
  @Allow('consumer.create')
  @ApiOperation({
    summary: 'Register a consumer',
    description:
      'A municipality, county municipality or other body with its contacts, service access and agreement. ' +
      'With a contact and a service it is active at once: it can get API keys, report and receive notices.',
  })
  @CreatedResource(ConsumerResponse, '/api/v1/consumers/:id')
  @ApiProblems(UNKNOWN_SERVICE, [409, 'consumer_exists: the organisation number is already registered'])
  async create(@Body() body: CreateConsumerDto, @CurrentActor() actor: Actor) {
    return ConsumerResponse.from(await this.register.execute(body, actor));
  }

  @Get('agreements/expiring')
  @Allow('consumer.search')
  @ApiOperation({ summary: 'List expiring agreements', description: 'Consumer agreements that end within `days` days, today included.' })
  @ApiOkResponse({ type: [ExpiringAgreementResponse] })
  @ApiProblems(400)
  async expiringAgreements(@Query() query: ExpiringAgreementsQuery) {
    return (await this.expiring.execute(query.days ?? 60)).map((a) => ExpiringAgreementResponse.from(a));
  }

  @Post('import')
  @Allow('consumer.create')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import consumers from CSV',
    description:
      'Registers or updates consumers by organisation number. A dry run (the default) reports what each row would do and changes ' +
      'nothing; `dryRun=false` applies every valid row and skips rows with errors.',
  })
  @ApiConsumes('text/csv', 'application/json')
  @ApiBody({ description: 'The CSV as a text/csv body, or JSON {"csv": "..."}', type: ImportConsumersDto })
  @ApiOkResponse({ type: ConsumerImportResponse })
  @ApiProblems([400, 'invalid_import_file: the file is not a CSV with the expected header'], 413)
  async import(@Body() body: unknown, @Query() query: ImportConsumersQuery, @CurrentActor() actor: Actor) {
    return ConsumerImportResponse.from(await this.importer.execute(csvFrom(body), query.dryRun !== 'false', actor));
  }

  @Get(':id')
  @Allow('consumer.read')
  @ApiOperation({ summary: 'Get a consumer', description: 'Staff see every consumer; a consumer only itself.' })
  @VersionedResource(ConsumerResponse)
  @ApiProblems(400, [404, "consumer_not_found, also for another consumer's id"])
  async one(@Param('id', ParseUuid) id: string, @CurrentPrincipal() caller: Principal) {
    return ConsumerResponse.from(await this.consumer.execute(id, caller));
  }

  @Patch(':id')
  @Allow('consumer.update')
  @ApiOperation({
    summary: 'Update a consumer',
    description: 'Changes the fields given: organisation number, name, kind, municipality number, status.',
  })
  @VersionedResource(ConsumerResponse)
  @ApiIfMatch()
  @ApiProblems(
    400,
    404,
    [409, 'consumer_exists: another consumer has that organisation number'],
    [412, 'consumer_changed: the consumer was changed since the version in If-Match'],
  )
  async change(
    @Param('id', ParseUuid) id: string,
    @Body() body: UpdateConsumerDto,
    @CurrentActor() actor: Actor,
    @IfMatch() versions?: string[],
  ) {
    return ConsumerResponse.from(await this.update.execute(id, body, actor, versions));
  }

  @Post(':id/contacts')
  @Allow('consumer.update')
  @ApiOperation({ summary: 'Add a contact', description: 'A person at the consumer who receives notices and may sign in to the portal.' })
  @ApiCreatedResponse({ type: ContactResponse })
  @ApiProblems(400, 404, [409, 'contact_exists: the address is already a contact of this consumer'])
  async createContact(@Param('id', ParseUuid) id: string, @Body() body: ContactDto, @CurrentActor() actor: Actor) {
    return ContactResponse.from(await this.addContact.execute(id, body, actor));
  }

  @Patch(':id/contacts/:contactId')
  @Allow('consumer.update')
  @ApiOperation({ summary: 'Update a contact', description: 'Changes the fields given of one contact.' })
  @ApiOkResponse({ type: ContactResponse })
  @ApiProblems(400, [404, 'consumer_not_found or contact_not_found'], [409, 'contact_exists or last_technical_contact'])
  async changeContact(
    @Param('id', ParseUuid) id: string,
    @Param('contactId', ParseUuid) contactId: string,
    @Body() body: UpdateContactDto,
    @CurrentActor() actor: Actor,
  ) {
    return ContactResponse.from(await this.updateContact.execute(id, contactId, body, actor));
  }

  @Delete(':id/contacts/:contactId')
  @Allow('consumer.update')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a contact', description: 'A consumer with a connected service keeps at least one technical contact.' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, [404, 'consumer_not_found or contact_not_found'], [409, 'last_technical_contact'])
  async deleteContact(
    @Param('id', ParseUuid) id: string,
    @Param('contactId', ParseUuid) contactId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.removeContact.execute(id, contactId, actor);
  }

  @Put(':id/agreement')
  @Allow('consumer.update')
  @ApiOperation({
    summary: 'Set the agreement',
    description:
      'Records the consumer agreement (konsumentavtale) in force and the terms versions accepted; earlier ones are kept in the audit log.',
  })
  @ApiOkResponse({ type: AgreementResponse })
  @ApiProblems(400, 404)
  async agreement(@Param('id', ParseUuid) id: string, @Body() body: AgreementDto, @CurrentActor() actor: Actor) {
    return AgreementResponse.from(await this.setAgreement.execute(id, body, actor));
  }

  @Put(':id/services/:code')
  @Allow('consumer.update')
  @ApiOperation({
    summary: 'Grant or change access to a service',
    description: 'Creates or updates the access to one catalogue service: legal basis, purpose, environments, connection method, vendor.',
  })
  @ApiOkResponse({ type: ServiceAccessResponse })
  @ApiProblems(UNKNOWN_SERVICE, 404)
  async service(
    @Param('id', ParseUuid) id: string,
    @Param('code') code: string,
    @Body() body: SetServiceAccessDto,
    @CurrentActor() actor: Actor,
  ) {
    return ServiceAccessResponse.from((await this.setAccess.execute(id, code, body, actor)).access);
  }

  @Delete(':id/services/:code')
  @Allow('consumer.update')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove access to a service',
    description: 'Ends the access to one service; its onboarding leaves the queue with it.',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, [404, 'consumer_not_found or service_access_not_found'])
  async deleteService(@Param('id', ParseUuid) id: string, @Param('code') code: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.removeAccess.execute(id, code, actor);
  }
}

import {
  CompareCatalogueVersions,
  CopyCatalogueVersion,
  CreateCatalogueVersion,
  DeleteCatalogueVersion,
  GetCatalogueInForce,
  GetCatalogueVersion,
  ListCatalogueVersions,
  PublishCatalogueVersion,
  UpdateCatalogueVersion,
} from '@domain/catalogue';
import type { Actor } from '@domain/shared';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';

import { Allow } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-principal.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { CreatedResource } from '../http/created-resource.decorator';
import { ApiIfMatch, IfMatch, VersionedResource } from '../http/entity-tag.decorator';
import { ParseUuid } from '../http/parse-uuid.pipe';
import {
  CatalogueDiffResponse,
  CatalogueVersionDto,
  CatalogueVersionResponse,
  CatalogueVersionSummaryResponse,
  CopyCatalogueVersionDto,
  CreateCatalogueVersionDto,
} from './catalogue.dto';

const PUBLISHED = [409, 'catalogue_version_published: a published version cannot change; copy it to a new draft'] as const;

/** Bilag 2: versions of the service catalogue. Published versions are immutable; change one by publishing a new draft. */
@ApiTags('catalogue')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('api/v1/catalogue')
export class CatalogueController {
  constructor(
    private readonly list: ListCatalogueVersions,
    private readonly get: GetCatalogueVersion,
    private readonly inForce: GetCatalogueInForce,
    private readonly create: CreateCatalogueVersion,
    private readonly copy: CopyCatalogueVersion,
    private readonly update: UpdateCatalogueVersion,
    private readonly publish: PublishCatalogueVersion,
    private readonly remove: DeleteCatalogueVersion,
    private readonly compare: CompareCatalogueVersions,
  ) {}

  @Get('versions')
  @Allow('catalogue.read')
  @ApiOperation({ summary: 'List catalogue versions', description: 'Every Bilag 2 version, drafts included, without their services.' })
  @ApiOkResponse({ type: [CatalogueVersionSummaryResponse] })
  async all() {
    return (await this.list.execute()).map((v) => CatalogueVersionSummaryResponse.from(v));
  }

  @Post('versions')
  @Allow('catalogue.edit')
  @ApiOperation({
    summary: 'Create a draft version',
    description: 'A new draft with the services given, or a copy of the services of `copyFrom`. Staff who may write only.',
  })
  @CreatedResource(CatalogueVersionResponse, '/api/v1/catalogue/versions/:id', 'A new draft (a copy of `copyFrom` when given)')
  @ApiProblems(400, [404, 'catalogue_version_not_found: `copyFrom` names no version'])
  async add(@Body() body: CreateCatalogueVersionDto, @CurrentActor() actor: Actor) {
    return CatalogueVersionResponse.from(
      await (body.copyFrom
        ? this.copy.execute(body.copyFrom, { label: body.label, effectiveFrom: body.effectiveFrom, notes: body.notes }, actor)
        : this.create.execute(body, actor)),
    );
  }

  @Get('in-force')
  @Allow('catalogue.read')
  @ApiOperation({ summary: 'Get the version in force', description: 'The published version in force on a day (default today).' })
  @ApiQuery({ name: 'at', required: false, description: 'YYYY-MM-DD (default today)', example: '2026-07-01' })
  @ApiOkResponse({ type: CatalogueVersionResponse, description: 'The version in force on that day' })
  @ApiProblems(400, [404, 'catalogue_not_in_force: no version was in force on that day'])
  async current(@Query('at') at?: string) {
    return CatalogueVersionResponse.from(await this.inForce.execute(at));
  }

  @Get('versions/:id')
  @Allow('catalogue.read')
  @ApiOperation({ summary: 'Get a catalogue version', description: 'One version with its services.' })
  @VersionedResource(CatalogueVersionResponse)
  @ApiProblems(400, 404)
  async one(@Param('id', ParseUuid) id: string) {
    return CatalogueVersionResponse.from(await this.get.execute(id));
  }

  @Put('versions/:id')
  @Allow('catalogue.edit')
  @ApiOperation({
    summary: 'Replace a draft',
    description: "Replaces a draft's label, date and notes, and its services when `services` is given (without it they are kept).",
  })
  @VersionedResource(CatalogueVersionResponse)
  @ApiIfMatch()
  @ApiProblems(400, 404, PUBLISHED, [412, 'catalogue_version_changed: the draft was changed since the version in If-Match'])
  async replace(
    @Param('id', ParseUuid) id: string,
    @Body() body: CatalogueVersionDto,
    @CurrentActor() actor: Actor,
    @IfMatch() versions?: string[],
  ) {
    return CatalogueVersionResponse.from(await this.update.execute(id, body, actor, versions));
  }

  @Delete('versions/:id')
  @Allow('catalogue.edit')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft', description: 'Deletes a draft version; published versions are kept for good.' })
  @ApiNoContentResponse({ description: 'Draft deleted' })
  @ApiProblems(400, 404, PUBLISHED)
  async drop(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.remove.execute(id, actor);
  }

  @Post('versions/:id/draft')
  @Allow('catalogue.edit')
  @ApiOperation({ summary: 'Copy a version to a new draft', description: 'A new draft holding the services of this version.' })
  @CreatedResource(CatalogueVersionResponse, '/api/v1/catalogue/versions/:id', 'A new draft copied from this version')
  @ApiProblems(400, 404)
  async draft(@Param('id', ParseUuid) id: string, @Body() body: CopyCatalogueVersionDto, @CurrentActor() actor: Actor) {
    return CatalogueVersionResponse.from(await this.copy.execute(id, body, actor));
  }

  @Post('versions/:id/publish')
  @Allow('catalogue.publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish a draft',
    description:
      'The version is in force from its `effectiveFrom`, which may be in the past or the future. Publishing twice changes nothing.',
  })
  @ApiOkResponse({ type: CatalogueVersionResponse })
  @ApiProblems([400, 'catalogue_version_empty: no services; or a service breaks a rule added since it was saved'], 404)
  async publishVersion(@Param('id', ParseUuid) id: string, @CurrentActor() actor: Actor) {
    return CatalogueVersionResponse.from(await this.publish.execute(id, actor));
  }

  @Get('versions/:id/diff')
  @Allow('catalogue.read')
  @ApiOperation({
    summary: 'Compare two versions',
    description: 'What this version adds, removes and changes, service by service and field by field, compared with another.',
  })
  @ApiQuery({
    name: 'against',
    required: false,
    description:
      'The version to compare with (from); default: the one in force today for a draft, the one replaced for a published version',
  })
  @ApiOkResponse({ type: CatalogueDiffResponse })
  @ApiProblems([400, 'No earlier version to compare with; name one in `against`'], 404)
  async diff(@Param('id', ParseUuid) id: string, @Query('against', new ParseUuid({ optional: true })) against?: string) {
    return CatalogueDiffResponse.from(await this.compare.execute(id, against));
  }
}

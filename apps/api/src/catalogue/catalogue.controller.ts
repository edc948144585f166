import { CompareCatalogueVersions } from '@domain/catalogue';
import { CopyCatalogueVersion } from '@domain/catalogue';
import { CreateCatalogueVersion } from '@domain/catalogue';
import { DeleteCatalogueVersion } from '@domain/catalogue';
import { GetCatalogueInForce } from '@domain/catalogue';
import { GetCatalogueVersion } from '@domain/catalogue';
import { ListCatalogueVersions } from '@domain/catalogue';
import { PublishCatalogueVersion } from '@domain/catalogue';
import { UpdateCatalogueVersion } from '@domain/catalogue';
import type { Actor } from '@domain/shared';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';

import { Staff, StaffWriter } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-principal.decorator';
import {
  CatalogueDiffResponse,
  CatalogueVersionDto,
  CatalogueVersionResponse,
  CatalogueVersionSummaryResponse,
  CopyCatalogueVersionDto,
  CreateCatalogueVersionDto,
} from './catalogue.dto';

/** Bilag 2: versions of the service catalogue. Published versions are immutable; change one by publishing a new draft. */
@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('api/v1/catalogue')
@Staff()
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
  @ApiOkResponse({ type: [CatalogueVersionSummaryResponse] })
  all() {
    return this.list.execute();
  }

  @Post('versions')
  @StaffWriter()
  @ApiCreatedResponse({ type: CatalogueVersionResponse, description: 'A new draft (a copy of `copyFrom` when given)' })
  add(@Body() body: CreateCatalogueVersionDto, @CurrentActor() actor: Actor) {
    return body.copyFrom
      ? this.copy.execute(body.copyFrom, { label: body.label, effectiveFrom: body.effectiveFrom, notes: body.notes }, actor)
      : this.create.execute(body, actor);
  }

  @Get('in-force')
  @ApiQuery({ name: 'at', required: false, description: 'YYYY-MM-DD (default today)' })
  @ApiOkResponse({ type: CatalogueVersionResponse, description: 'The version in force on that day; 404 when none was' })
  current(@Query('at') at?: string) {
    return this.inForce.execute(at);
  }

  @Get('versions/:id')
  @ApiOkResponse({ type: CatalogueVersionResponse })
  one(@Param('id', ParseUUIDPipe) id: string) {
    return this.get.execute(id);
  }

  @Put('versions/:id')
  @StaffWriter()
  @ApiOkResponse({
    type: CatalogueVersionResponse,
    description: "Replaces a draft's content; 409 catalogue_version_published for a published version",
  })
  replace(@Param('id', ParseUUIDPipe) id: string, @Body() body: CatalogueVersionDto, @CurrentActor() actor: Actor) {
    return this.update.execute(id, { ...body, services: body.services ?? [] }, actor);
  }

  @Delete('versions/:id')
  @StaffWriter()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Draft deleted; 409 for a published version' })
  async drop(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    await this.remove.execute(id, actor);
  }

  @Post('versions/:id/draft')
  @StaffWriter()
  @ApiCreatedResponse({ type: CatalogueVersionResponse, description: 'A new draft copied from this version' })
  draft(@Param('id', ParseUUIDPipe) id: string, @Body() body: CopyCatalogueVersionDto, @CurrentActor() actor: Actor) {
    return this.copy.execute(id, body, actor);
  }

  @Post('versions/:id/publish')
  @StaffWriter()
  @HttpCode(200)
  @ApiOkResponse({
    type: CatalogueVersionResponse,
    description: 'In force from its effectiveFrom (past or future); 400 naming services when empty',
  })
  publishVersion(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.publish.execute(id, actor);
  }

  @Get('versions/:id/diff')
  @ApiQuery({
    name: 'against',
    required: false,
    description:
      'The version to compare with (from); default: the one in force today for a draft, the one replaced for a published version',
  })
  @ApiOkResponse({ type: CatalogueDiffResponse })
  diff(@Param('id', ParseUUIDPipe) id: string, @Query('against', new ParseUUIDPipe({ optional: true })) against?: string) {
    return this.compare.execute(id, against);
  }
}

import { ManageStaffGroups, StaffGroups } from '@domain/identity';
import type { Actor } from '@domain/shared';
import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-principal.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { CreatedResource } from '../http/created-resource.decorator';
import { ApiIfMatch, IfMatch, VersionedResource } from '../http/entity-tag.decorator';
import { ParseUuid } from '../http/parse-uuid.pipe';
import {
  CreateStaffGroupDto,
  StaffGroupListQueryDto,
  StaffGroupMemberDto,
  StaffGroupResponse,
  UpdateStaffGroupDto,
} from './staff-group.dto';

const NOT_FOUND = [404, 'staff_group_not_found'] as const;
const TAKEN = [409, 'staff_group_name_taken (field name) or staff_group_category_taken (field categories)'] as const;

@ApiTags('identity')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('api/v1/staff-groups')
export class StaffGroupsController {
  constructor(
    private readonly groups: StaffGroups,
    private readonly manage: ManageStaffGroups,
  ) {}

  @Get()
  @Allow('staff-group.read')
  @ApiOperation({
    summary: 'List assignment groups',
    description: 'Staff groups with the ticket categories routed to them and their members, by name; archived ones with `archived=true`.',
  })
  @ApiOkResponse({ type: [StaffGroupResponse] })
  @ApiProblems(400)
  async all(@Query() q: StaffGroupListQueryDto) {
    return (await this.groups.list(q.archived === 'true')).map((g) => StaffGroupResponse.from(g));
  }

  @Get(':id')
  @Allow('staff-group.read')
  @ApiOperation({ summary: 'Get an assignment group', description: 'The group with its categories and members, archived or not.' })
  @VersionedResource(StaffGroupResponse)
  @ApiProblems(400, NOT_FOUND)
  async one(@Param('id', ParseUuid) id: string) {
    return StaffGroupResponse.from(await this.groups.get(id));
  }

  @Post()
  @Allow('staff-group.manage')
  @ApiOperation({ summary: 'Create an assignment group', description: 'Admins only. New tickets of its categories are routed to it.' })
  @CreatedResource(StaffGroupResponse, '/api/v1/staff-groups/:id')
  @ApiProblems(400, TAKEN)
  async add(@Body() body: CreateStaffGroupDto, @CurrentActor() actor: Actor) {
    return StaffGroupResponse.from(await this.manage.create(body, actor));
  }

  @Patch(':id')
  @Allow('staff-group.manage')
  @ApiOperation({
    summary: 'Change an assignment group',
    description: 'Rename it, change its description or categories, archive or restore it. Admins only.',
  })
  @ApiProblems(400, NOT_FOUND, TAKEN, [412, 'staff_group_changed: its details were changed since the version in If-Match'])
  @VersionedResource(StaffGroupResponse)
  @ApiIfMatch()
  async change(
    @Param('id', ParseUuid) id: string,
    @Body() body: UpdateStaffGroupDto,
    @CurrentActor() actor: Actor,
    @IfMatch() versions?: string[],
  ) {
    return StaffGroupResponse.from(await this.manage.update(id, body, actor, versions));
  }

  @Post(':id/members')
  @Allow('staff-group.manage')
  @ApiOperation({ summary: 'Add a member', description: 'An active staff user; adding one twice changes nothing. Admins only.' })
  @ApiCreatedResponse({ type: StaffGroupResponse })
  @ApiProblems([400, 'unknown_staff_user names staffId'], NOT_FOUND)
  async addMember(@Param('id', ParseUuid) id: string, @Body() body: StaffGroupMemberDto, @CurrentActor() actor: Actor) {
    return StaffGroupResponse.from(await this.manage.addMember(id, body.staffId, actor));
  }

  @Delete(':id/members/:staffId')
  @Allow('staff-group.manage')
  @ApiOperation({
    summary: 'Remove a member',
    description: 'Cases already assigned to them stay so until the group changes. Admins only.',
  })
  @ApiOkResponse({ type: StaffGroupResponse })
  @ApiProblems(400, NOT_FOUND)
  async removeMember(@Param('id', ParseUuid) id: string, @Param('staffId', ParseUuid) staffId: string, @CurrentActor() actor: Actor) {
    return StaffGroupResponse.from(await this.manage.removeMember(id, staffId, actor));
  }
}

import { CreateStaffUser, ListStaffUsers, UpdateStaffUser } from '@domain/identity';
import type { Actor } from '@domain/shared';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-principal.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { ParseUuid } from '../http/parse-uuid.pipe';
import { CreateStaffUserDto, StaffUserListItemResponse, StaffUserResponse, UpdateStaffUserDto } from './identity.dto';

@ApiTags('identity')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('api/v1/staff')
export class StaffUsersController {
  constructor(
    private readonly create: CreateStaffUser,
    private readonly list: ListStaffUsers,
    private readonly update: UpdateStaffUser,
  ) {}

  @Get()
  @Allow('staff-user.manage')
  @ApiOperation({ summary: 'List staff users', description: 'Every staff user with role, status and last sign-in. Admins only.' })
  @ApiOkResponse({ type: [StaffUserListItemResponse] })
  async all() {
    return (await this.list.execute()).map((u) => StaffUserListItemResponse.from(u));
  }

  @Post()
  @Allow('staff-user.manage')
  @ApiOperation({
    summary: 'Create a staff user',
    description: 'The new user gets an e-mail with a link to set a password. Admins only.',
  })
  @ApiCreatedResponse({ type: StaffUserResponse })
  @ApiProblems(400, [409, 'staff_email_taken'])
  async add(@Body() body: CreateStaffUserDto, @CurrentActor() actor: Actor) {
    return StaffUserResponse.from((await this.create.execute({ ...body, sendEmail: true }, actor)).user);
  }

  @Patch(':id')
  @Allow('staff-user.manage')
  @ApiOperation({ summary: 'Update a staff user', description: 'Changes name, role or whether the user is active. Admins only.' })
  @ApiOkResponse({ type: StaffUserResponse })
  @ApiProblems(400, 404, [
    409,
    'cannot_demote_self: you cannot deactivate yourself or remove your own admin role; last_admin: no other active administrator would remain',
  ])
  async change(@Param('id', ParseUuid) id: string, @Body() body: UpdateStaffUserDto, @CurrentActor() actor: Actor) {
    return StaffUserResponse.from(await this.update.execute(id, body, actor));
  }
}

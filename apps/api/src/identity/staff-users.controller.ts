import { CreateStaffUser } from '@domain/identity';
import { ListStaffUsers } from '@domain/identity';
import { UpdateStaffUser } from '@domain/identity';
import type { Actor } from '@domain/shared';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { Admin } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-principal.decorator';
import { CreateStaffUserDto, UpdateStaffUserDto } from './identity.dto';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('api/v1/staff')
@Admin()
export class StaffUsersController {
  constructor(
    private readonly create: CreateStaffUser,
    private readonly list: ListStaffUsers,
    private readonly update: UpdateStaffUser,
  ) {}

  @Get()
  all() {
    return this.list.execute();
  }

  @Post()
  add(@Body() body: CreateStaffUserDto, @CurrentActor() actor: Actor) {
    return this.create
      .execute({ ...body, sendEmail: true }, actor)
      .then(({ user }) => ({ id: user.id, email: user.email, name: user.name, role: user.role }));
  }

  @Patch(':id')
  change(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateStaffUserDto, @CurrentActor() actor: Actor) {
    return this.update.execute(id, body, actor).then((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, active: u.active }));
  }
}

import type { StaffPrincipal } from '@domain/shared';
import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListOutboxMessages } from '@platform/mail';

import { Staff } from '../auth/access.decorator';
import { CurrentStaff } from '../auth/current-principal.decorator';
import { ListOutboxQueryDto, OutboxMessageDto, OutboxSummaryDto, toMessage, toSummary } from './outbox.dto';

/** What the system has sent or will send: the operators' view of the e-mail outbox. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/outbox')
@Staff('admin', 'agent', 'security')
export class OutboxController {
  constructor(private readonly mail: ListOutboxMessages) {}

  @Get()
  @ApiOkResponse({ type: [OutboxSummaryDto], description: 'Newest first' })
  async list(@Query() query: ListOutboxQueryDto): Promise<OutboxSummaryDto[]> {
    return (await this.mail.execute(query)).map(toSummary);
  }

  @Get(':id')
  @ApiOkResponse({
    type: OutboxMessageDto,
    description: 'One e-mail with its text and HTML parts; those with a one-time link only for admins',
  })
  async one(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() me: StaffPrincipal): Promise<OutboxMessageDto> {
    return toMessage(await this.mail.one(id, me.role === 'admin'));
  }
}

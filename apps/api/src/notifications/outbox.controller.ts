import { ReadableOutbox } from '@composition';
import type { StaffPrincipal } from '@domain/shared';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../auth/access.decorator';
import { CurrentStaff } from '../auth/current-principal.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { ParseUuid } from '../http/parse-uuid.pipe';
import { ListOutboxQueryDto, OutboxMessageResponse, OutboxSummaryResponse } from './outbox.dto';

/** What the system has sent or will send: the operators' view of the e-mail outbox. */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiProblems(401, 403)
@Controller('api/v1/outbox')
export class OutboxController {
  constructor(private readonly mail: ReadableOutbox) {}

  @Get()
  @Allow('mail.read')
  @ApiOperation({
    summary: 'List outbox e-mails',
    description:
      'Queued and sent e-mails, newest first, without their content. One about a security case the caller may not read has `restricted` set and no subject.',
  })
  @ApiOkResponse({ type: [OutboxSummaryResponse], description: 'Newest first' })
  @ApiProblems(400)
  async list(@Query() query: ListOutboxQueryDto, @CurrentStaff() me: StaffPrincipal): Promise<OutboxSummaryResponse[]> {
    return (await this.mail.list(me, query)).map((m) => OutboxSummaryResponse.from(m));
  }

  @Get(':id')
  @Allow('mail.read')
  @ApiOperation({
    summary: 'Get an outbox e-mail',
    description:
      'One e-mail with its text and HTML parts. Those whose links act for the recipient (password, portal sign-in, notice acknowledgement) only for admins; those about a security case only for the security role and admins.',
  })
  @ApiOkResponse({ type: OutboxMessageResponse })
  @ApiProblems(
    400,
    [
      403,
      'credential_mail: only admins may read e-mails whose links act for the recipient; security_case_restricted: about a security case',
    ],
    404,
  )
  async one(@Param('id', ParseUuid) id: string, @CurrentStaff() me: StaffPrincipal): Promise<OutboxMessageResponse> {
    return OutboxMessageResponse.from(await this.mail.one(me, id));
  }
}

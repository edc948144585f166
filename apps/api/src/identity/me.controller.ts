import type { Principal } from '@domain/shared';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { MeResponse } from './identity.dto';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('api/v1/me')
export class MeController {
  @Get()
  @Allow('profile.read')
  @ApiOperation({
    summary: 'Who am I',
    description: 'The staff member or consumer the credential belongs to; a cheap way to check a token or API key.',
  })
  @ApiOkResponse({ type: MeResponse })
  @ApiProblems(401)
  me(@CurrentPrincipal() principal: Principal): MeResponse {
    return MeResponse.from(principal);
  }
}

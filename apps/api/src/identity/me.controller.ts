import type { Principal } from '@domain/shared';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ConsumerOrStaff } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { MeDto, toMe } from './me.dto';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('api/v1/me')
export class MeController {
  @Get()
  @ConsumerOrStaff()
  @ApiOkResponse({ type: MeDto, description: 'Who the caller is' })
  me(@CurrentPrincipal() principal: Principal): MeDto {
    return toMe(principal);
  }
}

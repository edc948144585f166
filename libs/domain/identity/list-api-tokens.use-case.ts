import { accessScope, StaffPrincipal } from '@domain/shared';
import { Injectable } from '@nestjs/common';

import { ApiToken } from './api-token.entity';
import { ApiTokenRepository } from './api-token.repository';

export type ApiTokenView = Pick<ApiToken, 'id' | 'name' | 'prefix' | 'createdAt' | 'lastUsedAt' | 'revokedAt'> & { staffId: string };

@Injectable()
export class ListApiTokens {
  constructor(private readonly apiTokens: ApiTokenRepository) {}

  async execute(caller: StaffPrincipal, all = false): Promise<ApiTokenView[]> {
    const tokens = await this.apiTokens.list(all && accessScope(caller, 'api-token.manage') === 'all' ? undefined : caller.id);
    return tokens.map(({ id, name, prefix, createdAt, lastUsedAt, revokedAt, staffId }) => ({
      id,
      name,
      prefix,
      createdAt,
      lastUsedAt,
      revokedAt,
      staffId,
    }));
  }
}

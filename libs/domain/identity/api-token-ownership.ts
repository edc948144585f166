import type { OwnershipCheck, Principal } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import type { DomainException } from '@platform/errors';

import { ApiTokenRepository } from './api-token.repository';
import { ApiTokenNotFound } from './identity.exceptions';

/** A personal API token belongs to the staff member it was made for; consumers own none. */
@Injectable()
export class ApiTokenOwnership implements OwnershipCheck {
  constructor(private readonly apiTokens: ApiTokenRepository) {}

  async owned(principal: Principal, ids: ReadonlySet<string>): Promise<ReadonlySet<string>> {
    return principal.kind === 'staff' ? this.apiTokens.ownedBy(principal.id, [...ids]) : new Set();
  }

  notFound(): DomainException {
    return new ApiTokenNotFound();
  }
}

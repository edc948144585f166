import { FindServiceAudience } from '@domain/consumers';
import { Injectable } from '@nestjs/common';

import type { Notice } from './notice.entity';
import { type AudienceRecipient, computeAudience } from './rules/audience';

/** Who a notice reaches now: the registry's candidates through the pure audience rule. */
@Injectable()
export class NoticeAudience {
  constructor(private readonly registry: FindServiceAudience) {}

  async of(
    notice: Pick<Notice, 'services' | 'environments' | 'entitlementPackages' | 'serviceAreas' | 'roles'>,
  ): Promise<AudienceRecipient[]> {
    const candidates = await this.registry.execute(notice.services, notice.environments);
    return computeAudience(notice, candidates);
  }
}

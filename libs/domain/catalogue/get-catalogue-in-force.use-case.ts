import { Injectable } from '@nestjs/common';
import { ValidationFailed } from '@platform/errors';

import { NoCatalogueInForce } from './catalogue.exceptions';
import { CatalogueRepository } from './catalogue.repository';
import { osloDay, toCatalogueDay } from './catalogue-dates';
import type { CatalogueVersionView } from './catalogue-version.view';
import { GetCatalogueVersion } from './get-catalogue-version.use-case';

/** The whole version in force on a day (YYYY-MM-DD or ISO date-time; default today). */
@Injectable()
export class GetCatalogueInForce {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly versions: GetCatalogueVersion,
  ) {}

  async execute(at?: string): Promise<CatalogueVersionView> {
    const day = this.day(at);
    const found = await this.find(day);
    if (!found) throw new NoCatalogueInForce(day);
    return found;
  }

  /** As execute, but null when no version applied that day. */
  async find(at?: string): Promise<CatalogueVersionView | null> {
    const version = await this.catalogue.findInForce(this.day(at));
    return version ? this.versions.view(version) : null;
  }

  private day(at: string | undefined): string {
    if (at === undefined || at === '') return osloDay(new Date());
    const day = toCatalogueDay(at);
    if (!day) throw new ValidationFailed([{ field: 'at', message: 'must be a date (YYYY-MM-DD) or an ISO date-time' }]);
    return day;
  }
}

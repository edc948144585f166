import { Injectable } from '@nestjs/common';

import { CatalogueRepository } from './catalogue.repository';
import { osloDay } from './catalogue-dates';
import type { CatalogueServiceView } from './catalogue-service.view';
import { toServiceView } from './catalogue-version.view';

/**
 * For other contexts: the services of the Bilag 2 version in force at an instant. Nothing is
 * cached, since a publication can change the answer at any moment; each call is one query.
 */
@Injectable()
export class FindServicesInForce {
  constructor(private readonly catalogue: CatalogueRepository) {}

  /** The services with these codes in the version in force at `at` (default now); unknown codes are absent. */
  async execute(codes: string[], at: Date = new Date()): Promise<CatalogueServiceView[]> {
    const wanted = [...new Set(codes)];
    if (!wanted.length) return [];
    return (await this.catalogue.servicesInForce(osloDay(at), wanted)).map(toServiceView);
  }

  /** Every service in the version in force at `at` (default now), in catalogue order. */
  async all(at: Date = new Date()): Promise<CatalogueServiceView[]> {
    return (await this.catalogue.servicesInForce(osloDay(at), null)).map(toServiceView);
  }

  /** Every service code in the version in force at `at` (default now), in catalogue order. */
  async allCodes(at: Date = new Date()): Promise<string[]> {
    return (await this.catalogue.servicesInForce(osloDay(at), null)).map((s) => s.code);
  }
}

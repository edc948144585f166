import { Injectable } from '@nestjs/common';
import { DATABASE_CHANNELS, DatabaseNotifications, NotifiedCache } from '@platform/database';

import { CatalogueRepository } from './catalogue.repository';
import { osloDay } from './catalogue-dates';
import type { CatalogueServiceView } from './catalogue-service.view';
import { toServiceView } from './catalogue-version.view';

/** A publication empties it at once (the database notifies); the limit only bounds memory of past days. */
const CACHE_MS = 10 * 60_000;

/**
 * For other contexts: the services of the Bilag 2 version in force at an instant. Every report
 * asks, and the answer changes only when a version is written, so each process keeps the
 * services in force per day in memory until the database says the catalogue changed.
 */
@Injectable()
export class FindServicesInForce {
  private readonly byDay: NotifiedCache<CatalogueServiceView[]>;

  constructor(
    private readonly catalogue: CatalogueRepository,
    notifications: DatabaseNotifications,
  ) {
    this.byDay = new NotifiedCache(notifications, DATABASE_CHANNELS.catalogueChanged, CACHE_MS, 32);
  }

  /** The services with these codes in the version in force at `at` (default now); unknown codes are absent. */
  async execute(codes: string[], at: Date = new Date()): Promise<CatalogueServiceView[]> {
    const wanted = new Set(codes);
    if (!wanted.size) return [];
    return (await this.all(at)).filter((s) => wanted.has(s.code));
  }

  /** Every service in the version in force at `at` (default now), in catalogue order. */
  async all(at: Date = new Date()): Promise<CatalogueServiceView[]> {
    const day = osloDay(at);
    const services = await this.byDay.resolve(day, async () => (await this.catalogue.servicesInForce(day)).map(toServiceView));
    return services ?? [];
  }

  /** Every service code in the version in force at `at` (default now), in catalogue order. */
  async allCodes(at: Date = new Date()): Promise<string[]> {
    return (await this.all(at)).map((s) => s.code);
  }
}

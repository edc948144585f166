import { SeedCatalogue } from '@domain/catalogue';
import { Injectable } from '@nestjs/common';

/** Seed data for a new installation; each part is idempotent. Contexts add their seeds here. */
@Injectable()
export class SeedTasks {
  constructor(private readonly catalogue: SeedCatalogue) {}

  async run(): Promise<string> {
    const done = [await this.catalogue.execute()];
    return done.join('\n');
  }
}

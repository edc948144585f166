import { Injectable } from '@nestjs/common';

/** Seed data for a new installation; each part is idempotent. Contexts add their seeds here. */
@Injectable()
export class SeedTasks {
  async run(): Promise<string> {
    return 'Nothing to seed yet.';
  }
}

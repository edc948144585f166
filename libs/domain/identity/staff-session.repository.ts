import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { LessThan, MoreThan } from 'typeorm';

import { StaffSession } from './staff-session.entity';

/** Staff sign-in sessions, stored by the hash of their cookie. */
@Injectable()
export class StaffSessionRepository {
  constructor(private readonly db: DatabaseContext) {}

  insert(session: Omit<StaffSession, 'createdAt'>): Promise<unknown> {
    return this.db.repository(StaffSession).insert(session);
  }

  findLive(idHash: string): Promise<StaffSession | null> {
    return this.db.repository(StaffSession).findOneBy({ idHash, expiresAt: MoreThan(new Date()) });
  }

  async delete(idHash: string): Promise<void> {
    await this.db.repository(StaffSession).delete({ idHash });
  }

  async deleteAllOf(staffId: string): Promise<void> {
    await this.db.repository(StaffSession).delete({ staffId });
  }

  async deleteExpired(): Promise<number> {
    const r = await this.db.repository(StaffSession).delete({ expiresAt: LessThan(new Date()) });
    return r.affected ?? 0;
  }
}

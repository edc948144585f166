import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { In, IsNull, LessThan } from 'typeorm';

import { OperationalMessage, type OperationalMessageEndReason } from './operational-message.entity';

/** Operational messages (driftsmeldinger), active and ended. */
@Injectable()
export class OperationalMessageRepository {
  constructor(private readonly db: DatabaseContext) {}

  insert(fields: Partial<OperationalMessage>): Promise<OperationalMessage> {
    return this.db.repository(OperationalMessage).save(this.db.repository(OperationalMessage).create(fields));
  }

  find(id: string): Promise<OperationalMessage | null> {
    return this.db.repository(OperationalMessage).findOneBy({ id });
  }

  lock(id: string): Promise<OperationalMessage | null> {
    return this.db.repository(OperationalMessage).createQueryBuilder('m').setLock('pessimistic_write').where('m.id = :id', { id }).getOne();
  }

  /** The newest ones first, active before ended. */
  recent(limit: number): Promise<OperationalMessage[]> {
    return this.db
      .repository(OperationalMessage)
      .createQueryBuilder('m')
      .orderBy('m.ended_at IS NULL', 'DESC')
      .addOrderBy('m.started_at', 'DESC')
      .limit(limit)
      .getMany();
  }

  /**
   * The messages that can have been active at any instant after `since`, for a rule to pick from
   * (rules/operational-message.ts): started less than `maxAgeMs` before it, and not ended by it.
   * One indexed query; few rows, since messages are few and short.
   */
  activeSince(since: Date, maxAgeMs: number): Promise<OperationalMessage[]> {
    return this.db
      .repository(OperationalMessage)
      .createQueryBuilder('m')
      .where('m.started_at > :startedAfter', { startedAfter: new Date(since.getTime() - maxAgeMs) })
      .andWhere('(m.ended_at IS NULL OR m.ended_at > :since)', { since })
      .getMany();
  }

  activeOfEntries(entryIds: string[]): Promise<OperationalMessage[]> {
    return entryIds.length
      ? this.db.repository(OperationalMessage).findBy({ feedEntryId: In(entryIds), endedAt: IsNull() })
      : Promise.resolve([]);
  }

  /** Ends the message if it is still active; false when it had ended already. */
  async end(id: string, at: Date, reason: OperationalMessageEndReason): Promise<boolean> {
    const r = await this.db.repository(OperationalMessage).update({ id, endedAt: IsNull() }, { endedAt: at, endReason: reason });
    return (r.affected ?? 0) > 0;
  }

  /** Active messages started before `before`: past the maximum age. */
  activeStartedBefore(before: Date): Promise<OperationalMessage[]> {
    return this.db.repository(OperationalMessage).findBy({ endedAt: IsNull(), startedAt: LessThan(before) });
  }
}

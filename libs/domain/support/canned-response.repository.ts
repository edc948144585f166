import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { CannedResponse } from './canned-response.entity';

/** The only database access of canned responses and macros. */
@Injectable()
export class CannedResponseRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get responses() {
    return this.db.repository(CannedResponse);
  }

  list(): Promise<CannedResponse[]> {
    return this.responses.find({ order: { title: 'ASC' } });
  }

  find(id: string): Promise<CannedResponse | null> {
    return this.responses.findOneBy({ id });
  }

  /** The response, its row locked until the transaction ends: an edit reads what it replaces under the lock. */
  lock(id: string): Promise<CannedResponse | null> {
    return this.responses.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(response: Partial<CannedResponse>): Promise<CannedResponse> {
    const saved = await this.responses.save(this.responses.create(response));
    return (await this.find(saved.id))!;
  }

  async delete(id: string): Promise<boolean> {
    return ((await this.responses.delete({ id })).affected ?? 0) > 0;
  }
}

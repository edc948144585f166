import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { In, IsNull } from 'typeorm';

import { ChangeRequest } from './change-request.entity';
import { ChangeRequestSupport } from './change-request-support.entity';
import type { ChangeRequestStatus } from './rules/change-request-rules';

export interface ChangeRequestFilter {
  services?: string[];
  status?: ChangeRequestStatus;
  serviceArea?: string;
}

export interface ChangeRequestSearchRow {
  id: string;
  reference: string;
  title: string;
  status: ChangeRequestStatus;
  serviceCode: string;
  total: number;
}

/** The only database access of change requests and their supports. */
@Injectable()
export class ChangeRequestRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get requests() {
    return this.db.repository(ChangeRequest);
  }

  private get supports() {
    return this.db.repository(ChangeRequestSupport);
  }

  async insert(request: Partial<ChangeRequest>): Promise<ChangeRequest> {
    const saved = await this.requests.save(this.requests.create(request));
    return (await this.find(saved.id))!;
  }

  find(id: string): Promise<ChangeRequest | null> {
    return this.requests.findOneBy({ id });
  }

  findByReference(reference: string): Promise<ChangeRequest | null> {
    return this.requests.findOneBy({ reference });
  }

  /** Norwegian full text of title and description, trigram on the title, the reference exactly; merged requests left out. */
  search(text: string, limit: number): Promise<ChangeRequestSearchRow[]> {
    return this.db.manager.query(
      `WITH q AS (SELECT websearch_to_tsquery('norwegian', $1) AS nb)
       SELECT r.id, r.reference, r.title, r.status, r.service_code AS "serviceCode", count(*) OVER ()::int AS total
       FROM change_request r, q
       WHERE r.merged_into_id IS NULL
         AND (to_tsvector('norwegian', r.title || ' ' || r.description) @@ q.nb OR $1 <% r.title OR r.reference = upper($1))
       ORDER BY (r.reference = upper($1)) DESC, ts_rank(to_tsvector('norwegian', r.title || ' ' || r.description), q.nb)
                + word_similarity($1, r.title) DESC, r.created_at DESC
       LIMIT $2`,
      [text, limit],
    );
  }

  lock(id: string): Promise<ChangeRequest | null> {
    return this.requests.createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
  }

  async update(id: string, patch: Partial<ChangeRequest>): Promise<void> {
    await this.requests.update({ id }, patch);
  }

  /** Live (not merged) requests matching the filter; ranking happens in the rules. */
  list(filter: ChangeRequestFilter): Promise<ChangeRequest[]> {
    if (filter.services && !filter.services.length) return Promise.resolve([]);
    return this.requests.find({
      where: {
        mergedIntoId: IsNull(),
        ...(filter.services ? { serviceCode: In(filter.services) } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.serviceArea ? { serviceArea: filter.serviceArea } : {}),
      },
      order: { createdAt: 'ASC' },
      take: 1000,
    });
  }

  mergedInto(id: string): Promise<ChangeRequest[]> {
    return this.requests.find({ where: { mergedIntoId: id }, order: { createdAt: 'ASC' } });
  }

  supportsOf(requestIds: string[]): Promise<ChangeRequestSupport[]> {
    if (!requestIds.length) return Promise.resolve([]);
    return this.supports.find({ where: { changeRequestId: In(requestIds) }, order: { createdAt: 'ASC' } });
  }

  supportOf(requestId: string, consumerId: string): Promise<ChangeRequestSupport | null> {
    return this.supports.findOneBy({ changeRequestId: requestId, consumerId });
  }

  /** Adds the consumer's support unless it has one already (concurrent calls: the unique index decides). */
  async insertSupportOnce(
    support: Pick<ChangeRequestSupport, 'changeRequestId' | 'consumerId' | 'kind' | 'useCase' | 'addedBy'>,
  ): Promise<boolean> {
    const inserted: unknown[] = await this.db.manager.query(
      `INSERT INTO change_request_support (change_request_id, consumer_id, kind, use_case, added_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (change_request_id, consumer_id) DO NOTHING
       RETURNING id`,
      [support.changeRequestId, support.consumerId, support.kind, support.useCase, support.addedBy],
    );
    return inserted.length > 0;
  }

  async moveSupports(ids: string[], toRequestId: string, movedFromId: string | null): Promise<void> {
    if (!ids.length) return;
    await this.supports.update({ id: In(ids) }, { changeRequestId: toRequestId, movedFromId });
  }

  movedFrom(fromRequestId: string, onRequestId: string): Promise<ChangeRequestSupport[]> {
    return this.supports.findBy({ movedFromId: fromRequestId, changeRequestId: onRequestId });
  }
}

import { Injectable } from '@nestjs/common';
import { DatabaseContext, orderOf, type Page, type PageRequest, pageWindow } from '@platform/database';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { AuditEntry } from './audit-entry.entity';

export interface AuditFilter {
  actor?: string;
  /** An action code or the start of one (`staff.`). */
  action?: string;
  /** Exactly one of these action codes. */
  actions?: string[];
  objectType?: string;
  objectId?: string;
  from?: Date;
  to?: Date;
  limit?: number;
  beforeId?: string;
}

export type AuditSort = 'at' | 'actor' | 'action' | 'object';

const AUDIT_ORDER: Record<AuditSort, string> = {
  at: 'a.at',
  actor: 'a.actorLabel',
  action: 'a.action',
  object: 'a.objectType',
};

@Injectable()
export class AuditRepository {
  constructor(private readonly db: DatabaseContext) {}

  async append(entry: Omit<AuditEntry, 'id' | 'at'>): Promise<void> {
    await this.db.repository(AuditEntry).insert(entry as QueryDeepPartialEntity<AuditEntry>);
  }

  async find(filter: AuditFilter): Promise<AuditEntry[]> {
    const q = this.filtered(filter)
      .orderBy('a.id', 'DESC')
      .limit(Math.min(filter.limit ?? 100, 500));
    if (filter.beforeId) q.andWhere('a.id < :beforeId', { beforeId: filter.beforeId });
    return q.getMany();
  }

  /** One page of the log in the order asked for (newest first by default), and how many entries match. */
  async page(filter: AuditFilter, req: PageRequest<AuditSort>): Promise<Page<AuditEntry>> {
    const { limit, offset } = pageWindow(req, 100);
    const order = orderOf(AUDIT_ORDER, req, { sort: 'at', direction: 'desc' });
    const [items, total] = await this.filtered(filter)
      .orderBy(order.expression, order.direction)
      .addOrderBy('a.id', order.direction)
      .limit(limit)
      .offset(offset)
      .getManyAndCount();
    return { items, total };
  }

  private filtered(filter: AuditFilter) {
    const q = this.db.repository(AuditEntry).createQueryBuilder('a');
    if (filter.actor) q.andWhere('a.actor_label ILIKE :actor', { actor: `%${filter.actor}%` });
    if (filter.action) q.andWhere('a.action ILIKE :action', { action: `${filter.action}%` });
    if (filter.actions?.length) q.andWhere('a.action IN (:...actions)', { actions: filter.actions });
    if (filter.objectType) q.andWhere('a.object_type = :objectType', { objectType: filter.objectType });
    if (filter.objectId) q.andWhere('a.object_id = :objectId', { objectId: filter.objectId });
    if (filter.from) q.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) q.andWhere('a.at < :to', { to: filter.to });
    return q;
  }
}

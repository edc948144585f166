import { Injectable } from '@nestjs/common';
import { DatabaseContext, orderOf, type PageRequest, pageWindow } from '@platform/database';
import { In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { Consumer, type ConsumerStatus } from './consumer.entity';
import { ConsumerAgreement } from './consumer-agreement.entity';
import { ConsumerContact } from './consumer-contact.entity';
import { ConsumerService, type OnboardingStep } from './consumer-service.entity';

export type ConsumerSort = 'name' | 'org' | 'municipality' | 'status';

const CONSUMER_ORDER: Record<ConsumerSort, string> = {
  name: 'c.name',
  org: 'c.orgNumber',
  municipality: 'c.municipalityNumber',
  status: 'c.status',
};

export interface ConsumerSearch extends PageRequest<ConsumerSort> {
  q?: string;
  status?: ConsumerStatus;
  service?: string;
  step?: OnboardingStep;
  vendor?: string;
}

const QUEUE_LOCK = 'segment-desk:consumers:onboarding-queue';

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/** A consumer with what it owns: contacts, service access (with onboarding and the queue) and the agreement. */
@Injectable()
export class ConsumerRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** Inserts unless the organisation number is taken (also under concurrent registration). */
  async insertConsumerIfOrgFree(
    c: Pick<Consumer, 'orgNumber' | 'name' | 'kind' | 'municipalityNumber' | 'status'>,
  ): Promise<Consumer | null> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `INSERT INTO consumer (org_number, name, kind, municipality_number, status) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (org_number) DO NOTHING RETURNING id`,
      [c.orgNumber, c.name, c.kind, c.municipalityNumber, c.status],
    );
    return rows.length ? this.findConsumer(rows[0].id) : null;
  }

  findConsumer(id: string): Promise<Consumer | null> {
    return this.db.repository(Consumer).findOneBy({ id });
  }

  /** The consumer, locked for the rest of the transaction: two changes to it take turns. */
  lockConsumer(id: string): Promise<Consumer | null> {
    return this.db.repository(Consumer).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async orgNumbers(): Promise<string[]> {
    return (await this.db.repository(Consumer).find({ select: { orgNumber: true } })).map((c) => c.orgNumber);
  }

  findConsumerByOrg(orgNumber: string): Promise<Consumer | null> {
    return this.db.repository(Consumer).findOneBy({ orgNumber });
  }

  findConsumers(ids: string[]): Promise<Consumer[]> {
    return ids.length ? this.db.repository(Consumer).find({ where: { id: In(ids) }, order: { name: 'ASC' } }) : Promise.resolve([]);
  }

  findConsumersByOrg(orgNumbers: string[]): Promise<Consumer[]> {
    return orgNumbers.length ? this.db.repository(Consumer).findBy({ orgNumber: In(orgNumbers) }) : Promise.resolve([]);
  }

  async updateConsumer(id: string, changes: QueryDeepPartialEntity<Consumer>): Promise<void> {
    await this.db.repository(Consumer).update({ id }, changes);
  }

  async search(filter: ConsumerSearch): Promise<{ items: Consumer[]; total: number }> {
    const q = this.db.repository(Consumer).createQueryBuilder('c');
    const text = filter.q?.trim();
    if (text) {
      const digits = text.replace(/\s+/g, '');
      // A contact's name or e-mail finds the consumer too (trigram indexes serve the ILIKE).
      const contact =
        'EXISTS (SELECT 1 FROM consumer_contact k WHERE k.consumer_id = c.id AND (k.name ILIKE :name OR k.email ILIKE :name))';
      if (/^\d+$/.test(digits))
        q.andWhere(`(c.name ILIKE :name OR c.org_number LIKE :digits OR c.municipality_number LIKE :digits OR ${contact})`, {
          name: likePattern(text),
          digits: `${digits}%`,
        });
      else q.andWhere(`(c.name ILIKE :name OR ${contact})`, { name: likePattern(text) });
    }
    if (filter.status) q.andWhere('c.status = :status', { status: filter.status });
    const access: string[] = [];
    if (filter.service) access.push('s.service_code = :service');
    if (filter.step) access.push('s.onboarding_step = :step');
    if (filter.vendor?.trim()) access.push('(s.vendor_org_number = :vendorOrg OR s.vendor_name ILIKE :vendorName)');
    if (access.length) {
      q.andWhere(`EXISTS (SELECT 1 FROM consumer_service s WHERE s.consumer_id = c.id AND ${access.join(' AND ')})`, {
        service: filter.service,
        step: filter.step,
        vendorOrg: filter.vendor?.replace(/\s+/g, ''),
        vendorName: likePattern(filter.vendor?.trim() ?? ''),
      });
    }
    const { limit, offset } = pageWindow(filter, 100);
    const order = orderOf(CONSUMER_ORDER, filter, { sort: 'name', direction: 'asc' });
    q.orderBy(order.expression, order.direction).addOrderBy('c.id', 'ASC').limit(limit).offset(offset);
    const [items, total] = await q.getManyAndCount();
    return { items, total };
  }

  /** Ids of consumers with a word of their name beginning with `text`, capped. */
  async idsByName(text: string, limit = 200): Promise<string[]> {
    const t = text.trim();
    if (!t) return [];
    const escaped = t.replace(/[\\%_]/g, (m) => `\\${m}`);
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `SELECT id FROM consumer WHERE name ILIKE $1 OR name ILIKE $2 OR name ILIKE $3 LIMIT $4`,
      [`${escaped}%`, `% ${escaped}%`, `%-${escaped}%`, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Consumers, not terminated, with access to one of the services in one of the environments. */
  withAccess(serviceCodes: string[], environments: string[]): Promise<Consumer[]> {
    return this.db
      .repository(Consumer)
      .createQueryBuilder('c')
      .where(`c.status <> 'terminated'`)
      .andWhere(
        `EXISTS (SELECT 1 FROM consumer_service s WHERE s.consumer_id = c.id AND s.service_code IN (:...codes) AND s.environments && ARRAY[:...envs]::text[])`,
        { codes: serviceCodes, envs: environments },
      )
      .orderBy('c.name', 'ASC')
      .getMany();
  }

  /** Which of the services each of the consumers is registered for in the environment. */
  async registeredServices(
    consumerIds: string[],
    serviceCodes: string[],
    environment: string,
  ): Promise<Array<{ consumerId: string; serviceCode: string }>> {
    const rows: Array<{ consumer_id: string; service_code: string }> = await this.db.manager.query(
      `SELECT consumer_id, service_code FROM consumer_service
        WHERE consumer_id = ANY($1::uuid[]) AND service_code = ANY($2::text[]) AND $3 = ANY(environments)`,
      [consumerIds, serviceCodes, environment],
    );
    return rows.map((r) => ({ consumerId: r.consumer_id, serviceCode: r.service_code }));
  }

  // ---- contacts ----

  listContacts(consumerIds: string[]): Promise<ConsumerContact[]> {
    return consumerIds.length
      ? this.db
          .repository(ConsumerContact)
          .find({ where: { consumerId: In(consumerIds) }, order: { consumerId: 'ASC', role: 'ASC', name: 'ASC' } })
      : Promise.resolve([]);
  }

  findContact(consumerId: string, id: string): Promise<ConsumerContact | null> {
    return this.db.repository(ConsumerContact).findOneBy({ consumerId, id });
  }

  /** Every contact registered with this e-mail, with their consumer. */
  contactsByEmail(email: string): Promise<ConsumerContact[]> {
    return this.db.repository(ConsumerContact).find({ where: { email }, relations: { consumer: true } });
  }

  /** Inserts unless the consumer already has a contact with this e-mail. */
  async insertContactIfNew(
    contact: Pick<ConsumerContact, 'consumerId' | 'name' | 'email' | 'phone' | 'role'>,
  ): Promise<ConsumerContact | null> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `INSERT INTO consumer_contact (consumer_id, name, email, phone, role) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (consumer_id, email) DO NOTHING RETURNING id`,
      [contact.consumerId, contact.name, contact.email, contact.phone, contact.role],
    );
    return rows.length ? this.findContact(contact.consumerId, rows[0].id) : null;
  }

  saveContact(contact: ConsumerContact): Promise<ConsumerContact> {
    return this.db.repository(ConsumerContact).save(contact);
  }

  async deleteContact(id: string): Promise<void> {
    await this.db.repository(ConsumerContact).delete({ id });
  }

  // ---- service access and onboarding ----

  listServices(consumerIds: string[]): Promise<ConsumerService[]> {
    return consumerIds.length
      ? this.db.repository(ConsumerService).find({ where: { consumerId: In(consumerIds) }, order: { serviceCode: 'ASC' } })
      : Promise.resolve([]);
  }

  findService(consumerId: string, serviceCode: string): Promise<ConsumerService | null> {
    return this.db.repository(ConsumerService).findOneBy({ consumerId, serviceCode });
  }

  /** The name a vendor is registered under: on one of the consumer's services, else as a consumer itself. */
  async vendorName(consumerId: string, vendorOrgNumber: string): Promise<string | null> {
    const rows: Array<{ name: string }> = await this.db.manager.query(
      `SELECT name FROM (
         SELECT vendor_name AS name, 0 AS rank FROM consumer_service
          WHERE consumer_id = $1 AND vendor_org_number = $2 AND vendor_name IS NOT NULL
         UNION ALL
         SELECT name, 1 AS rank FROM consumer WHERE org_number = $2
       ) named ORDER BY rank LIMIT 1`,
      [consumerId, vendorOrgNumber],
    );
    return rows[0]?.name ?? null;
  }

  /** Locks the row for the rest of the transaction, so concurrent onboarding changes queue up. */
  findServiceForUpdate(consumerId: string, serviceCode: string): Promise<ConsumerService | null> {
    return this.db.repository(ConsumerService).findOne({ where: { consumerId, serviceCode }, lock: { mode: 'pessimistic_write' } });
  }

  newService(fields: Partial<ConsumerService>): ConsumerService {
    return this.db.repository(ConsumerService).create(fields);
  }

  saveService(service: ConsumerService): Promise<ConsumerService> {
    return this.db.repository(ConsumerService).save(service);
  }

  async deleteService(id: string): Promise<void> {
    await this.db.repository(ConsumerService).delete({ id });
  }

  /** Serialises queue changes for the rest of the transaction. */
  lockQueue(): Promise<void> {
    return this.db.advisoryXactLock(QUEUE_LOCK);
  }

  /** The next place at the back of the onboarding queue; call with the queue locked. */
  async nextQueuePosition(): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.manager.query(
      `SELECT COALESCE(MAX(queue_position), 0) + 1 AS n FROM consumer_service`,
    );
    return Number(rows[0].n);
  }

  /** Service access not yet connected, of consumers not terminated, in queue order. */
  queue(): Promise<ConsumerService[]> {
    return this.db
      .repository(ConsumerService)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.consumer', 'c')
      .where(`s.onboarding_step <> 'connected'`)
      .andWhere(`c.status <> 'terminated'`)
      .orderBy('s.queue_position', 'ASC')
      .addOrderBy('s.created_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  /**
   * Consumers not terminated, counted by the furthest of `steps` (1-based position) any of their
   * service access has reached; 0 for those with no service access.
   */
  async furthestSteps(steps: readonly string[]): Promise<Array<{ position: number; consumers: number }>> {
    const rows: Array<{ position: number; consumers: number }> = await this.db.manager.query(
      `SELECT coalesce(furthest, 0)::int AS position, count(*)::int AS consumers FROM (
         SELECT c.id, max(array_position($1::text[], s.onboarding_step)) AS furthest
         FROM consumer c LEFT JOIN consumer_service s ON s.consumer_id = c.id
         WHERE c.status <> 'terminated'
         GROUP BY c.id) t
       GROUP BY 1`,
      [steps],
    );
    return rows;
  }

  recentlyConnected(limit: number): Promise<ConsumerService[]> {
    return this.db
      .repository(ConsumerService)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.consumer', 'c')
      .where(`s.onboarding_step = 'connected'`)
      .orderBy('s.updated_at', 'DESC')
      .take(limit)
      .getMany();
  }

  async setQueuePositions(ids: string[], positions: number[]): Promise<void> {
    if (!ids.length) return;
    await this.db.manager.query(
      `UPDATE consumer_service s SET queue_position = v.pos FROM unnest($1::uuid[], $2::int[]) AS v(id, pos) WHERE s.id = v.id AND s.queue_position <> v.pos`,
      [ids, positions],
    );
  }

  // ---- agreement ----

  findAgreement(consumerId: string): Promise<ConsumerAgreement | null> {
    return this.db.repository(ConsumerAgreement).findOneBy({ consumerId });
  }

  listAgreements(consumerIds: string[]): Promise<ConsumerAgreement[]> {
    return consumerIds.length ? this.db.repository(ConsumerAgreement).findBy({ consumerId: In(consumerIds) }) : Promise.resolve([]);
  }

  async upsertAgreement(agreement: Omit<ConsumerAgreement, 'id' | 'createdAt' | 'updatedAt' | 'consumer'>): Promise<ConsumerAgreement> {
    const existing = await this.findAgreement(agreement.consumerId);
    const repo = this.db.repository(ConsumerAgreement);
    return repo.save(existing ? repo.merge(existing, agreement) : repo.create(agreement));
  }

  /** Agreements with an end date from `from` to `until` (inclusive), soonest first, of consumers not terminated. */
  expiringAgreements(from: string, until: string): Promise<ConsumerAgreement[]> {
    return this.db
      .repository(ConsumerAgreement)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.consumer', 'c')
      .where('a.valid_to BETWEEN :from AND :until', { from, until })
      .andWhere(`c.status <> 'terminated'`)
      .orderBy('a.valid_to', 'ASC')
      .addOrderBy('c.name', 'ASC')
      .getMany();
  }
}

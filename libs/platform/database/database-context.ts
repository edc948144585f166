import { AsyncLocalStorage } from 'node:async_hooks';

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

/**
 * The only way repositories reach the database. Inside `transaction()` every repository call
 * uses that transaction's EntityManager, so a use case cannot accidentally query on another
 * pooled connection (which deadlocks on the embedded database and breaks atomicity on a server).
 */
@Injectable()
export class DatabaseContext {
  private readonly storage = new AsyncLocalStorage<EntityManager>();
  private readonly selectLists = new Map<string, string>();

  constructor(readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.storage.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.storage.getStore() !== undefined;
  }

  repository<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(entity);
  }

  /**
   * The entity's selectable columns as a select list for `alias`, for a hand-written query on a
   * hot path whose rows `hydrate` turns into entities (TypeORM's query builder costs more CPU to
   * build one query than the database takes to answer it).
   */
  selectList(entity: EntityTarget<ObjectLiteral>, alias: string): string {
    const key = `${this.dataSource.getMetadata(entity).name}:${alias}`;
    let list = this.selectLists.get(key);
    if (!list) {
      list = this.selectableColumns(entity)
        .map((c) => `${alias}."${c.databaseName}"`)
        .join(', ');
      this.selectLists.set(key, list);
    }
    return list;
  }

  /** An entity from a row selected with `selectList`, each value converted as TypeORM converts it. */
  hydrate<T extends ObjectLiteral>(entity: EntityTarget<T>, row: Record<string, unknown>): T {
    const metadata = this.dataSource.getMetadata(entity);
    const out = metadata.create() as T;
    for (const c of this.selectableColumns(entity))
      c.setEntityValue(out, this.dataSource.driver.prepareHydratedValue(row[c.databaseName], c));
    return out;
  }

  private selectableColumns(entity: EntityTarget<ObjectLiteral>) {
    return this.dataSource.getMetadata(entity).columns.filter((c) => c.isSelect);
  }

  /** Runs `work` in one transaction; nested calls join the outer transaction. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const current = this.storage.getStore();
    if (current) return work(current);
    return this.dataSource.transaction((manager) => this.storage.run(manager, () => work(manager)));
  }

  /**
   * Runs `work` on the pool, outside the current transaction: for work that must not hold the
   * transaction's connection or outlive it (a background refresh started from a request).
   */
  detached<T>(work: () => Promise<T>): Promise<T> {
    return this.storage.exit(work);
  }

  /** Serialises a decision across processes for the rest of the current transaction. */
  async advisoryXactLock(key: string): Promise<void> {
    this.assertTransaction('advisoryXactLock');
    await this.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
  }

  /** As `advisoryXactLock` when no one holds the lock; false, without waiting, when someone does. */
  async tryAdvisoryXactLock(key: string): Promise<boolean> {
    this.assertTransaction('tryAdvisoryXactLock');
    const [{ locked }] = await this.manager.query('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked', [key]);
    return locked === true;
  }

  /**
   * Waits until whoever holds the lock has finished, and holds nothing afterwards: a shared
   * session lock taken and given back in one statement (the CTE is evaluated first, once).
   */
  async awaitAdvisoryLock(key: string): Promise<void> {
    await this.manager.query(
      `WITH waited AS MATERIALIZED (SELECT pg_advisory_lock_shared(hashtextextended($1, 0)))
       SELECT pg_advisory_unlock_shared(hashtextextended($1, 0)) FROM waited`,
      [key],
    );
  }

  private assertTransaction(what: string): void {
    if (!this.inTransaction) throw new Error(`${what} needs a transaction`);
  }
}

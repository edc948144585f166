import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { CatalogueService } from './catalogue-service.entity';
import type { CatalogueServiceView } from './catalogue-service.view';
import { CatalogueVersion } from './catalogue-version.entity';

/** The in-force rule in SQL; must agree with versionInForce() in in-force.ts. */
const IN_FORCE_ORDER = 'v.effective_from DESC, v.published_at DESC, v.id DESC';

@Injectable()
export class CatalogueRepository {
  constructor(private readonly db: DatabaseContext) {}

  insertVersion(v: Pick<CatalogueVersion, 'label' | 'effectiveFrom' | 'notes' | 'createdBy'>): Promise<CatalogueVersion> {
    const repo = this.db.repository(CatalogueVersion);
    return repo.save(repo.create({ ...v, status: 'draft' }));
  }

  async updateVersion(
    id: string,
    changes: Partial<Pick<CatalogueVersion, 'label' | 'effectiveFrom' | 'notes' | 'status' | 'publishedAt' | 'publishedBy'>>,
  ): Promise<void> {
    // updated_at is set here too: a change to the services alone is a change to the version.
    await this.db.repository(CatalogueVersion).update({ id }, { ...changes, updatedAt: new Date() });
  }

  findVersion(id: string): Promise<CatalogueVersion | null> {
    return this.db.repository(CatalogueVersion).findOneBy({ id });
  }

  /** Reads the version and locks its row until the transaction ends, so edits and publishing serialise. */
  lockVersion(id: string): Promise<CatalogueVersion | null> {
    return this.db.repository(CatalogueVersion).createQueryBuilder('v').setLock('pessimistic_write').where('v.id = :id', { id }).getOne();
  }

  findVersionByLabel(label: string): Promise<CatalogueVersion | null> {
    return this.db.repository(CatalogueVersion).findOneBy({ label });
  }

  /** Drafts first (latest edited first), then published versions, latest in force first. */
  listVersions(): Promise<CatalogueVersion[]> {
    return this.db
      .repository(CatalogueVersion)
      .createQueryBuilder('v')
      .orderBy(`CASE WHEN v.status = 'draft' THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('v.effective_from', 'DESC')
      .addOrderBy('v.published_at', 'DESC', 'NULLS FIRST')
      .addOrderBy('v.updated_at', 'DESC')
      .getMany();
  }

  async deleteVersion(id: string): Promise<void> {
    await this.db.repository(CatalogueVersion).delete({ id });
  }

  findInForce(day: string): Promise<CatalogueVersion | null> {
    return this.db
      .repository(CatalogueVersion)
      .createQueryBuilder('v')
      .where(`v.status = 'published'`)
      .andWhere('v.effective_from <= :day', { day })
      .orderBy('v.effective_from', 'DESC')
      .addOrderBy('v.published_at', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .limit(1)
      .getOne();
  }

  servicesOf(versionId: string): Promise<CatalogueService[]> {
    return this.db.repository(CatalogueService).find({ where: { versionId }, order: { position: 'ASC' } });
  }

  /** Service codes per version, in listing order, for every version at once. */
  async serviceCodesByVersion(): Promise<Map<string, string[]>> {
    const rows: Array<{ version_id: string; codes: string[] }> = await this.db.manager.query(
      `SELECT version_id, array_agg(code ORDER BY position) AS codes FROM catalogue_service GROUP BY version_id`,
    );
    return new Map(rows.map((r) => [r.version_id, r.codes]));
  }

  async replaceServices(versionId: string, services: readonly CatalogueServiceView[]): Promise<void> {
    const repo = this.db.repository(CatalogueService);
    await repo.delete({ versionId });
    if (services.length) await repo.insert(services.map((s, position) => repo.create({ ...s, versionId, position })));
  }

  /** One indexed query: the services of the version in force on `day`, in catalogue order. */
  servicesInForce(day: string): Promise<CatalogueService[]> {
    return this.db
      .repository(CatalogueService)
      .createQueryBuilder('s')
      .where(
        `s.version_id = (SELECT v.id FROM catalogue_version v WHERE v.status = 'published' AND v.effective_from <= :day ORDER BY ${IN_FORCE_ORDER} LIMIT 1)`,
        { day },
      )
      .orderBy('s.position', 'ASC')
      .getMany();
  }
}

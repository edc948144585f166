import { RecordAudit } from '@domain/audit';
import type { Actor } from '@domain/shared';
import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';
import { ValidationFailed } from '@platform/errors';
import { DomainEvents } from '@platform/events';

import { CatalogueVersionNotFound, EmptyCatalogueVersion } from './catalogue.exceptions';
import { CatalogueRepository } from './catalogue.repository';
import { normaliseServices } from './catalogue-content';
import { CATALOGUE_VERSION_PUBLISHED, type CatalogueVersionPublishedEvent } from './catalogue-events';
import { CatalogueVersionView, toServiceView } from './catalogue-version.view';
import { CompareCatalogueVersions } from './compare-catalogue-versions.use-case';
import { GetCatalogueVersion } from './get-catalogue-version.use-case';

/**
 * Publishes a draft. It is in force from its effectiveFrom, which may be in the past (KS records
 * an earlier version) or the future (scheduled). Publishing a published version changes nothing.
 */
@Injectable()
export class PublishCatalogueVersion {
  constructor(
    private readonly db: DatabaseContext,
    private readonly catalogue: CatalogueRepository,
    private readonly versions: GetCatalogueVersion,
    private readonly audit: RecordAudit,
    private readonly compare: CompareCatalogueVersions,
    private readonly events: DomainEvents,
  ) {}

  async execute(id: string, actor: Actor): Promise<CatalogueVersionView> {
    return this.db.transaction(async () => {
      const version = await this.catalogue.lockVersion(id);
      if (!version) throw new CatalogueVersionNotFound();
      if (version.status === 'published') return this.versions.view(version);
      const services = (await this.catalogue.servicesOf(id)).map(toServiceView);
      if (!services.length) throw new EmptyCatalogueVersion();
      // Stored content was checked when written; checking again keeps rules added since from being bypassed.
      const { errors } = normaliseServices(services);
      if (errors.length) throw new ValidationFailed(errors);
      const publishedAt = new Date();
      await this.catalogue.updateVersion(id, { status: 'published', publishedAt, publishedBy: actor.label });
      await this.audit.execute({
        actor,
        action: 'catalogue_version.published',
        objectType: 'catalogue_version',
        objectId: id,
        before: { status: 'draft' },
        after: { status: 'published', publishedAt, effectiveFrom: version.effectiveFrom, services: services.map((s) => s.code) },
      });
      await this.announceChanges(id, version.label, version.effectiveFrom);
      return this.versions.view((await this.catalogue.findVersion(id))!);
    });
  }

  /** In the publishing transaction: what changed against the version replaced, for other contexts (notices) to react to. */
  private async announceChanges(id: string, label: string, effectiveFrom: string): Promise<void> {
    const diff = await this.compare.execute(id).catch((e: unknown) => {
      if (e instanceof ValidationFailed) return null; // the first version replaces nothing
      throw e;
    });
    if (!diff || (!diff.added.length && !diff.removed.length && !diff.changed.length)) return;
    const event: CatalogueVersionPublishedEvent = {
      versionId: id,
      label,
      effectiveFrom,
      previous: diff.from,
      added: diff.added.map((s) => ({ code: s.code, name: s.name })),
      removed: diff.removed.map((s) => ({ code: s.code, name: s.name })),
      changed: diff.changed.map((c) => ({ code: c.code, name: c.name, fields: c.changes.map((f) => f.field) })),
    };
    await this.events.publish(CATALOGUE_VERSION_PUBLISHED, { ...event });
  }
}

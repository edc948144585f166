import type { Environment } from '@domain/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import type { EntitlementPackage, ServiceLifecycle } from './catalogue-service.view';
import { CatalogueVersion } from './catalogue-version.entity';

/** A service as listed in one catalogue version; rows of a published version never change. */
@Entity('catalogue_service')
@Index('catalogue_service_version_code_key', ['versionId', 'code'], { unique: true })
@Check('catalogue_service_lifecycle_check', `"lifecycle" IN ('active', 'deprecated')`)
@Check('catalogue_service_environments_check', `"environments" <@ ARRAY['production', 'test']::text[]`)
export class CatalogueService {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => CatalogueVersion, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'catalogue_service_version_fk' })
  version?: CatalogueVersion;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  /** Order in which the version lists its services. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'information_types', type: 'text', array: true })
  informationTypes: string[];

  @Column({ name: 'maskinporten_scopes', type: 'text', array: true })
  maskinportenScopes: string[];

  @Column({ name: 'entitlement_packages', type: 'jsonb' })
  entitlementPackages: EntitlementPackage[];

  @Column({ name: 'service_areas', type: 'text', array: true })
  serviceAreas: string[];

  @Column({ type: 'text', array: true })
  environments: Environment[];

  @Column({ name: 'altinn_resource', type: 'text', nullable: true })
  altinnResource: string | null;

  @Column({ name: 'documentation_url', type: 'text', nullable: true })
  documentationUrl: string | null;

  @Column({ type: 'text' })
  lifecycle: ServiceLifecycle;

  @Column({ name: 'sunset_date', type: 'date', nullable: true })
  sunsetDate: string | null;

  @Column({ name: 'escalation_emails', type: 'text', array: true })
  escalationEmails: string[];

  @Column({ name: 'security_emails', type: 'text', array: true })
  securityEmails: string[];
}

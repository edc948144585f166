import { MigrationInterface, QueryRunner } from 'typeorm';

/** Bilag 2: versions of the service catalogue and the services each lists. */
export class Catalogue1795446000000 implements MigrationInterface {
  name = 'Catalogue1795446000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "catalogue_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "label" text NOT NULL, "effective_from" date NOT NULL, "status" text NOT NULL DEFAULT 'draft', "notes" text, "created_by" text NOT NULL, "published_by" text, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "catalogue_version_published_check" CHECK ("status" = 'draft' OR ("published_at" IS NOT NULL AND "published_by" IS NOT NULL)), CONSTRAINT "catalogue_version_status_check" CHECK ("status" IN ('draft', 'published')), CONSTRAINT "PK_72f6d122890c6b782069aa41f53" PRIMARY KEY ("id"))`,
    );
    // "Which version is in force on D": newest effective date, then the latest publication.
    await queryRunner.query(
      `CREATE INDEX "catalogue_version_in_force_idx" ON "catalogue_version" ("effective_from" DESC, "published_at" DESC, "id" DESC) WHERE "status" = 'published'`,
    );
    await queryRunner.query(
      `CREATE TABLE "catalogue_service" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "position" integer NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "description" text NOT NULL, "information_types" text array NOT NULL, "maskinporten_scopes" text array NOT NULL, "entitlement_packages" jsonb NOT NULL, "service_areas" text array NOT NULL, "environments" text array NOT NULL, "altinn_resource" text, "documentation_url" text, "lifecycle" text NOT NULL, "sunset_date" date, "escalation_emails" text array NOT NULL, "security_emails" text array NOT NULL, CONSTRAINT "catalogue_service_environments_check" CHECK ("environments" <@ ARRAY['production', 'test']::text[]), CONSTRAINT "catalogue_service_lifecycle_check" CHECK ("lifecycle" IN ('active', 'deprecated')), CONSTRAINT "PK_18b3d6783c7dc8474f163ddf27c" PRIMARY KEY ("id"))`,
    );
    // Also serves the foreign key and "the services of version V" (leading column).
    await queryRunner.query(`CREATE UNIQUE INDEX "catalogue_service_version_code_key" ON "catalogue_service"  ("version_id", "code") `);
    await queryRunner.query(
      `ALTER TABLE "catalogue_service" ADD CONSTRAINT "catalogue_service_version_fk" FOREIGN KEY ("version_id") REFERENCES "catalogue_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "catalogue_service" DROP CONSTRAINT "catalogue_service_version_fk"`);
    await queryRunner.query(`DROP INDEX "public"."catalogue_service_version_code_key"`);
    await queryRunner.query(`DROP TABLE "catalogue_service"`);
    await queryRunner.query(`DROP INDEX "public"."catalogue_version_in_force_idx"`);
    await queryRunner.query(`DROP TABLE "catalogue_version"`);
  }
}

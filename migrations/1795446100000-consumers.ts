import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The consumer registry: consumers, contacts, service access with onboarding, the agreement,
 * API keys (SHA-256 only) and consumer portal sign-in links and sessions.
 */
export class Consumers1795446100000 implements MigrationInterface {
  name = 'Consumers1795446100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "consumer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "org_number" text NOT NULL, "name" text NOT NULL, "kind" text NOT NULL DEFAULT 'kommune', "municipality_number" text, "status" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "consumer_status_check" CHECK ("status" IN ('applicant', 'active', 'suspended', 'terminated')), CONSTRAINT "consumer_kind_check" CHECK ("kind" IN ('kommune', 'fylkeskommune', 'other')), CONSTRAINT "consumer_municipality_number_check" CHECK ("municipality_number" ~ '^[0-9]{4}$'), CONSTRAINT "consumer_org_number_check" CHECK ("org_number" ~ '^[0-9]{9}$'), CONSTRAINT "PK_85625b4d465d3aa0eb905127822" PRIMARY KEY ("id"))`,
    );
    // One consumer per organisation number: registration relies on it (ON CONFLICT → 409 consumer_exists).
    await queryRunner.query(`CREATE UNIQUE INDEX "consumer_org_number_key" ON "consumer"  ("org_number") `);
    await queryRunner.query(`CREATE INDEX "consumer_municipality_number_idx" ON "consumer"  ("municipality_number") `);
    await queryRunner.query(`CREATE INDEX "consumer_status_idx" ON "consumer"  ("status") `);
    await queryRunner.query(
      `CREATE TABLE "consumer_agreement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "consumer_id" uuid NOT NULL, "signed_on" date NOT NULL, "signatory_name" text NOT NULL, "signatory_title" text, "valid_from" date NOT NULL, "valid_to" date, "accepted_terms" jsonb NOT NULL DEFAULT '[]'::jsonb, "document_reference" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_48f1d1ebded0032db8202abb825" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "consumer_agreement_consumer_key" ON "consumer_agreement"  ("consumer_id") `);
    await queryRunner.query(`CREATE INDEX "consumer_agreement_valid_to_idx" ON "consumer_agreement"  ("valid_to") `);
    await queryRunner.query(
      `CREATE TABLE "consumer_api_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "consumer_id" uuid NOT NULL, "name" text, "prefix" text NOT NULL, "key_hash" text NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_240bf24190ba14b6f60309b95fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "consumer_api_key_consumer_idx" ON "consumer_api_key"  ("consumer_id") `);
    // Keys are looked up by their SHA-256 on every request; the key itself is never stored.
    await queryRunner.query(`CREATE UNIQUE INDEX "consumer_api_key_hash_key" ON "consumer_api_key"  ("key_hash") `);
    await queryRunner.query(
      `CREATE TABLE "consumer_contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "consumer_id" uuid NOT NULL, "name" text NOT NULL, "email" text NOT NULL, "phone" text, "role" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "consumer_contact_role_check" CHECK ("role" IN ('technical', 'professional', 'security')), CONSTRAINT "PK_d1084835c7096703c81d72dfcd0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "consumer_contact_email_idx" ON "consumer_contact"  ("email") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "consumer_contact_consumer_email_key" ON "consumer_contact"  ("consumer_id", "email") `);
    await queryRunner.query(
      `CREATE TABLE "consumer_service" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "consumer_id" uuid NOT NULL, "service_code" text NOT NULL, "environments" text array NOT NULL, "legal_basis" text, "law_reference" text, "purpose" text, "service_area" text, "entitlement_package" text, "connection_method" text, "vendor_org_number" text, "vendor_name" text, "vendor_since" TIMESTAMP WITH TIME ZONE, "vendor_history" jsonb NOT NULL DEFAULT '[]'::jsonb, "data_processing_agreement_confirmed" boolean NOT NULL DEFAULT false, "altinn_delegation_confirmed_at" TIMESTAMP WITH TIME ZONE, "maskinporten_scope" text, "onboarding_step" text NOT NULL DEFAULT 'requested', "onboarding_history" jsonb NOT NULL DEFAULT '[]'::jsonb, "checklist" jsonb NOT NULL DEFAULT '{}'::jsonb, "queue_position" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "consumer_service_onboarding_step_check" CHECK ("onboarding_step" IN ('requested', 'qualified', 'readiness-tested', 'connected')), CONSTRAINT "consumer_service_connection_method_check" CHECK ("connection_method" IN ('direct', 'vendor', 'fiks')), CONSTRAINT "consumer_service_environments_check" CHECK ("environments" <@ ARRAY['production', 'test']::text[]), CONSTRAINT "PK_752b989eb82a2fe9d6bf0034743" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "consumer_service_code_idx" ON "consumer_service"  ("service_code") `);
    await queryRunner.query(`CREATE INDEX "consumer_service_vendor_idx" ON "consumer_service"  ("vendor_org_number") `);
    await queryRunner.query(`CREATE INDEX "consumer_service_queue_idx" ON "consumer_service"  ("onboarding_step", "queue_position") `);
    // One access row per consumer and service; vendor changes are kept in vendor_history, not as new rows.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "consumer_service_consumer_code_key" ON "consumer_service"  ("consumer_id", "service_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "portal_session" ("id_hash" text NOT NULL, "consumer_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "csrf_token" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ip" text, "user_agent" text, CONSTRAINT "PK_16399f108f30130ff562b56151d" PRIMARY KEY ("id_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "portal_session_contact_idx" ON "portal_session"  ("contact_id") `);
    await queryRunner.query(`CREATE INDEX "portal_session_expires_idx" ON "portal_session"  ("expires_at") `);
    await queryRunner.query(
      `CREATE TABLE "portal_sign_in_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "consumer_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f1fed8a49fb2ba0b8f9590d9a91" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "portal_sign_in_token_contact_idx" ON "portal_sign_in_token"  ("contact_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "portal_sign_in_token_hash_key" ON "portal_sign_in_token"  ("token_hash") `);
    await queryRunner.query(
      `ALTER TABLE "consumer_agreement" ADD CONSTRAINT "consumer_agreement_consumer_fk" FOREIGN KEY ("consumer_id") REFERENCES "consumer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consumer_api_key" ADD CONSTRAINT "consumer_api_key_consumer_fk" FOREIGN KEY ("consumer_id") REFERENCES "consumer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consumer_contact" ADD CONSTRAINT "consumer_contact_consumer_fk" FOREIGN KEY ("consumer_id") REFERENCES "consumer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consumer_service" ADD CONSTRAINT "consumer_service_consumer_fk" FOREIGN KEY ("consumer_id") REFERENCES "consumer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "portal_session" ADD CONSTRAINT "portal_session_consumer_fk" FOREIGN KEY ("consumer_id") REFERENCES "consumer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Removing a contact ends their portal sessions and spends their sign-in links.
    await queryRunner.query(
      `ALTER TABLE "portal_session" ADD CONSTRAINT "portal_session_contact_fk" FOREIGN KEY ("contact_id") REFERENCES "consumer_contact"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "portal_sign_in_token" ADD CONSTRAINT "portal_sign_in_token_consumer_fk" FOREIGN KEY ("consumer_id") REFERENCES "consumer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "portal_sign_in_token" ADD CONSTRAINT "portal_sign_in_token_contact_fk" FOREIGN KEY ("contact_id") REFERENCES "consumer_contact"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "portal_sign_in_token" DROP CONSTRAINT "portal_sign_in_token_contact_fk"`);
    await queryRunner.query(`ALTER TABLE "portal_sign_in_token" DROP CONSTRAINT "portal_sign_in_token_consumer_fk"`);
    await queryRunner.query(`ALTER TABLE "portal_session" DROP CONSTRAINT "portal_session_contact_fk"`);
    await queryRunner.query(`ALTER TABLE "portal_session" DROP CONSTRAINT "portal_session_consumer_fk"`);
    await queryRunner.query(`ALTER TABLE "consumer_service" DROP CONSTRAINT "consumer_service_consumer_fk"`);
    await queryRunner.query(`ALTER TABLE "consumer_contact" DROP CONSTRAINT "consumer_contact_consumer_fk"`);
    await queryRunner.query(`ALTER TABLE "consumer_api_key" DROP CONSTRAINT "consumer_api_key_consumer_fk"`);
    await queryRunner.query(`ALTER TABLE "consumer_agreement" DROP CONSTRAINT "consumer_agreement_consumer_fk"`);
    await queryRunner.query(`DROP INDEX "public"."portal_sign_in_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."portal_sign_in_token_contact_idx"`);
    await queryRunner.query(`DROP TABLE "portal_sign_in_token"`);
    await queryRunner.query(`DROP INDEX "public"."portal_session_expires_idx"`);
    await queryRunner.query(`DROP INDEX "public"."portal_session_contact_idx"`);
    await queryRunner.query(`DROP TABLE "portal_session"`);
    await queryRunner.query(`DROP INDEX "public"."consumer_service_consumer_code_key"`);
    await queryRunner.query(`DROP INDEX "public"."consumer_service_queue_idx"`);
    await queryRunner.query(`DROP INDEX "public"."consumer_service_vendor_idx"`);
    await queryRunner.query(`DROP INDEX "public"."consumer_service_code_idx"`);
    await queryRunner.query(`DROP TABLE "consumer_service"`);
    await queryRunner.query(`DROP INDEX "public"."consumer_contact_consumer_email_key"`);
    await queryRunner.query(`DROP INDEX "public"."consumer_contact_email_idx"`);
    await queryRunner.query(`DROP TABLE "consumer_contact"`);
    await queryRunner.query(`DROP INDEX "public"."consumer_api_key_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."consumer_api_key_consumer_idx"`);
    await queryRunner.query(`DROP TABLE "consumer_api_key"`);
    await queryRunner.query(`DROP INDEX "public"."consumer_agreement_valid_to_idx"`);
    await queryRunner.query(`DROP INDEX "public"."consumer_agreement_consumer_key"`);
    await queryRunner.query(`DROP TABLE "consumer_agreement"`);
    await queryRunner.query(`DROP INDEX "public"."consumer_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."consumer_municipality_number_idx"`);
    await queryRunner.query(`DROP INDEX "public"."consumer_org_number_key"`);
    await queryRunner.query(`DROP TABLE "consumer"`);
  }
}

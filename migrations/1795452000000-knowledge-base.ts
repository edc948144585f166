import { MigrationInterface, QueryRunner } from 'typeorm';

const CONTENT = `jsonb_build_object('slug', "slug", 'title', "title", 'category', "category", 'serviceCodes', to_jsonb("service_codes"),
  'keywords', to_jsonb("keywords"), 'errorCodes', to_jsonb("error_codes"), 'httpStatuses', to_jsonb("http_statuses"), 'answer', "answer",
  'body', "body", 'checklist', to_jsonb("checklist"), 'ownerId', "owner_id", 'reviewDue', "review_due")`;

/**
 * The knowledge base grows from suggestions into articles with versions: Markdown body,
 * category, services, status, owner and review date, each save kept as a version, and the
 * deflection counts. Full-text search keeps two vectors in a trigger: 'norwegian' (Snowball
 * stems bokmål and most nynorsk endings alike: skattemeldinga → skattemelding) and 'simple'
 * (the exact words, for forms the stemmer does not meet); error codes are folded into one
 * text with a trigram index, so "SSG-008" and "ssg008" find each other.
 */
export class KnowledgeBase1795452000000 implements MigrationInterface {
  name = 'KnowledgeBase1795452000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "knowledge_article" ADD "category" text NOT NULL DEFAULT 'access'`);
    await queryRunner.query(`ALTER TABLE "knowledge_article" ADD "service_codes" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "knowledge_article" ADD "body" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "knowledge_article" ADD "status" text NOT NULL DEFAULT 'draft'`);
    await queryRunner.query(`ALTER TABLE "knowledge_article" ADD "owner_id" uuid`);
    await queryRunner.query(`ALTER TABLE "knowledge_article" ADD "review_due" date`);
    await queryRunner.query(`ALTER TABLE "knowledge_article" ADD "version" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "knowledge_article" ADD "published_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "knowledge_article" ADD "search_nb" tsvector`);
    await queryRunner.query(`ALTER TABLE "knowledge_article" ADD "search_simple" tsvector`);
    await queryRunner.query(`ALTER TABLE "knowledge_article" ADD "codes_folded" text`);
    await queryRunner.query(
      `UPDATE "knowledge_article" SET "status" = CASE WHEN "published" THEN 'published' ELSE 'draft' END, "published_at" = CASE WHEN "published" THEN "updated_at" END`,
    );
    await queryRunner.query(`ALTER TABLE "knowledge_article" DROP COLUMN "published"`);
    await queryRunner.query(
      `ALTER TABLE "knowledge_article" ADD CONSTRAINT "knowledge_article_status_check" CHECK ("status" IN ('draft', 'published', 'archived'))`,
    );

    await queryRunner.query(`CREATE FUNCTION knowledge_article_search() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        tags text := array_to_string(NEW.keywords, ' ') || ' ' || array_to_string(NEW.error_codes, ' ');
        answer text := NEW.answer || ' ' || array_to_string(NEW.checklist, ' ');
      BEGIN
        NEW.search_nb := setweight(to_tsvector('norwegian', NEW.title), 'A') || setweight(to_tsvector('norwegian', tags), 'B')
          || setweight(to_tsvector('norwegian', answer), 'C') || setweight(to_tsvector('norwegian', NEW.body), 'D');
        NEW.search_simple := setweight(to_tsvector('simple', NEW.title), 'A') || setweight(to_tsvector('simple', tags), 'B')
          || setweight(to_tsvector('simple', answer), 'C') || setweight(to_tsvector('simple', NEW.body), 'D');
        NEW.codes_folded := lower(regexp_replace(array_to_string(NEW.error_codes, ' '), '[-_.]', '', 'g'));
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER knowledge_article_search BEFORE INSERT OR UPDATE ON "knowledge_article" FOR EACH ROW EXECUTE FUNCTION knowledge_article_search()`,
    );
    // Fills the vectors of the articles already there.
    await queryRunner.query(`UPDATE "knowledge_article" SET "title" = "title"`);
    await queryRunner.query(`CREATE INDEX "knowledge_article_search_nb_idx" ON "knowledge_article" USING gin ("search_nb")`);
    await queryRunner.query(`CREATE INDEX "knowledge_article_search_simple_idx" ON "knowledge_article" USING gin ("search_simple")`);
    await queryRunner.query(
      `CREATE INDEX "knowledge_article_codes_trgm_idx" ON "knowledge_article" USING gin ("codes_folded" gin_trgm_ops)`,
    );

    await queryRunner.query(
      `CREATE TABLE "knowledge_article_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "version" integer NOT NULL, "content" jsonb NOT NULL, "note" text NOT NULL, "saved_by" text NOT NULL, "saved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_knowledge_article_version" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "knowledge_article_version_key" ON "knowledge_article_version" ("article_id", "version") `,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_article_version" ADD CONSTRAINT "knowledge_article_version_article_fk" FOREIGN KEY ("article_id") REFERENCES "knowledge_article"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "knowledge_article_version" ("article_id", "version", "content", "note", "saved_by", "saved_at") SELECT "id", 1, ${CONTENT}, 'seeded', 'KS', "created_at" FROM "knowledge_article"`,
    );

    await queryRunner.query(
      `CREATE TABLE "knowledge_deflection" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "kind" text NOT NULL, "channel" text NOT NULL, "session" text NOT NULL, "consumer_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "knowledge_deflection_kind_check" CHECK ("kind" IN ('shown', 'helped')), CONSTRAINT "PK_knowledge_deflection" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "knowledge_deflection_session_key" ON "knowledge_deflection" ("article_id", "kind", "session") `,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_deflection" ADD CONSTRAINT "knowledge_deflection_article_fk" FOREIGN KEY ("article_id") REFERENCES "knowledge_article"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "knowledge_deflection"`);
    await queryRunner.query(`DROP TABLE "knowledge_article_version"`);
    await queryRunner.query(`DROP TRIGGER "knowledge_article_search" ON "knowledge_article"`);
    await queryRunner.query(`DROP FUNCTION knowledge_article_search()`);
    await queryRunner.query(`ALTER TABLE "knowledge_article" ADD "published" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`UPDATE "knowledge_article" SET "published" = ("status" = 'published')`);
    await queryRunner.query(`ALTER TABLE "knowledge_article" DROP CONSTRAINT "knowledge_article_status_check"`);
    for (const column of [
      'codes_folded',
      'search_simple',
      'search_nb',
      'published_at',
      'version',
      'review_due',
      'owner_id',
      'status',
      'body',
      'service_codes',
      'category',
    ])
      await queryRunner.query(`ALTER TABLE "knowledge_article" DROP COLUMN "${column}"`);
  }
}

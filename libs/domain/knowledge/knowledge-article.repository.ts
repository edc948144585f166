import { Injectable } from '@nestjs/common';
import { countPerOsloWeek, DatabaseContext, type WeeklyCounts } from '@platform/database';
import { In } from 'typeorm';

import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeArticleVersion } from './knowledge-article-version.entity';
import { KnowledgeDeflection } from './knowledge-deflection.entity';
import type { ArticleCategory, ArticleStatus } from './rules/article-rules';

export interface ArticleSearch {
  /** Free text; empty lists every article the filters let through. */
  text: string;
  /** Folded error codes found in the text (rules/search-terms). */
  codes: string[];
  statuses: number[];
  status?: ArticleStatus[];
  category?: ArticleCategory;
  /** Articles about this service or about every service. */
  service?: string;
  /** Review due on or before this date. */
  reviewDueBy?: string;
  limit: number;
}

export interface DeflectionCount {
  articleId: string;
  shown: number;
  helped: number;
}

// The words of the text that carry meaning (not Norwegian stop words, bokmål or nynorsk), each
// OR-ed in: a longer text ranks articles by how much of it they share rather than needing all of it.
const SEARCH_QUERY = `
  WITH words AS (
    SELECT w FROM unnest(tsvector_to_array(to_tsvector('simple', $1))) w WHERE numnode(plainto_tsquery('norwegian', w)) > 0
  ), q AS (
    SELECT (SELECT string_agg('(' || plainto_tsquery('norwegian', w)::text || ')', ' | ') FROM words)::tsquery AS nb,
           (SELECT string_agg('(' || plainto_tsquery('simple', w)::text || ')', ' | ') FROM words)::tsquery AS simple
  )
  SELECT a.id,
    coalesce(ts_rank(a.search_nb, q.nb), 0) + 0.5 * coalesce(ts_rank(a.search_simple, q.simple), 0)
      + CASE WHEN EXISTS (SELECT 1 FROM unnest($2::text[]) c WHERE c <% a.codes_folded) THEN 1 ELSE 0 END
      + CASE WHEN a.http_statuses && $3::int[] THEN 0.1 ELSE 0 END AS rank
  FROM knowledge_article a, q
  WHERE ($1 = '' OR a.search_nb @@ q.nb OR a.search_simple @@ q.simple
         OR EXISTS (SELECT 1 FROM unnest($2::text[]) c WHERE c <% a.codes_folded) OR a.http_statuses && $3::int[])
    AND ($4::text[] IS NULL OR a.status = ANY($4))
    AND ($5::text IS NULL OR a.category = $5)
    AND ($6::text IS NULL OR a.service_codes = '{}' OR $6 = ANY(a.service_codes))
    AND ($7::date IS NULL OR a.review_due <= $7)
  ORDER BY rank DESC, a.title
  LIMIT $8`;

/** The only database access of the knowledge base: articles, their versions and the deflection counts. */
@Injectable()
export class KnowledgeArticleRepository {
  constructor(private readonly db: DatabaseContext) {}

  published(): Promise<KnowledgeArticle[]> {
    return this.db.repository(KnowledgeArticle).find({ where: { status: 'published' }, order: { title: 'ASC' } });
  }

  find(id: string): Promise<KnowledgeArticle | null> {
    return this.db.repository(KnowledgeArticle).findOneBy({ id });
  }

  findBySlug(slug: string): Promise<KnowledgeArticle | null> {
    return this.db.repository(KnowledgeArticle).findOneBy({ slug });
  }

  byIds(ids: string[]): Promise<KnowledgeArticle[]> {
    return ids.length ? this.db.repository(KnowledgeArticle).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** The article locked for the rest of the transaction, so two saves number their versions one after the other. */
  lock(id: string): Promise<KnowledgeArticle | null> {
    return this.db.repository(KnowledgeArticle).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(article: Partial<KnowledgeArticle>): Promise<KnowledgeArticle> {
    const { identifiers } = await this.db.repository(KnowledgeArticle).insert(article as never);
    return (await this.find(String(identifiers[0].id)))!;
  }

  async update(id: string, patch: Partial<KnowledgeArticle>): Promise<void> {
    await this.db.repository(KnowledgeArticle).update(id, patch as never);
  }

  async insertVersion(version: Partial<KnowledgeArticleVersion>): Promise<void> {
    await this.db.repository(KnowledgeArticleVersion).insert(version as never);
  }

  versions(articleId: string): Promise<KnowledgeArticleVersion[]> {
    return this.db.repository(KnowledgeArticleVersion).find({ where: { articleId }, order: { version: 'DESC' } });
  }

  version(articleId: string, version: number): Promise<KnowledgeArticleVersion | null> {
    return this.db.repository(KnowledgeArticleVersion).findOneBy({ articleId, version });
  }

  /** Article ids with their rank, best first (see SEARCH_QUERY). */
  async search(s: ArticleSearch): Promise<Array<{ id: string; rank: number }>> {
    const rows: Array<{ id: string; rank: number }> = await this.db.manager.query(SEARCH_QUERY, [
      s.text.trim(),
      s.codes,
      s.statuses,
      s.status ?? null,
      s.category ?? null,
      s.service ?? null,
      s.reviewDueBy ?? null,
      s.limit,
    ]);
    return rows.map((r) => ({ id: r.id, rank: Number(r.rank) }));
  }

  /** Counts the event once per article, kind and session: false when it was counted before. */
  async recordDeflection(event: Pick<KnowledgeDeflection, 'articleId' | 'kind' | 'channel' | 'session' | 'consumerId'>): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `INSERT INTO knowledge_deflection (article_id, kind, channel, session, consumer_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (article_id, kind, session) DO NOTHING RETURNING id`,
      [event.articleId, event.kind, event.channel, event.session, event.consumerId],
    );
    return rows.length > 0;
  }

  /**
   * Per Oslo week of its first suggestion: each session of a form in `channels` that was shown
   * suggestions, keyed `helped` when «Dette løste saken» was pressed on one, else `sent`.
   */
  deflectionSessionsPerWeek(channels: readonly string[], until: Date, weeks: number): Promise<WeeklyCounts> {
    return countPerOsloWeek(
      this.db.manager,
      {
        sql: `SELECT min(created_at) FILTER (WHERE kind = 'shown') AS at,
                     CASE WHEN bool_or(kind = 'helped') THEN 'helped' ELSE 'sent' END AS key
              FROM knowledge_deflection WHERE channel = ANY($1::text[])
              GROUP BY channel, session HAVING bool_or(kind = 'shown')`,
        params: [channels],
      },
      until,
      weeks,
    );
  }

  /**
   * The articles that solved most cases on forms in `channels` in the `weeks` Oslo weeks up to and
   * including the one `until` falls in, with how often each was shown there.
   */
  async topDeflecting(
    channels: readonly string[],
    until: Date,
    weeks: number,
    limit: number,
  ): Promise<Array<{ articleId: string; title: string; slug: string; shown: number; helped: number }>> {
    const rows: Array<{ id: string; title: string; slug: string; shown: number; helped: number }> = await this.db.manager.query(
      `SELECT a.id, a.title, a.slug, count(*) FILTER (WHERE d.kind = 'shown')::int AS shown, count(*) FILTER (WHERE d.kind = 'helped')::int AS helped
       FROM knowledge_deflection d JOIN knowledge_article a ON a.id = d.article_id
       WHERE d.channel = ANY($1::text[])
         AND d.created_at >= ((date_trunc('week', $2::timestamptz AT TIME ZONE 'Europe/Oslo') - ($3::int - 1) * interval '1 week') AT TIME ZONE 'Europe/Oslo')
         AND d.created_at < ((date_trunc('week', $2::timestamptz AT TIME ZONE 'Europe/Oslo') + interval '1 week') AT TIME ZONE 'Europe/Oslo')
       GROUP BY a.id, a.title, a.slug
       HAVING count(*) FILTER (WHERE d.kind = 'helped') > 0
       ORDER BY helped DESC, shown DESC, a.title
       LIMIT $4`,
      [channels, until, weeks, limit],
    );
    return rows.map((r) => ({ articleId: r.id, title: r.title, slug: r.slug, shown: Number(r.shown), helped: Number(r.helped) }));
  }

  async deflectionCounts(articleIds?: string[]): Promise<DeflectionCount[]> {
    const rows: Array<{ article_id: string; shown: string; helped: string }> = await this.db.manager.query(
      `SELECT article_id, count(*) FILTER (WHERE kind = 'shown') AS shown, count(*) FILTER (WHERE kind = 'helped') AS helped
       FROM knowledge_deflection WHERE ($1::uuid[] IS NULL OR article_id = ANY($1)) GROUP BY article_id`,
      [articleIds ?? null],
    );
    return rows.map((r) => ({ articleId: r.article_id, shown: Number(r.shown), helped: Number(r.helped) }));
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { DatabaseContext } from '@platform/database';

import { GroupingLessonRepository } from './grouping-lesson.repository';
import { ReportRepository } from './report.repository';
import { CorpusStats } from './rules/corpus-stats';
import type { MatchContext } from './rules/match-report';
import { CORPUS_REFRESH_MS, CORPUS_WINDOW_REPORTS } from './rules/matching.constants';

/**
 * The statistics matching weighs words by, and the lessons staff corrections taught, kept in
 * memory: read from the stored reports at first use, grown by every report this process
 * places, and read again in the background now and then so replicas converge. A background
 * read never runs on a caller's transaction, nor outlives it.
 */
@Injectable()
export class MatchingCorpus {
  private readonly logger = new Logger(MatchingCorpus.name);
  private corpus = new CorpusStats();
  private related = new Map<string, Map<string, number>>();
  private loadedAt: number | null = null;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly db: DatabaseContext,
    private readonly reports: ReportRepository,
    private readonly lessons: GroupingLessonRepository,
  ) {}

  /**
   * The context for matching. The first call reads the stored reports; later ones answer at
   * once and start a refresh in the background when the statistics are older than CORPUS_REFRESH_MS.
   */
  async context(): Promise<MatchContext> {
    // The first read may run on the caller's transaction (intake under an idempotency key does):
    // on the embedded database a read on another connection would wait for that transaction.
    if (this.loadedAt === null) await this.reload((load) => load());
    else if (Date.now() - this.loadedAt > CORPUS_REFRESH_MS) {
      void this.reload((load) => this.db.detached(load)).catch((e) =>
        this.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'corpus refresh failed'),
      );
    }
    return { corpus: this.corpus, related: (f) => this.related.get(f) };
  }

  /** The statistics as they are now, without reading anything (safe inside a transaction). */
  current(): CorpusStats {
    return this.corpus;
  }

  add(service: string, features: readonly string[]): void {
    this.corpus.add({ service, features });
  }

  /** The next use reads statistics and lessons again (a staff correction taught a lesson). */
  invalidate(): void {
    if (this.loadedAt !== null) this.loadedAt = Number.NEGATIVE_INFINITY;
  }

  /** Reads statistics and lessons from the database, through `run` (here, or detached). */
  private reload(run: (load: () => Promise<void>) => Promise<void>): Promise<void> {
    this.loading ??= run(async () => {
      const corpus = new CorpusStats();
      corpus.reset(await this.reports.corpusDocuments(CORPUS_WINDOW_REPORTS));
      const related = new Map<string, Map<string, number>>();
      for (const l of await this.lessons.all()) {
        for (const [x, y] of [
          [l.featureA, l.featureB],
          [l.featureB, l.featureA],
        ]) {
          const m = related.get(x) ?? new Map<string, number>();
          m.set(y, l.strength);
          related.set(x, m);
        }
      }
      this.corpus = corpus;
      this.related = related;
      this.loadedAt = Date.now();
    }).finally(() => {
      this.loading = null;
    });
    return this.loading;
  }
}

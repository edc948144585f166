import { Injectable } from '@nestjs/common';
import { IncidentsRepository } from './incidents.repository';
import { CorpusStats } from './rules/corpus-stats';
import type { MatchContext } from './rules/match-report';
import { CORPUS_REFRESH_MS, CORPUS_WINDOW_REPORTS } from './rules/matching.constants';

/**
 * The statistics matching weighs words by, and the lessons staff corrections taught, kept in
 * memory: read from the stored reports at first use, grown by every report this process
 * places, and read again now and then so replicas converge. Must be read outside a transaction.
 */
@Injectable()
export class MatchingCorpus {
  private corpus = new CorpusStats();
  private related = new Map<string, Map<string, number>>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | null = null;

  constructor(private readonly incidents: IncidentsRepository) {}

  /** The context for matching, reloading the statistics when they are older than CORPUS_REFRESH_MS. */
  async context(): Promise<MatchContext> {
    if (Date.now() - this.loadedAt > CORPUS_REFRESH_MS) await this.reload();
    return { corpus: this.corpus, related: (f) => this.related.get(f) };
  }

  add(service: string, features: readonly string[]): void {
    this.corpus.add({ service, features });
  }

  /** The next use reads statistics and lessons again (a staff correction taught a lesson). */
  invalidate(): void {
    this.loadedAt = Number.NEGATIVE_INFINITY;
  }

  /** Reads statistics and lessons again. */
  reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const docs = await this.incidents.corpusDocuments(CORPUS_WINDOW_REPORTS);
        const corpus = new CorpusStats();
        corpus.reset(docs);
        const related = new Map<string, Map<string, number>>();
        for (const l of await this.incidents.lessons()) {
          for (const [x, y] of [[l.featureA, l.featureB], [l.featureB, l.featureA]]) {
            const m = related.get(x) ?? new Map<string, number>();
            m.set(y, l.strength);
            related.set(x, m);
          }
        }
        this.corpus = corpus;
        this.related = related;
        this.loadedAt = Date.now();
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }
}

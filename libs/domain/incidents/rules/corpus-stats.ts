/**
 * Statistics of the stored reports: in how many reports each feature occurs, overall and per
 * service. A feature that nearly every report on a service carries ("eiendomsskatt" on the
 * property service, "kall" everywhere) says little; a rare one ("hytte", "naturalytelse") says
 * much. The inverse document frequency turns that into a weight, so no one has to list which
 * words are specific, and it follows the vocabulary as reports arrive. Reports are compared
 * within a service, so the service's own statistics weigh them (the whole corpus when the
 * service has too few reports yet to say, or when a comparison spans services).
 * Pure: the caller feeds it reports (the stored ones at start, then each new one).
 */
import { MIN_SERVICE_CORPUS } from './matching.constants';

class Counts {
  readonly df = new Map<string, number>();
  docs = 0;

  add(features: Iterable<string>): void {
    this.docs++;
    for (const f of new Set(features)) this.df.set(f, (this.df.get(f) ?? 0) + 1);
  }

  idf(feature: string): number {
    return Math.log((1 + this.docs) / (1 + (this.df.get(feature) ?? 0))) + 1;
  }
}

export interface CorpusDocument {
  service: string;
  features: readonly string[];
}

export class CorpusStats {
  private all = new Counts();
  private byService = new Map<string, Counts>();

  get size(): number {
    return this.all.docs;
  }

  add(doc: CorpusDocument): void {
    this.all.add(doc.features);
    let s = this.byService.get(doc.service);
    if (!s) this.byService.set(doc.service, (s = new Counts()));
    s.add(doc.features);
  }

  /** Starts over from the given documents (the stored reports' features, read at start). */
  reset(docs: Iterable<CorpusDocument>): void {
    this.all = new Counts();
    this.byService = new Map();
    for (const d of docs) this.add(d);
  }

  documentFrequency(feature: string, service?: string): number {
    return (service ? this.byService.get(service) : this.all)?.df.get(feature) ?? 0;
  }

  /**
   * Smoothed inverse document frequency, ≥ 1: ln((1 + N) / (1 + df)) + 1 over the service's
   * reports (or all reports). An unseen feature weighs most; one in every report weighs 1.
   */
  idf(feature: string, service?: string): number {
    const s = service ? this.byService.get(service) : undefined;
    return s && s.docs >= MIN_SERVICE_CORPUS ? s.idf(feature) : this.all.idf(feature);
  }

  /** The weight function for comparisons within one service (or across services). */
  weigher(service?: string): (feature: string) => number {
    return (f) => this.idf(f, service);
  }
}

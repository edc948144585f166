import { Injectable } from '@nestjs/common';

interface Running {
  count: number;
  settled: Promise<void>;
  resolve: () => void;
}

/**
 * The placements of uncertain reports (those that take the open lock: an incident to open, or a
 * match to re-examine) running in this process, per environment, until their transactions end.
 * At the start of a wave every report is uncertain, and the first opens the incident the rest
 * then join with certainty: a report that finds one running waits here for it, holding no
 * connection, and looks again, instead of queueing inside a transaction of its own on the open
 * lock. Only a hint within one process: the open lock still serialises the decision to open,
 * across replicas too.
 */
@Injectable()
export class UncertainPlacements {
  private readonly running = new Map<string, Running>();

  inProgress(environment: string): boolean {
    return this.running.has(environment);
  }

  /** Resolves once no placement of the environment runs in this process. */
  settled(environment: string): Promise<void> {
    return this.running.get(environment)?.settled ?? Promise.resolve();
  }

  async run<T>(environment: string, placement: () => Promise<T>): Promise<T> {
    let entry = this.running.get(environment);
    if (!entry) {
      let resolve!: () => void;
      const settled = new Promise<void>((r) => (resolve = r));
      entry = { count: 0, settled, resolve };
      this.running.set(environment, entry);
    }
    entry.count++;
    try {
      return await placement();
    } finally {
      if (--entry.count === 0) {
        this.running.delete(environment);
        entry.resolve();
      }
    }
  }
}

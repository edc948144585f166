import { AsyncResource } from 'node:async_hooks';

interface Waiting<I, O> {
  item: I;
  resolve: (out: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the calls made in one turn of the event loop and sends them as one statement. When
 * many requests wait on the database at once, their answers arrive together and are handled in
 * the same turn; each would otherwise send a statement of its own, and on a busy machine the
 * system call that sends a statement and wakes the server's process costs the app more than
 * the rest of its work on it. A statement is its own transaction, so a batch commits (and waits
 * for its flush) once for all.
 *
 * A batch the database refuses for what an item holds (a data exception or a broken constraint)
 * is tried again one item at a time, so that item fails its own call only. Any other failure (a
 * lost connection, a timeout) is every item's answer: trying each again would add load where
 * there is already too much. `runOne` is also what a lone item runs.
 */
export class StatementBatch<I, O> {
  private waiting: Array<Waiting<I, O>> = [];
  // Bound where the batch is made, which must be at start (a provider's construction), outside
  // any request: a batch then runs in no caller's transaction or logging context, whoever's call
  // scheduled it.
  private readonly flushLater = AsyncResource.bind(() => this.flush());

  constructor(
    private readonly runBatch: (items: I[]) => Promise<O[]>,
    private readonly runOne: (item: I) => Promise<O>,
    private readonly maxItems: number,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      // setImmediate runs after the turn's I/O callbacks, so every answer that arrived with this one gets in.
      if (this.waiting.push({ item, resolve, reject }) === 1) setImmediate(this.flushLater);
    });
  }

  private flush(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (let i = 0; i < waiting.length; i += this.maxItems) void this.run(waiting.slice(i, i + this.maxItems));
  }

  private async run(batch: Array<Waiting<I, O>>): Promise<void> {
    if (batch.length > 1) {
      try {
        const out = await this.runBatch(batch.map((w) => w.item));
        batch.forEach((w, i) => w.resolve(out[i]));
        return;
      } catch (error) {
        if (!refusedForItsData(error)) {
          for (const w of batch) w.reject(error);
          return;
        }
        // Nothing of a refused statement is stored: each item alone finds out whether it was its fault.
      }
    }
    for (const w of batch) this.runOne(w.item).then(w.resolve, w.reject);
  }
}

/** SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation). */
function refusedForItsData(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
}

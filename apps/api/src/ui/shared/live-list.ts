/**
 * A list open pages keep current without reloading (the incident queue, later tickets). The live
 * feed asks each registered list for its version every few seconds and, when it changed, sends
 * an event of the list's name to every open page; the page's script reads the list again.
 */
export interface LiveList {
  /** The event name, matched by `data-live-list` on the page. */
  readonly event: string;
  /** Changes whenever the list could have changed; cheap, since every process asks it every few seconds. */
  version(): Promise<string>;
}

/** Injection token: every registered live list. */
export const LIVE_LISTS = Symbol('LIVE_LISTS');

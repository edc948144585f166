/** The events of an incident's timeline that tell what Skatteetaten has heard in its thread. */
export type ThreadEvent =
  | { kind: 'reopened'; at: Date }
  | { kind: 'follow_up_sent'; at: Date }
  | { kind: 'message_sent'; at: Date; details: { audience: 'skatteetaten' | 'municipalities' } }
  | { kind: 'resolved'; at: Date }
  | { kind: 'escalation_moved'; at: Date }
  | { kind: 'escalation_thread_merged'; at: Date; details: { from: string; skeCaseReference: string | null; joined: boolean } };

/** Every kind of event these rules read: a kind added to ThreadEvent must be read, or it is never seen. */
const READ_KINDS: Record<ThreadEvent['kind'], true> = {
  reopened: true,
  follow_up_sent: true,
  message_sent: true,
  resolved: true,
  escalation_thread_merged: true,
  escalation_moved: true,
};

/** The kinds of event these rules read. */
export const THREAD_EVENT_KINDS = Object.keys(READ_KINDS) as ReadonlyArray<ThreadEvent['kind']>;

/**
 * A message that went to Skatteetaten in the thread (an update, staff's own, the closing message
 * of a resolution, the first message of a thread staff moved to the security channel): after it,
 * they have heard what came before, or the thread that heard it is no longer this one.
 */
function toldInThread(e: ThreadEvent): boolean {
  return (
    e.kind === 'follow_up_sent' ||
    e.kind === 'resolved' ||
    e.kind === 'escalation_moved' ||
    (e.kind === 'message_sent' && e.details.audience === 'skatteetaten')
  );
}

/**
 * When the incident was reopened after KS's closing message in the thread to Skatteetaten, if no
 * message to Skatteetaten has gone since (staff's own or an update): the next update must say
 * so, or it reads as news of a case KS told them was solved. Null when the last reopening came
 * before the thread began (the thread has had no closing message since), or has been told.
 * Events oldest first.
 */
export function untoldReopening(events: readonly ThreadEvent[], threadStartedAt: Date): Date | null {
  const last = events.filter((e) => e.kind === 'reopened' || toldInThread(e)).at(-1);
  return last?.kind === 'reopened' && last.at.getTime() > threadStartedAt.getTime() ? last.at : null;
}

/**
 * The incidents whose threads joined this one by a merge since the last message to Skatteetaten
 * in it, oldest first: the next message names them, since their threads ended with a pointer here
 * and this thread's first readers may not have seen it. A thread that did not join (the other
 * channel) is never named here. Events oldest first.
 */
export function untoldThreadMerges(events: readonly ThreadEvent[]): Array<{ reference: string; skeCaseReference: string | null }> {
  const lastTold = events.findLastIndex(toldInThread);
  return events
    .slice(lastTold + 1)
    .flatMap((e) =>
      e.kind === 'escalation_thread_merged' && e.details.joined
        ? [{ reference: e.details.from, skeCaseReference: e.details.skeCaseReference }]
        : [],
    );
}

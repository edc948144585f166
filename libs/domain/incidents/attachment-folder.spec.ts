import { AttachmentFolder } from './attachment-folder';
import type { IncidentRepository } from './incident.repository';

/** A fold the test ends when it wants, and the order things happened in. */
function setup() {
  const events: string[] = [];
  const running: Array<{ incidentId: string; end: (error?: Error) => void }> = [];
  const incidents = {
    foldAttachments: (incidentId: string) =>
      new Promise<number>((resolve, reject) => {
        events.push(`fold ${incidentId} started`);
        running.push({ incidentId, end: (error) => (error ? reject(error) : resolve(1)) });
      }),
  } as unknown as IncidentRepository;
  const folder = new AttachmentFolder(incidents);
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const call = (incidentId: string, name: string) => folder.afterCommit(incidentId).then(() => void events.push(`${name} done`));
  const endNext = async (error?: Error) => {
    running.shift()!.end(error);
    await settle();
  };
  return { events, running, call, endNext, settle };
}

describe('AttachmentFolder', () => {
  it('folds at once when no fold of the incident runs, and answers when it has ended', async () => {
    const { events, call, endNext, settle } = setup();
    const done = call('x', 'a');
    await settle();
    expect(events).toEqual(['fold x started']);
    await endNext();
    await done;
    expect(events).toEqual(['fold x started', 'a done']);
  });

  it('lets the reports committed during a fold wait for one more fold, which takes them all', async () => {
    const { events, running, call, endNext, settle } = setup();
    const folds = () => events.filter((e) => e.startsWith('fold')).length;
    const all = [call('x', 'a')];
    await settle();
    all.push(call('x', 'b'), call('x', 'c'));
    await settle();
    // The running fold may have read the pending attachments before b and c were committed.
    expect(events).toEqual(['fold x started']);
    await endNext();
    expect(events.filter((e) => e.endsWith('done'))).toEqual(['a done']);
    expect(folds()).toBe(2);
    all.push(call('x', 'd'));
    await endNext();
    expect(events.filter((e) => e.endsWith('done'))).toEqual(['a done', 'b done', 'c done']);
    expect(folds()).toBe(3);
    await endNext();
    await Promise.all(all);
    expect(events.filter((e) => e.endsWith('done'))).toEqual(['a done', 'b done', 'c done', 'd done']);
    expect(folds()).toBe(3);
    expect(running).toEqual([]);
  });

  it('answers the callers of a failed fold and still runs the next one', async () => {
    const { events, running, call, endNext, settle } = setup();
    const all = [call('x', 'a')];
    await settle();
    all.push(call('x', 'b'));
    await endNext(new Error('connection lost'));
    expect(events).toContain('a done');
    expect(events).not.toContain('b done');
    expect(running).toHaveLength(1);
    await endNext();
    await Promise.all(all);
    expect(events).toContain('b done');
  });

  it('folds different incidents side by side', async () => {
    const { events, running, call, settle } = setup();
    void call('x', 'a');
    void call('y', 'b');
    await settle();
    expect(events).toEqual(['fold x started', 'fold y started']);
    expect(running.map((r) => r.incidentId)).toEqual(['x', 'y']);
  });
});

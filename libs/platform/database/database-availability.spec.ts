import { EventEmitter } from 'node:events';

import { ConnectionGate, DatabaseUnavailable, isDatabaseUnreachable } from './database-availability';

describe('isDatabaseUnreachable', () => {
  const withCode = (code: string) => Object.assign(new Error('x'), { code });
  it.each([
    ['a refused connection', true, withCode('ECONNREFUSED')],
    ['a reset connection', true, withCode('ECONNRESET')],
    ['a server shutting down', true, withCode('57P01')],
    ['a connection exception (class 08)', true, withCode('08006')],
    ['a database that does not allow connections', true, withCode('55000')],
    ['a database that does not exist', true, withCode('3D000')],
    ['a refused password', true, withCode('28P01')],
    ['no pg_hba.conf entry', true, withCode('28000')],
    ['a lost connection, wrapped by TypeORM', true, { driverError: new Error('Connection terminated unexpectedly') }],
    ['a connect timeout', true, new Error('Connection terminated due to connection timeout')],
    ['a lost connection as a cause', true, new Error('outer', { cause: withCode('ECONNRESET') })],
    ['the gate itself', true, new DatabaseUnavailable()],
    ['a unique violation', false, withCode('23505')],
    ['a statement timeout', false, withCode('57014')],
    ['any other error', false, new Error('boom')],
    ['nothing', false, undefined],
  ] as Array<[string, boolean, unknown]>)('%s: %s', (_, expected, error) => {
    expect(isDatabaseUnreachable(error)).toBe(expected);
  });
});

describe('ConnectionGate', () => {
  type Callback = (error: Error | undefined, client?: unknown, release?: () => void) => void;
  /** A pool whose connect calls wait until the test answers them. */
  function fakePool() {
    const pool = Object.assign(new EventEmitter(), {
      idleCount: 0,
      calls: [] as Callback[],
      connect(callback?: Callback): unknown {
        pool.calls.push(callback!);
        return undefined;
      },
    });
    return pool;
  }
  const refused = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
  const answer = () => {
    const outcome: { error?: Error; client?: unknown } = {};
    return { outcome, callback: (error: Error | undefined, client?: unknown) => Object.assign(outcome, { error, client }) };
  };

  it('answers every waiting caller at once when a connection fails, then lets one caller at a time try', () => {
    const pool = fakePool();
    const gate = new ConnectionGate();
    gate.install(pool);
    const [a, b, c] = [answer(), answer(), answer()];
    pool.connect(a.callback);
    pool.connect(b.callback);
    pool.calls[0](refused());
    expect(a.outcome.error).toBeInstanceOf(DatabaseUnavailable);
    expect(b.outcome.error).toBeInstanceOf(DatabaseUnavailable);
    expect(gate.isDown).toBe(true);

    // Down: the next caller is the probe, the one after it is answered without trying.
    pool.connect(c.callback);
    const d = answer();
    pool.connect(d.callback);
    expect(d.outcome.error).toBeInstanceOf(DatabaseUnavailable);
    expect(pool.calls).toHaveLength(3);

    // The probe connects: the database is back, callers go through again.
    const release = jest.fn();
    pool.calls[2](undefined, 'client', release);
    expect(c.outcome).toEqual({ error: undefined, client: 'client' });
    expect(gate.isDown).toBe(false);
    // The pool answering a caller the gate already answered: the connection goes back at once.
    pool.calls[1](undefined, 'late', release);
    expect(release).toHaveBeenCalledTimes(1);
    expect(b.outcome.client).toBeUndefined();
  });

  it('counts a connection lost while in use as the database going away', () => {
    const pool = fakePool();
    const gate = new ConnectionGate();
    gate.install(pool);
    pool.emit('release', new Error('Connection terminated unexpectedly'));
    expect(gate.isDown).toBe(true);
  });

  it('keeps listening for errors of a client in use, so a late one does not end the process', () => {
    const pool = fakePool();
    const gate = new ConnectionGate();
    gate.install(pool);
    const client = new EventEmitter();
    pool.emit('connect', client);
    // Without a listener, EventEmitter throws an 'error' event: in a pg client, an uncaught exception.
    expect(() => client.emit('error', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).not.toThrow();
    expect(() => client.emit('error', new Error('terminating connection due to administrator command'))).not.toThrow();
    expect(gate.isDown).toBe(true);
  });

  it('passes on other errors unchanged and stays up', () => {
    const pool = fakePool();
    const gate = new ConnectionGate();
    gate.install(pool);
    const a = answer();
    pool.connect(a.callback);
    const error = new Error('password authentication failed');
    pool.calls[0](error);
    expect(a.outcome.error).toBe(error);
    expect(gate.isDown).toBe(false);
  });
});

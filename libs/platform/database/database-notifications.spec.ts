import { type DatabaseNotifications, NotifiedCache } from './database-notifications';

/** Stands in for the listening connection: `live` and the notices are the test's to give. */
function fakeNotifications() {
  const handlers: Array<() => void> = [];
  const fake = {
    live: true,
    subscribe: (_channel: string, onChange: () => void) => {
      handlers.push(onChange);
      return () => undefined;
    },
    notify: () => handlers.forEach((h) => h()),
  };
  return fake;
}

describe('NotifiedCache', () => {
  let now = 1_000_000;
  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
  afterEach(() => jest.restoreAllMocks());

  function setUp(ttlMs = 60_000, maxEntries = 10) {
    const notifications = fakeNotifications();
    const cache = new NotifiedCache<string>(notifications as unknown as DatabaseNotifications, 'credentials_changed', ttlMs, maxEntries);
    let loads = 0;
    const load = (value: string | null) => () => {
      loads++;
      return Promise.resolve(value);
    };
    return { notifications, cache, load, loads: () => loads };
  }

  it.each([
    { case: 'within the time to live', advanceMs: 59_999, loads: 1 },
    { case: 'after the time to live', advanceMs: 60_001, loads: 2 },
  ])('answers from memory $case', async ({ advanceMs, loads }) => {
    const s = setUp();
    await s.cache.resolve('k', s.load('v'));
    now += advanceMs;
    expect(await s.cache.resolve('k', s.load('v'))).toBe('v');
    expect(s.loads()).toBe(loads);
  });

  it('forgets everything when the database notifies', async () => {
    const s = setUp();
    await s.cache.resolve('k', s.load('v'));
    s.notifications.notify();
    expect(await s.cache.resolve('k', s.load('w'))).toBe('w');
    expect(s.loads()).toBe(2);
  });

  it('does not keep a value read while a notice arrived (a revocation committed during the look-up)', async () => {
    const s = setUp();
    await s.cache.resolve('k', async () => {
      s.notifications.notify();
      return 'stale';
    });
    expect(await s.cache.resolve('k', s.load('fresh'))).toBe('fresh');
  });

  it('reads the database every time while it is not listening', async () => {
    const s = setUp();
    s.notifications.live = false;
    await s.cache.resolve('k', s.load('v'));
    await s.cache.resolve('k', s.load('v'));
    expect(s.loads()).toBe(2);
  });

  it('does not trust what it held before listening stopped', async () => {
    const s = setUp();
    await s.cache.resolve('k', s.load('v'));
    s.notifications.live = false;
    expect(await s.cache.resolve('k', s.load('w'))).toBe('w');
  });

  it.each([
    { case: 'an unknown credential', value: null, ttlMs: 60_000 },
    { case: 'anything when the time to live is 0', value: 'v', ttlMs: 0 },
  ])('never keeps $case', async ({ value, ttlMs }) => {
    const s = setUp(ttlMs);
    await s.cache.resolve('k', s.load(value));
    await s.cache.resolve('k', s.load(value));
    expect(s.loads()).toBe(2);
  });

  it('keeps at most its limit, dropping the oldest', async () => {
    const s = setUp(60_000, 2);
    for (const key of ['a', 'b', 'c']) await s.cache.resolve(key, s.load(key));
    await s.cache.resolve('c', s.load('c'));
    await s.cache.resolve('b', s.load('b'));
    expect(s.loads()).toBe(3);
    await s.cache.resolve('a', s.load('a'));
    expect(s.loads()).toBe(4);
  });

  it('keeps a key read twice at once only once, without dropping another for it', async () => {
    const s = setUp(60_000, 2);
    let finishFirst!: (v: string) => void;
    let finishSecond!: (v: string) => void;
    const first = s.cache.resolve('a', () => new Promise((r) => (finishFirst = r)));
    const second = s.cache.resolve('a', () => new Promise((r) => (finishSecond = r)));
    await s.cache.resolve('b', s.load('b'));
    finishFirst('a');
    finishSecond('a');
    await Promise.all([first, second]);
    await s.cache.resolve('b', s.load('b'));
    await s.cache.resolve('a', s.load('a'));
    expect(s.loads()).toBe(1);
  });

  describe('resolveMany', () => {
    /** A loader that answers `key:n` for each key but `none`, and records what it was asked. */
    function loader(s: ReturnType<typeof setUp>, onLoad = () => undefined as void) {
      const asked: string[][] = [];
      const load = (missing: string[]) => {
        asked.push(missing);
        onLoad();
        return Promise.resolve(new Map(missing.filter((k) => k !== 'none').map((k) => [k, `${k}:${asked.length}`])));
      };
      return { asked, load, s };
    }

    it('loads only the keys it does not hold, in one call, once each', async () => {
      const l = loader(setUp());
      await l.s.cache.resolveMany(['a'], l.load);
      const got = await l.s.cache.resolveMany(['a', 'b', 'b', 'c'], l.load);
      expect(Object.fromEntries(got)).toEqual({ a: 'a:1', b: 'b:2', c: 'c:2' });
      expect(l.asked).toEqual([['a'], ['b', 'c']]);
    });

    it('makes no call when it holds every key', async () => {
      const l = loader(setUp());
      await l.s.cache.resolveMany(['a', 'b'], l.load);
      await l.s.cache.resolveMany(['b', 'a'], l.load);
      expect(l.asked).toHaveLength(1);
    });

    it('leaves out the keys the loader did not answer, and asks for them again', async () => {
      const l = loader(setUp());
      expect([...(await l.s.cache.resolveMany(['a', 'none'], l.load)).keys()]).toEqual(['a']);
      await l.s.cache.resolveMany(['a', 'none'], l.load);
      expect(l.asked).toEqual([['a', 'none'], ['none']]);
    });

    it.each([
      { case: 'after the database notifies', change: (s: ReturnType<typeof setUp>) => s.notifications.notify() },
      { case: 'while it is not listening', change: (s: ReturnType<typeof setUp>) => (s.notifications.live = false) },
    ])('reads again $case', async ({ change }) => {
      const l = loader(setUp());
      await l.s.cache.resolveMany(['a'], l.load);
      change(l.s);
      expect((await l.s.cache.resolveMany(['a'], l.load)).get('a')).toBe('a:2');
    });

    it('does not keep what it read while a notice arrived', async () => {
      const s = setUp();
      const racing = loader(s, () => s.notifications.notify());
      await s.cache.resolveMany(['a'], racing.load);
      const l = loader(s);
      await s.cache.resolveMany(['a'], l.load);
      expect(l.asked).toEqual([['a']]);
    });
  });
});

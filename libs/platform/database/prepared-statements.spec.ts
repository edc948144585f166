import { StatementNames } from './prepared-statements';

/** Uses `text` as often as given and answers the name of its last use. */
function use(names: StatementNames, text: string, times = 2): string | null {
  let name: string | null = null;
  for (let i = 0; i < times; i++) name = names.nameFor(text, [i]);
  return name;
}

describe('StatementNames', () => {
  it.each([
    ['no parameters', 'SELECT 1', undefined],
    ['an empty parameter list', 'SELECT 1', []],
    ['parameters that are not a list', 'SELECT $1', 'x'],
  ])('sends a statement with %s unnamed, however often', (_case, text, values) => {
    const names = new StatementNames('p_', 10);
    for (let i = 0; i < 3; i++) expect(names.nameFor(text, values)).toBeNull();
  });

  it('sends a text unnamed on its first use and names it from its second on, the same name each time', () => {
    const names = new StatementNames('p_', 10);
    expect(names.nameFor('SELECT $1::int', [1])).toBeNull();
    expect(names.nameFor('SELECT $1::int', [2])).toBe('p_1');
    expect(use(names, 'SELECT $1::text')).toBe('p_2');
    expect(names.nameFor('SELECT $1::int', [3])).toBe('p_1');
    expect(names.prepared).toEqual(['p_1', 'p_2']);
  });

  it('sends new texts unnamed once the connection holds its limit, and keeps using the ones it has', () => {
    const names = new StatementNames('p_', 2);
    use(names, 'SELECT $1');
    use(names, 'SELECT $1, 2');
    expect(use(names, 'SELECT $1, 3', 5)).toBeNull();
    expect(names.nameFor('SELECT $1', [1])).toBe('p_1');
    expect(names.prepared).toHaveLength(2);
  });

  it('does not let texts run once take the places of the ones run again', () => {
    const names = new StatementNames('p_', 2);
    for (let i = 0; i < 50; i++) expect(names.nameFor(`SELECT $1 WHERE ${i} > 0`, [i])).toBeNull();
    expect(use(names, 'SELECT $1')).toBe('p_1');
    expect(use(names, 'SELECT $1, 2')).toBe('p_2');
  });

  it('gives every new connection its own prefix, with this process in it', () => {
    const first = StatementNames.forNewConnection();
    const second = StatementNames.forNewConnection();
    expect(first.prefix).not.toBe(second.prefix);
    expect(first.prefix.startsWith(`sd_${process.pid}_`)).toBe(true);
    expect(second.prefix.startsWith(first.prefix)).toBe(false);
    expect(use(first, 'SELECT $1')).toMatch(/^[a-z0-9_]+$/);
  });
});

import { safeNext } from './safe-next';

describe('safeNext', () => {
  it.each<[unknown, string, string]>([
    ['/incidents?status=new#top', '/', '/incidents?status=new#top'],
    ['/portal/reports/r1', '/portal', '/portal/reports/r1'],
    ['/portal', '/portal', '/portal'],
    ['/portal?done=x', '/portal', '/portal?done=x'],
    ['/portal/../incidents', '/portal', '/portal'],
    ['/portalx/reports', '/portal', '/portal'],
    ['/incidents', '/portal', '/portal'],
    ['//evil.example/x', '/', '/'],
    ['/\\evil.example/x', '/portal', '/portal'],
    ['/\t/evil.example', '/', '/'],
    ['https://evil.example/', '/', '/'],
    ['portal/reports', '/portal', '/portal'],
    [undefined, '/portal', '/portal'],
    [['/portal/a'], '/portal', '/portal'],
  ])('%j under %s → %s', (next, home, expected) => expect(safeNext(next, home)).toBe(expected));
});

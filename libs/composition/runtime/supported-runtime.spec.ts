import { LEAST_NODE, unsupportedRuntime } from './supported-runtime';

describe('unsupportedRuntime', () => {
  it.each<[string, { node: string; napi?: string }, boolean]>([
    ['Node 24 (N-API 10)', { node: '24.21.0', napi: '10' }, true],
    ['Node 22.14, the least (N-API 10)', { node: '22.14.0', napi: '10' }, true],
    ['a later N-API', { node: '26.0.0', napi: '11' }, true],
    ['Node 22.13 (N-API 9)', { node: '22.13.1', napi: '9' }, false],
    ['Node 20 (N-API 9)', { node: '20.20.2', napi: '9' }, false],
    ['a runtime without N-API', { node: '22.14.0' }, false],
    ['an N-API version that is not a number', { node: '22.14.0', napi: 'x' }, false],
  ])('%s: runs the app = %s', (_label, versions, runs) => {
    expect(unsupportedRuntime(versions) === null).toBe(runs);
  });

  it('names the least version and the one found', () => {
    const message = unsupportedRuntime({ node: '22.13.1', napi: '9' })!;
    expect(message).toContain(LEAST_NODE);
    expect(message).toContain('22.13.1');
    expect(message).toContain('npm start');
  });
});

import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';

import { Allow } from '../../../apps/api/src/auth/access.decorator';
import { bearer, createTestApp, TestApp } from '../../support/test-app';

/** Answers with the request id of the logger that code run by the request logs with. */
@Controller('api/v1/request-log-probe')
class ProbeController {
  constructor(private readonly logs: PinoLogger) {}

  @Post()
  @Allow('incident.read')
  @HttpCode(200)
  async probe(@Body() body: { wait?: boolean }) {
    if (body?.wait) await new Promise((resolve) => setTimeout(resolve, 5));
    return { reqId: (this.logs.logger.bindings() as { reqId?: string }).reqId ?? null };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

/**
 * The request log's hook opens the logging context before Fastify reads the body, so the logger
 * of everything the handler runs (after the body arrived, after an await) carries the request id
 * the answer echoes.
 */
describe('the request id in logs of the app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, [{ name: 'request-log-probe', module: ProbeModule }]);
  });
  afterAll(() => t?.close());

  it.each([
    ['a JSON body', { wait: false }],
    ['a JSON body and an await in the handler', { wait: true }],
  ])('binds the echoed id with %s', async (_what, body) => {
    const res = await t.http.post('/api/v1/request-log-probe').set(bearer(t.adminToken)).send(body).expect(200);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).toEqual({ reqId: res.headers['x-request-id'] });
  });

  it('keeps a plain id the caller gives, per request', async () => {
    const [a, b] = await Promise.all(
      ['first-call', 'second-call'].map((id) =>
        t.http.post('/api/v1/request-log-probe').set(bearer(t.adminToken)).set('x-request-id', id).send({ wait: true }),
      ),
    );
    expect([a.body.reqId, b.body.reqId]).toEqual(['first-call', 'second-call']);
  });
});

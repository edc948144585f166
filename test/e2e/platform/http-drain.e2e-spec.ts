import { connect, Socket } from 'node:net';

import { Controller, Get, Module } from '@nestjs/common';

import { Public } from '../../../apps/api/src/auth/access.decorator';
import { createTestApp, TestApp } from '../../support/test-app';

/** A route that answers when the test lets it, so a request is surely in flight while the server begins to close. */
class Gate {
  static entered: () => void = () => undefined;
  static open: () => void = () => undefined;
}

@Controller('test-drain')
class SlowController {
  @Get()
  @Public()
  async slow() {
    await new Promise<void>((resolve) => {
      Gate.open = resolve;
      Gate.entered();
    });
    return { slow: true };
  }
}

@Module({ controllers: [SlowController] })
class SlowModule {}

/** Resolves once `check` holds, looking every 10 ms; fails after `ms`. */
async function until(check: () => boolean, ms = 10_000): Promise<void> {
  for (const deadline = Date.now() + ms; !check(); await new Promise((resolve) => setTimeout(resolve, 10)))
    if (Date.now() > deadline) throw new Error('condition not met in time');
}

/** Answers read off a raw connection: status line and headers of each, in order. */
function responses(socket: Socket): Array<{ status: number; headers: string }> {
  const seen: Array<{ status: number; headers: string }> = [];
  let text = '';
  socket.on('data', (chunk: Buffer) => {
    text += chunk.toString('latin1');
    for (let head = text.indexOf('\r\n\r\n'); head >= 0; head = text.indexOf('\r\n\r\n')) {
      const headers = text.slice(0, head);
      const length = Number(/content-length: (\d+)/i.exec(headers)?.[1] ?? 0);
      if (text.length < head + 4 + length) break;
      seen.push({ status: Number(headers.split(' ')[1]), headers: headers.toLowerCase() });
      text = text.slice(head + 4 + length);
    }
  });
  return seen;
}

describe('closing the HTTP server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, [{ name: 'drain-test', module: SlowModule }]);
    await t.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    // The test closes the app itself; a failure before that leaves it to close here.
    if (t.app.getHttpServer().listening) await t.app.close();
    await t.db.drop();
  });

  it('serves the next request of a client whose request was in flight as the server began to close, and closes its connection', async () => {
    const { port } = t.app.getHttpServer().address() as { port: number };
    const socket = connect(port, '127.0.0.1');
    const answers = responses(socket);
    const entered = new Promise<void>((resolve) => (Gate.entered = resolve));
    socket.write('GET /test-drain HTTP/1.1\r\nHost: desk\r\n\r\n');
    await entered;
    const closing = t.app.close();
    await until(() => !t.app.getHttpServer().listening);
    Gate.open();
    await until(() => answers.length === 1);
    // The connection was busy as closing began, so it is still open: the client sends its next
    // request on it, one that reads the database (still open while the server drains; readiness,
    // `GET /health`, answers 503 from the start of shutdown on purpose, so balancers stop routing here).
    socket.write(`GET /api/v1/staff HTTP/1.1\r\nHost: desk\r\nAuthorization: Bearer ${t.adminToken}\r\n\r\n`);
    await until(() => answers.length === 2);
    await closing;
    socket.destroy();
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[1].headers).toContain('connection: close');
  });
});

import { connect, Socket } from 'node:net';

import { Controller, Get, Module } from '@nestjs/common';

import { Public } from '../../../apps/api/src/auth/access.decorator';
import { cookieHeader, createStaffWithPassword, signIn } from '../../support/staff-session';
import { createTestApp, TestApp } from '../../support/test-app';
import { until } from '../../support/until';

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

/**
 * Answers read off a raw connection: status line and headers of each, in order. A chunked answer
 * (an event stream) is the last one read: its body is kept whole in `rest`.
 */
function responses(socket: Socket): { seen: Array<{ status: number; headers: string }>; rest: () => string; ended: () => boolean } {
  const seen: Array<{ status: number; headers: string }> = [];
  let text = '';
  let chunked = false;
  let ended = false;
  socket.on('end', () => (ended = true));
  socket.on('data', (chunk: Buffer) => {
    text += chunk.toString('latin1');
    while (!chunked) {
      const head = text.indexOf('\r\n\r\n');
      if (head < 0) break;
      const headers = text.slice(0, head);
      chunked = /transfer-encoding: chunked/i.test(headers);
      const length = chunked ? 0 : Number(/content-length: (\d+)/i.exec(headers)?.[1] ?? 0);
      if (text.length < head + 4 + length) break;
      seen.push({ status: Number(headers.split(' ')[1]), headers: headers.toLowerCase() });
      text = text.slice(head + 4 + length);
    }
  });
  return { seen, rest: () => text, ended: () => ended };
}

/**
 * Sends a request to the gated route and begins to close the app while it is in flight; resolves
 * once the gated answer has arrived, with the close still under way (wrapped, as an async function
 * would wait for a promise it returns).
 */
async function closeWhileBusy(t: TestApp, socket: Socket, answers: ReturnType<typeof responses>): Promise<{ closing: Promise<void> }> {
  const entered = new Promise<void>((resolve) => (Gate.entered = resolve));
  socket.write('GET /test-drain HTTP/1.1\r\nHost: desk\r\n\r\n');
  await entered;
  const closing = t.app.close();
  await until(() => !t.app.getHttpServer().listening);
  Gate.open();
  await until(() => answers.seen.length === 1);
  return { closing };
}

describe('closing the HTTP server', () => {
  let t: TestApp;
  let socket: Socket;
  beforeEach(async () => {
    t = await createTestApp({}, [{ name: 'drain-test', module: SlowModule }]);
    await t.app.listen(0, '127.0.0.1');
    socket = connect((t.app.getHttpServer().address() as { port: number }).port, '127.0.0.1');
  });
  afterEach(async () => {
    socket.destroy();
    // Each test closes the app itself; a failure before that leaves it to close here.
    if (t.app.getHttpServer().listening) await t.app.close();
    await t.db.drop();
  });

  it('serves the next request of a client whose request was in flight as the server began to close, and closes its connection', async () => {
    const answers = responses(socket);
    const { closing } = await closeWhileBusy(t, socket, answers);
    // The connection was busy as closing began, so it is still open: the client sends its next
    // request on it, one that reads the database (still open while the server drains; readiness,
    // `GET /health`, answers 503 from the start of shutdown on purpose, so balancers stop routing here).
    socket.write(`GET /api/v1/staff HTTP/1.1\r\nHost: desk\r\nAuthorization: Bearer ${t.adminToken}\r\n\r\n`);
    await until(() => answers.seen.length === 2);
    await closing;
    expect(answers.seen.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.seen[1].headers).toContain('connection: close');
  });

  it("ends a staff page's live stream opened while the server drains, telling the browser when to try again, so the close is not held open", async () => {
    await createStaffWithPassword(t, 'kari@ks.example.test', 'agent');
    const kari = await signIn(t, 'kari@ks.example.test');
    const answers = responses(socket);
    const { closing } = await closeWhileBusy(t, socket, answers);
    socket.write(`GET /live HTTP/1.1\r\nHost: desk\r\nAccept: text/event-stream\r\nCookie: ${cookieHeader(kari.cookies)}\r\n\r\n`);
    // An open stream would keep the connection, and the close, waiting: the server ends both.
    await until(answers.ended);
    await closing;
    expect(answers.seen.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.seen[1].headers).toContain('content-type: text/event-stream');
    expect(answers.seen[1].headers).toContain('connection: close');
    // The chunked body: the reconnection delay, then the terminating chunk.
    expect(answers.rest()).toMatch(/retry: \d+\n\n\r\n0\r\n\r\n$/);
  });
});

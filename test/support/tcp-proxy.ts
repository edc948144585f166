import { createServer, Server, Socket } from 'node:net';

/**
 * A TCP proxy between the app and PostgreSQL that can play a database outage: every open
 * connection is cut, and new ones are refused (reset at once) for the first half of the outage
 * and then swallowed without an answer for the second half, as an unreachable host does. The
 * second half is what needs the app's own connect timeout: without one a connection attempt
 * waits for the operating system's TCP timeout.
 */
export class TcpProxy {
  private server: Server | null = null;
  private readonly open = new Set<Socket>();
  private mode: 'forward' | 'refuse' | 'swallow' = 'forward';
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<this> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  /** A connection URL like `url` that goes through the proxy. */
  route(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  /** Cuts every connection and lets none through for `ms`; resolves when the database is back. */
  async outage(ms: number): Promise<void> {
    this.mode = 'refuse';
    for (const s of this.open) s.resetAndDestroy();
    this.open.clear();
    await new Promise((r) => setTimeout(r, ms / 2));
    this.mode = 'swallow';
    await new Promise((r) => setTimeout(r, ms / 2));
    for (const s of this.open) s.destroy();
    this.open.clear();
    this.mode = 'forward';
  }

  async stop(): Promise<void> {
    for (const s of this.open) s.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    client.on('error', () => undefined);
    if (this.mode === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    this.open.add(client);
    client.once('close', () => this.open.delete(client));
    if (this.mode === 'swallow') {
      client.pause();
      return;
    }
    const upstream = new Socket();
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
    client.once('close', () => upstream.destroy());
    this.open.add(upstream);
    upstream.once('close', () => this.open.delete(upstream));
    upstream.connect(this.targetPort, this.targetHost, () => {
      client.pipe(upstream);
      upstream.pipe(client);
    });
  }
}

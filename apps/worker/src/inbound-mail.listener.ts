import { ReceiveInboundMail } from '@domain/support';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@platform/config';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** An SMTP reply with its code, as smtp-server sends an Error's responseCode. */
function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * The SMTP listener KS's shared mailbox forwards to, run when INBOUND_SMTP_PORT is set. A message
 * over INBOUND_MAX_MESSAGE_BYTES is refused (552); one that cannot be stored is answered 451 so the
 * forwarding server tries again (storing is idempotent by Message-ID). No AUTH or STARTTLS: it
 * is meant for the internal network between the mailbox and the desk.
 */
@Injectable()
export class InboundMailListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InboundMailListener.name);
  private server: SMTPServer | null = null;
  private boundPort: number | null = null;

  constructor(
    private readonly receive: ReceiveInboundMail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The port it listens on (INBOUND_SMTP_PORT=0 picks a free one), or null when it is off. */
  get port(): number | null {
    return this.boundPort;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { port, host, maxMessageBytes } = this.config.inboundMail;
    if (port === null) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: maxMessageBytes,
      logger: false,
      closeTimeout: 1_000,
      onData: (stream, session, callback) => this.onData(stream, session, callback),
    });
    server.on('error', (e) => this.logger.error({ err: e.message }, 'inbound SMTP listener error'));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    this.boundPort = (server.server.address() as { port: number }).port;
    this.logger.log(`Inbound e-mail: SMTP listener on ${host}:${this.boundPort}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void): void {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      if (stream.sizeExceeded) {
        callback(smtpError(`Message exceeds the limit of ${this.config.inboundMail.maxMessageBytes} bytes`, 552));
        return;
      }
      const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
      this.receive.execute(Buffer.concat(chunks), { from, to: session.envelope.rcptTo.map((r) => r.address) }).then(
        (receipt) => {
          this.logger.log({ inboundMessage: receipt.id, status: receipt.status, duplicate: receipt.duplicate }, 'inbound e-mail received');
          callback();
        },
        (e: unknown) => {
          this.logger.error({ err: e instanceof Error ? e.message : String(e) }, 'inbound e-mail could not be stored');
          callback(smtpError('Temporary failure, try again later', 451));
        },
      );
    });
  }
}

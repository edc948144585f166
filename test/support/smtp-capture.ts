import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
  raw: string;
}

/** A real SMTP server in the test process; messages arrive parsed. Can be stopped and restarted on the same port. */
export class SmtpCapture {
  readonly messages: CapturedMail[] = [];
  private server: SMTPServer | null = null;
  port = 0;
  /** Called with each message once it is kept, before the server answers 250 (a test may act there). */
  onAccept: ((mail: CapturedMail) => void) | null = null;
  /** Recipients the server takes the message for and then never answers (a stalled server); nothing is kept. */
  stallFor: ((envelopeTo: string[]) => boolean) | null = null;

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // Pooled client connections would otherwise hold stop() open for the default 30 s.
      closeTimeout: 100,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          if (this.stallFor?.(session.envelope.rcptTo.map((r) => r.address))) return;
          const raw = Buffer.concat(chunks).toString('utf8');
          const mail = { envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed: await simpleParser(raw), raw };
          this.messages.push(mail);
          this.onAccept?.(mail);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', () => resolve()));
    const address = (this.server as unknown as { server: { address(): { port: number } } }).server.address();
    this.port = address.port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

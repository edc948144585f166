import type { ProcessRole } from '@composition';
import { createTransport, type SendMailOptions } from 'nodemailer';

import { InboundMailListener } from '../../apps/worker/src/inbound-mail.listener';
import { InboundMailListenerModule } from '../../apps/worker/src/inbound-mail-listener.module';
import type { TestApp } from './test-app';

/** The worker's inbound SMTP listener, without its other jobs, beside the API in a test app. */
export const INBOUND_MAIL_ROLE: ProcessRole = { name: 'inbound-mail', module: InboundMailListenerModule };

/** What a test app with INBOUND_MAIL_ROLE needs: the listener on any free port. */
export const INBOUND_ENV = { INBOUND_SMTP_PORT: '0', INBOUND_SMTP_HOST: '127.0.0.1' };

/** Sends one message to the app's listener as a real SMTP client (nodemailer), as the shared mailbox forwards it. */
export async function sendInbound(t: TestApp, mail: SendMailOptions): Promise<void> {
  const port = t.get(InboundMailListener).port;
  if (!port) throw new Error('the inbound SMTP listener is not running');
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ to: 'segment@ks.example.test', ...mail });
  } finally {
    transport.close();
  }
}

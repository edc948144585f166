import { Client } from 'pg';

import { startApp, startWorker } from '../../support/app-process';
import { processFleet } from '../../support/process-fleet';

const TOKEN = 'worker-crash-admin-token-0123456789abcdefgh';

/** The send timeout here; a dead worker's rows are taken over two of them after their claim. */
const SEND_TIMEOUT_MS = 2_000;

/**
 * The worker dies (kill -9) after the SMTP server has taken a message and before the worker has
 * marked it sent. The restarted worker sends it again: one duplicate at most, with the same
 * Message-ID so mail clients see one message, and the row ends `sent`. Runs with the outbox's
 * default claim timeout, as in production: the new worker must not wait for it, only for the dead
 * worker's send to have ended had it lived (two send timeouts after the claim, its lease free).
 */
describe('outbox worker killed between SMTP acceptance and marking the row sent', () => {
  const fleet = processFleet('worker-crash', TOKEN, { OUTBOX_SEND_TIMEOUT_MS: String(SEND_TIMEOUT_MS) });
  const { smtp, running } = fleet;
  const env = fleet.env;
  const waitFor = async (what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const outboxRow = async (address: string) => {
    const db = new Client({ connectionString: fleet.database.url });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT message_id, status, attempts FROM outbox_message WHERE $1 = ANY(to_addresses)`, [address]);
      return rows as Array<{ message_id: string; status: string; attempts: number }>;
    } finally {
      await db.end();
    }
  };

  it('delivers the message once more after a restart, with the same Message-ID, and marks it sent', async () => {
    const api = await startApp(env(), undefined, 'api');
    running.push(api);
    const first = await startWorker(env());
    running.push(first);

    // The first message the server takes kills the worker before it hears the 250.
    let killed = false;
    smtp.onAccept = () => {
      if (killed) return;
      killed = true;
      process.kill(first.pid, 'SIGKILL');
    };
    const address = 'ny.saksbehandler@ks.example.test';
    const created = await fetch(`${api.base}/api/v1/staff`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: address, role: 'agent', name: 'Ny Saksbehandler' }),
    });
    expect(created.status).toBe(201);
    expect((await first.waitForExit(30_000)).signal).toBe('SIGKILL');
    const mine = () => smtp.messages.filter((m) => m.envelopeTo.includes(address));
    expect(mine()).toHaveLength(1);
    const [row] = await outboxRow(address);
    expect(row.status).toBe('sending');

    const second = await startWorker(env());
    running.push(second);
    const restarted = Date.now();
    await waitFor('the row to be sent', async () => (await outboxRow(address))[0].status === 'sent', 15_000);
    // Soon after the dead worker's send would have ended, not after the claim timeout (5 minutes).
    expect(Date.now() - restarted).toBeLessThan(2 * SEND_TIMEOUT_MS + 10_000);
    // A pass or two more: nothing further goes out.
    await new Promise((r) => setTimeout(r, 500));

    const copies = mine();
    expect(copies).toHaveLength(2);
    expect(copies.map((m) => m.parsed.messageId)).toEqual([row.message_id, row.message_id]);
    expect(copies[1].parsed.subject).toBe(copies[0].parsed.subject);
    expect(await outboxRow(address)).toEqual([{ message_id: row.message_id, status: 'sent', attempts: 2 }]);
  }, 90_000);
});

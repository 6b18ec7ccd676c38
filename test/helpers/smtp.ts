import { createServer, type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer } from 'smtp-server';
import { readEml, type ReadMail } from '../../src/notifications/mail/eml.js';

export interface ReceivedMail extends ReadMail {
  /** The envelope's recipients (RCPT TO). */
  rcptTo: string[];
  raw: Buffer;
}

/**
 * A real SMTP server on a free loopback port, in this process: what the
 * portal's mailer sends arrives in `received`. `stop()` and `start()` take it
 * down and bring it back on the same port, to test delivery failures.
 */
export interface TestSmtp {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Delays each message's acceptance (ms), so concurrent senders overlap. */
  delayMs: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const port = await freePort();
  let server: SMTPServer | null = null;
  const smtp: TestSmtp = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received: [],
    delayMs: 0,
    async start() {
      if (server) return;
      const s = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'], // plain SMTP on loopback; the client must not try TLS
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            const raw = Buffer.concat(chunks);
            void sleep(smtp.delayMs).then(() => {
              smtp.received.push({ ...readEml(raw), rcptTo: session.envelope.rcptTo.map((r) => r.address), raw });
              callback();
            });
          });
        },
      });
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, '127.0.0.1', () => resolve());
      });
      server = s;
    },
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
  await smtp.start();
  return smtp;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

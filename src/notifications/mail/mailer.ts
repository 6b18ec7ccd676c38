import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /**
   * Stable per outbox row: a mail sent again after a crash between sending and
   * committing carries the same Message-ID, so mail clients can drop the copy.
   */
  messageId?: string;
}

/** Where the portal's mail goes: an SMTP server, or files for the dev mailbox. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export const MAILER = Symbol('MAILER');

/** The folder FileMailer writes to and the dev mailbox page reads. */
export function mailDir(config: { dataDir: string }): string {
  return path.join(config.dataDir, 'mail');
}

/**
 * `SMTP_URL`: one connection per message, no pool, so nothing stays open
 * between sends and a stopped server is noticed at once. Timeouts bound how
 * long a dispatcher holds its outbox row's lock on a hung server.
 */
export class SmtpMailer implements Mailer {
  private readonly transport;

  constructor(url: string, from: string) {
    this.transport = nodemailer.createTransport(
      { url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as Parameters<
        typeof nodemailer.createTransport
      >[0],
      { from },
    );
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * No `SMTP_URL`: each message is built exactly as it would be sent and written
 * to `dir` as an .eml file (listed on /dev/mailbox outside production). Names
 * sort by time, so the newest file is the last; written to a temporary name
 * and renamed, so a reader never sees half a message.
 */
export class FileMailer implements Mailer {
  private readonly transport;

  constructor(
    readonly dir: string,
    from: string,
  ) {
    this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }, { from });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
    await mkdir(this.dir, { recursive: true });
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
    const tmp = path.join(this.dir, `.${name}.tmp`);
    await writeFile(tmp, info.message as Buffer);
    await rename(tmp, path.join(this.dir, name));
  }

  close(): void {
    this.transport.close();
  }
}

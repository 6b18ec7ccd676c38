import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readEml, type ReadMail } from './eml.js';

export interface MailboxEntry extends ReadMail {
  file: string;
}

/**
 * The mail FileMailer wrote, newest first (file names start with the time).
 * Only for the dev mailbox page: a missing folder is an empty mailbox.
 */
export async function readMailbox(dir: string, limit = 50): Promise<MailboxEntry[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const newest = names
    .filter((n) => n.endsWith('.eml') && !n.startsWith('.'))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(newest.map(async (file) => ({ file, ...readEml(await readFile(path.join(dir, file))) })));
}

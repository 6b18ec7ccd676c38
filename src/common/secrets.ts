import { createHmac, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** One key per purpose from the one APP_SECRET, so a leak of one does not give the others. */
export function deriveKey(secret: string, purpose: 'jwt' | 'csrf'): string {
  return createHmac('sha256', secret).update(`mot-cua:${purpose}`).digest('base64url');
}

/** Outside production, APP_SECRET may be left unset: a random one is kept in the data directory. */
export async function loadOrCreateLocalSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'app-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, secret + '\n', { mode: 0o600 });
  return secret;
}

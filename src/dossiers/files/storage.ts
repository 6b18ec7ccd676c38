import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where component files live. Local folder by default; S3-compatible storage plugs in behind the same port. */
export interface FileStorage {
  put(bytes: Uint8Array): Promise<{ key: string; sha256: string }>;
  get(key: string): Promise<Uint8Array>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

/** Files under `$DATA_DIR/files`, named by a random key, sharded by its first two characters. */
export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(bytes: Uint8Array): Promise<{ key: string; sha256: string }> {
    const key = randomUUID();
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes, { flag: 'wx' });
    return { key, sha256: sha256(bytes) };
  }

  async get(key: string): Promise<Uint8Array> {
    return readFile(this.pathOf(key));
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('bad storage key');
    return path.join(this.root, key.slice(0, 2), key);
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readP12, type SigningCredentials } from './credentials.js';
import { selfSignedP12, type AgencyIdentity } from './self-signed.js';

export interface KeySource {
  /** A PKCS#12 file used for every agency, or a directory of `{agencyCode}.p12` (with `default.p12` as fallback). */
  p12Path?: string;
  passphrase?: string;
  /** Without `p12Path`: self-signed certificates are generated into `dataDir/keys`. */
  dataDir: string;
}

/** A file name from an agency code ("H12.05" stays "H12.05"; anything odd becomes "_"). */
export function keyFileName(agencyCode: string): string {
  return `${agencyCode.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_')}.p12`;
}

/**
 * Each agency's signing credentials, read or generated once per process and
 * kept in memory (decrypting a PKCS#12 takes tens of milliseconds, generating
 * a key far more). Concurrent first uses share one promise; a failure is not
 * cached, so a fixed file is picked up on the next attempt.
 */
export class AgencyKeyStore {
  private readonly cache = new Map<string, Promise<SigningCredentials>>();

  constructor(private readonly source: KeySource) {}

  credentialsFor(agency: AgencyIdentity): Promise<SigningCredentials> {
    const slot = agency.code;
    let pending = this.cache.get(slot);
    if (!pending) {
      pending = this.load(agency);
      this.cache.set(slot, pending);
      pending.catch(() => this.cache.delete(slot));
    }
    return pending;
  }

  private async load(agency: AgencyIdentity): Promise<SigningCredentials> {
    const passphrase = this.source.passphrase ?? '';
    if (this.source.p12Path) return readP12(await readFile(await this.configuredFile(this.source.p12Path, agency.code)), passphrase);
    return readP12(await this.generatedFile(agency, passphrase), passphrase);
  }

  private async configuredFile(p12Path: string, agencyCode: string): Promise<string> {
    if (!(await stat(p12Path)).isDirectory()) return p12Path;
    const own = path.join(p12Path, keyFileName(agencyCode));
    return (await exists(own)) ? own : path.join(p12Path, 'default.p12');
  }

  /**
   * The agency's self-signed PKCS#12 under `dataDir/keys`, created on first
   * use. Written to a private temporary file and hard-linked into place, which
   * fails if the name exists: when two replicas start together, one file wins
   * whole and the other replica reads it, never a half-written or replaced key.
   */
  private async generatedFile(agency: AgencyIdentity, passphrase: string): Promise<Buffer> {
    const dir = path.join(this.source.dataDir, 'keys');
    const file = path.join(dir, keyFileName(agency.code));
    if (await exists(file)) return readFile(file);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const p12 = await selfSignedP12(agency, passphrase);
    const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, p12, { mode: 0o600, flag: 'wx' });
    try {
      await link(temp, file);
      return p12;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return readFile(file);
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

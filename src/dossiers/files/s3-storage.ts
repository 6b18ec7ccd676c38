import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import type { S3Config } from '../../config/config.js';
import { sha256, type FileStorage } from './storage.js';

/**
 * Component files in an S3-compatible bucket, under the same random keys as
 * the local folder (so moving from one to the other is a plain copy of the
 * objects). Needed once replicas run on more than one host: every replica
 * reads every file.
 */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;

  constructor(
    private readonly config: S3Config,
    client?: S3Client,
  ) {
    this.client =
      client ??
      new S3Client({
        endpoint: config.endpoint,
        region: config.region,
        forcePathStyle: config.forcePathStyle,
        credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
        // Recent SDKs add CRC checksums to every upload by default; many S3-compatible servers
        // (older MinIO, Ceph, some clouds) refuse or mangle them. Only when an operation requires one.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: 3,
      });
  }

  async put(bytes: Uint8Array): Promise<{ key: string; sha256: string }> {
    const key = randomUUID();
    const digest = sha256(bytes);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: key,
        Body: bytes,
        ContentLength: bytes.byteLength,
        ContentType: 'application/octet-stream',
        // Kept with the object, so a copy can be checked against the database without it.
        Metadata: { sha256: digest },
      }),
    );
    return { key, sha256: digest };
  }

  async get(key: string): Promise<Uint8Array> {
    checkKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
      if (!object.Body) throw new Error(`storage object ${key} has no body`);
      return await object.Body.transformToByteArray();
    } catch (err) {
      // The local adapter's missing file is ENOENT: the same for callers, whatever the backend.
      if (err instanceof NoSuchKey) throw Object.assign(new Error(`storage object ${key} not found`), { code: 'ENOENT' });
      throw err;
    }
  }

  /** Nest calls this on shutdown: the client's kept-alive sockets must not hold the process open. */
  onModuleDestroy(): void {
    this.client.destroy();
  }
}

/** Keys are the UUIDs `put` makes: anything else is a bug or an attack, never a request to S3. */
function checkKey(key: string): void {
  if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('bad storage key');
}

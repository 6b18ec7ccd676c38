import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type S3Config } from '../../src/config/config.js';
import { S3FileStorage } from '../../src/dossiers/files/s3-storage.js';
import { createFileStorage } from '../../src/dossiers/files/storage-factory.js';
import { LocalFileStorage } from '../../src/dossiers/files/storage.js';
import { startFakeS3, type FakeS3 } from '../helpers/fake-s3.js';

let s3: FakeS3;
let storage: S3FileStorage;
let config: S3Config;
beforeAll(async () => {
  s3 = await startFakeS3();
  config = {
    endpoint: s3.endpoint,
    bucket: 'ho-so',
    accessKeyId: 'AKIAFAKE',
    secretAccessKey: 'fake-secret',
    region: 'us-east-1',
    forcePathStyle: true,
  };
  storage = new S3FileStorage(config);
});
afterAll(async () => {
  storage?.onModuleDestroy();
  await s3?.close();
});

describe('S3FileStorage', () => {
  it('puts a file under a random key and gets the same bytes back', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4 giấy chứng sinh');
    const stored = await storage.put(bytes);
    expect(stored.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stored.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(Buffer.from(await storage.get(stored.key))).toEqual(Buffer.from(bytes));
    expect(s3.objects.get(`ho-so/${stored.key}`)?.body).toEqual(Buffer.from(bytes));
  });

  it('signs its requests, addresses the bucket in the path, and keeps the checksum with the object', async () => {
    const { key, sha256 } = await storage.put(new Uint8Array([1, 2, 3]));
    const put = s3.requests.find((r) => r.method === 'PUT' && r.url.includes(key))!;
    expect(new URL(put.url, 'http://x').pathname).toBe(`/ho-so/${key}`);
    expect(put.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAFAKE\/\d{8}\/us-east-1\/s3\/aws4_request/);
    expect(put.headers['x-amz-meta-sha256']).toBe(sha256);
    // No default CRC checksum or aws-chunked body, which S3-compatible servers may refuse.
    expect(put.headers['content-encoding'] ?? '').not.toContain('aws-chunked');
    expect(Object.keys(put.headers).filter((h) => h.startsWith('x-amz-checksum'))).toEqual([]);
  });

  it('answers a missing object like the local folder answers a missing file', async () => {
    await expect(storage.get('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('never sends a key it did not make', async () => {
    const before = s3.requests.length;
    await expect(storage.get('../../etc/passwd')).rejects.toThrow('bad storage key');
    expect(s3.requests.length).toBe(before);
  });
});

describe('createFileStorage', () => {
  it('picks S3 when it is configured, else the local folder', () => {
    const s3Storage = createFileStorage({ dataDir: '/tmp/x', s3: config });
    expect(s3Storage).toBeInstanceOf(S3FileStorage);
    (s3Storage as S3FileStorage).onModuleDestroy();
    expect(createFileStorage({ dataDir: '/tmp/x' })).toBeInstanceOf(LocalFileStorage);
  });
});

describe('S3 configuration', () => {
  const all = {
    S3_ENDPOINT: 'http://127.0.0.1:9000',
    S3_BUCKET: 'ho-so',
    S3_ACCESS_KEY_ID: 'AKIAFAKE',
    S3_SECRET_ACCESS_KEY: 'S3cr3t-value',
  };

  it('is off by default', () => {
    expect(loadConfig({}).s3).toBeUndefined();
  });

  it('reads the four variables, with region us-east-1 and path-style addressing by default', () => {
    expect(loadConfig(all).s3).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'ho-so',
      accessKeyId: 'AKIAFAKE',
      secretAccessKey: 'S3cr3t-value',
      region: 'us-east-1',
      forcePathStyle: true,
    });
    expect(loadConfig({ ...all, S3_REGION: 'ap-southeast-1', S3_FORCE_PATH_STYLE: 'false' }).s3).toMatchObject({
      region: 'ap-southeast-1',
      forcePathStyle: false,
    });
  });

  it('refuses a partial setting, naming what is missing, without showing the secret', () => {
    const { S3_ACCESS_KEY_ID: _omitted, ...partial } = all;
    expect(() => loadConfig(partial)).toThrow(ConfigError);
    expect(() => loadConfig(partial)).toThrow(/^Invalid environment variable S3_ACCESS_KEY_ID: must be set together with S3_ENDPOINT/);
    expect(() => loadConfig({ ...all, S3_SECRET_ACCESS_KEY: '' })).toThrow(/S3_SECRET_ACCESS_KEY/);
    let message = '';
    try {
      loadConfig({ ...all, S3_BUCKET: 'Not A Bucket' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^Invalid environment variable S3_BUCKET/);
    expect(message).not.toContain('S3cr3t');
  });

  it('refuses an endpoint that is not a URL', () => {
    expect(() => loadConfig({ ...all, S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/);
  });
});

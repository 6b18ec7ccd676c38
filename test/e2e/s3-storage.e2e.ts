import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3FileStorage } from '../../src/dossiers/files/s3-storage.js';
import { FILE_STORAGE, type FileStorage } from '../../src/dossiers/files/storage.js';
import { PDF, setUpCast, type Cast } from '../helpers/dossier-fixtures.js';
import { startFakeS3, type FakeS3 } from '../helpers/fake-s3.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

let s3: FakeS3;
let t: TestPortal;
let cast: Cast;
beforeAll(async () => {
  s3 = await startFakeS3();
  t = await startTestPortal({
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: 'portal-files',
    S3_ACCESS_KEY_ID: 'AKIATEST',
    S3_SECRET_ACCESS_KEY: 'test-secret-key',
  });
  cast = await setUpCast(t);
});
afterAll(async () => {
  await t?.close();
  await s3?.close();
});

describe('component files in S3-compatible storage', () => {
  it('uses the bucket when S3 is configured', () => {
    expect(t.portal.app.get<FileStorage>(FILE_STORAGE)).toBeInstanceOf(S3FileStorage);
  });

  it("stores a citizen's upload in the bucket, not on the local disk, and reads it back", async () => {
    const draft = await t.http
      .post('/api/v1/dossiers')
      .set('Authorization', `Bearer ${cast.citizen}`)
      .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: { childName: 'Bé Na' } })
      .expect(201);
    const upload = await t.http
      .post(`/api/v1/dossiers/${draft.body.id}/files`)
      .set('Authorization', `Bearer ${cast.citizen}`)
      .field('componentCode', 'GCS')
      .attach('file', PDF, 'giay-chung-sinh.pdf')
      .expect(201);

    const [file] = await t.query<{ storage_key: string; sha256: string }>(`SELECT storage_key, sha256 FROM dossier_file WHERE id = $1`, [
      upload.body.id,
    ]);
    expect(s3.objects.get(`portal-files/${file.storage_key}`)?.body).toEqual(PDF);
    expect(s3.objects.get(`portal-files/${file.storage_key}`)?.headers['x-amz-meta-sha256']).toBe(file.sha256);
    expect(existsSync(path.join(t.portal.config.dataDir, 'files', file.storage_key.slice(0, 2), file.storage_key))).toBe(false);

    const bytes = await t.portal.app.get<FileStorage>(FILE_STORAGE).get(file.storage_key);
    expect(Buffer.from(bytes)).toEqual(PDF);
  });
});

import path from 'node:path';
import type { AppConfig } from '../../config/config.js';
import { S3FileStorage } from './s3-storage.js';
import { LocalFileStorage, type FileStorage } from './storage.js';

/** The bucket when S3 is configured, else the local folder `$DATA_DIR/files`. */
export function createFileStorage(config: Pick<AppConfig, 's3' | 'dataDir'>): FileStorage {
  return config.s3 ? new S3FileStorage(config.s3) : new LocalFileStorage(path.join(config.dataDir, 'files'));
}

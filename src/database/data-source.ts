import type { DataSourceOptions } from 'typeorm';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migration',
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false, // run by `migrate()` under a lock, before the app serves
    extra: { max: 20, application_name: 'mot-cua-portal' },
  };
}

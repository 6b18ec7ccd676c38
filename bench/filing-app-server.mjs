// The real portal (built, from dist/) on the given database, in its own process. Prints {"port":N}.
// Usage: node bench/filing-app-server.mjs <databaseUrl>
import pg from 'pg';
import { createPortal } from '../dist/bootstrap.js';
import { loadConfig } from '../dist/config/config.js';
import { BENCH_SECRET, log } from './support.mjs';

const [databaseUrl] = process.argv.slice(2);

// BENCH_COUNT_QUERIES=1: count the SQL statements the app sends (for profiling the hot path); printed on exit.
const counted = new Map();
if (process.env.BENCH_COUNT_QUERIES) {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, ...rest) {
    const text = typeof config === 'string' ? config : (config?.text ?? '');
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
    counted.set(key, (counted.get(key) ?? 0) + 1);
    return query.call(this, config, ...rest);
  };
}
const portal = await createPortal(
  loadConfig({
    NODE_ENV: 'production',
    APP_SECRET: BENCH_SECRET,
    DATABASE_URL: databaseUrl,
    DEMO_DATA: 'false',
    // Request logs off (warn), as in the catalogue bench: the bench measures the request path, not stdout.
    LOG_LEVEL: 'warn',
    // No background workers draining the outbox while we measure (ignored by builds that have none).
    WORKERS: 'false',
    // Lookups come through the bench's "proxy": X-Forwarded-For names the client (bench/lookup.mjs).
    TRUST_PROXY: process.env.BENCH_TRUST_PROXY ?? 'false',
  }),
  log,
);
// BENCH_ROLL_UP=1: first build the statistics' monthly roll-ups, as the hourly job does (bench/stats-load.mjs).
let rollUpMs;
if (process.env.BENCH_ROLL_UP) {
  const { StatsRollup } = await import('../dist/stats/stats-rollup.service.js');
  const started = performance.now();
  await portal.app.get(StatsRollup).runOnce();
  rollUpMs = Math.round(performance.now() - started);
}
await portal.app.listen(0, '127.0.0.1');
console.log(JSON.stringify({ port: portal.app.getHttpServer().address().port, rollUpMs }));
process.once('SIGTERM', () => {
  if (counted.size > 0) console.error(JSON.stringify(Object.fromEntries([...counted].sort((a, b) => b[1] - a[1])), null, 1));
  portal.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});

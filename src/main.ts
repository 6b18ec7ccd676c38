import { createPortal } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/config.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const portal = await createPortal(config);
  await portal.app.listen(config.port, config.host);
  portal.log.info({ url: config.publicUrl }, `portal listening on ${config.host}:${config.port}`);

  let stopping = false;
  // Once shutting down, the database goes away under background work still finishing (pg-boss's last
  // "job complete" on a pooled connection): such a late failure is expected, not a crash. Before that,
  // an unhandled rejection stays fatal, as Node makes it by default.
  process.on('unhandledRejection', (err) => {
    if (!stopping) throw err;
    portal.log.warn({ err }, 'background work failed while shutting down');
  });

  const stop = async (signal: string) => {
    stopping = true;
    portal.log.info({ signal }, 'shutting down');
    try {
      await portal.close();
      process.exit(0);
    } catch (err) {
      portal.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});

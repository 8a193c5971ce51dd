import { ConfigError, loadConfig } from './config';
import { keepDataPrivate } from './config/private-data';
import { usesDevelopmentKey } from './codec/configured-key-ring';
import { startEngine } from './engine';
import { createLogger } from './logging';

/** `npm start`: the engine in the foreground until Ctrl-C or SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`asylum-docket: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  keepDataPrivate(config.dataDir);
  if (usesDevelopmentKey(config)) {
    logger.warn(
      `case payloads are encrypted with the development key file ${config.encryption.keyFile}, which sits beside the data it protects: ` +
        'back it up apart from the data, and give real cases keys of their own (DOCKET_ENCRYPTION_KEYS or DOCKET_ENCRYPTION_KEY_FILE; docs/privacy.md)',
    );
  }
  const engine = await startEngine(config, logger);
  process.stdout.write(engine.banner());

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info(`received ${signal}, shutting down`);
    engine.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await engine.finished;
  if (!stopping) {
    logger.error('the worker stopped unexpectedly; shutting down');
    await engine.stop();
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`asylum-docket: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

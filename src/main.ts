import { ConfigError, loadConfig } from './config';
import { keepDataPrivate } from './config/private-data';
import { usesDevelopmentKey } from './codec/configured-key-ring';
import { ENGINE_ROLES, startEngine, type EngineRole } from './engine';
import { createLogger } from './logging';

const USAGE = `Usage: node dist/main.js [--role ${ENGINE_ROLES.join('|')}]   (or npm start -- --role ROLE, or DOCKET_ROLE)`;

/** `--role ROLE` or `--role=ROLE`, else DOCKET_ROLE, else all. */
function roleOf(argv: readonly string[], env: NodeJS.ProcessEnv): EngineRole {
  let given: string | undefined;
  let source = 'DOCKET_ROLE';
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--role' || arg.startsWith('--role=')) {
      given = arg === '--role' ? argv[(index += 1)] : arg.slice('--role='.length);
      source = '--role';
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}
`);
      process.exit(0);
    } else {
      throw new ConfigError(`unexpected argument "${arg}". ${USAGE}`);
    }
  }
  given ??= env.DOCKET_ROLE?.trim() || 'all';
  if (!(ENGINE_ROLES as readonly string[]).includes(given)) throw new ConfigError(`${source} must be one of ${ENGINE_ROLES.join(', ')}, not "${given}".`);
  return given as EngineRole;
}

/** `npm start`: the engine (or one role of it) in the foreground until Ctrl-C or SIGTERM. */
async function main(): Promise<void> {
  let config;
  let role: EngineRole;
  try {
    role = roleOf(process.argv.slice(2), process.env);
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`asylum-docket: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, undefined, { format: config.logFormat });
  keepDataPrivate(config.dataDir);
  if (usesDevelopmentKey(config)) {
    logger.warn(
      `case payloads are encrypted with the development key file ${config.encryption.keyFile}, which sits beside the data it protects: ` +
        'back it up apart from the data, and give real cases keys of their own (DOCKET_ENCRYPTION_KEYS or DOCKET_ENCRYPTION_KEY_FILE; docs/privacy.md)',
    );
  }
  const engine = await startEngine(config, logger, role);
  process.stdout.write(engine.banner());
  if (engine.oneShot) {
    await engine.stop();
    process.exit(0);
  }

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

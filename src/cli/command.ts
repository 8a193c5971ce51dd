import type { CliIo } from './io';

/** How docket was run, beyond the command's own arguments. */
export interface CliSession {
  /** A staff member's API token (`docket --token`, or DOCKET_TOKEN): the command then acts through the HTTP API as that member. */
  token?: string;
  /** The environment docket runs in (DOCKET_ACTOR, DOCKET_API_URL and the engine's configuration). */
  environment: NodeJS.ProcessEnv;
}

/** One `docket` subcommand. Each lives in its own file under `commands/` and is listed in `commands/index.ts`. */
export interface CliCommand {
  name: string;
  /** One line for `docket --help`. */
  summary: string;
  /**
   * Whether the command works with a staff member's token: through the HTTP API, or because it reads no
   * case and needs no keys. The others are operator commands, which use the engine's keys, and refuse a token.
   */
  acceptsToken?: boolean;
  /** Runs with the arguments after the command name; returns the exit code. Throws UsageError for a bad command line. */
  run(args: readonly string[], io: CliIo, session: CliSession): Promise<number> | number;
}

import type { CliIo } from './io';

/** One `docket` subcommand. Each lives in its own file under `commands/` and is listed in `commands/index.ts`. */
export interface CliCommand {
  name: string;
  /** One line for `docket --help`. */
  summary: string;
  /** Runs with the arguments after the command name; returns the exit code. Throws UsageError for a bad command line. */
  run(args: readonly string[], io: CliIo): Promise<number> | number;
}

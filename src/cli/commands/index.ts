import type { CliCommand } from '../command';
import { deadlinesCommand } from './deadlines';

/** Every `docket` subcommand; add a new one here after writing it in its own file. */
export const COMMANDS: readonly CliCommand[] = [deadlinesCommand];

import type { CliCommand } from '../command';
import { feedCommand, tokenCommand } from './access-commands';
import { adminCommand } from './admin';
import { applicantsCommand } from './applicants';
import { caseCommand } from './case';
import { deadlinesCommand } from './deadlines';
import { digestCommand } from './digest';
import { rulesCommand } from './rules';
import { staffCommand } from './staff';

/** Every `docket` subcommand; add a new one here after writing it in its own file. */
export const COMMANDS: readonly CliCommand[] = [caseCommand, deadlinesCommand, digestCommand, rulesCommand, staffCommand, tokenCommand, feedCommand, applicantsCommand, adminCommand];

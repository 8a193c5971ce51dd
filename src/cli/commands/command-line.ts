import { type ParseArgsConfig, parseArgs } from 'node:util';
import { DocketError, InvalidInputError } from '../../errors/docket-errors';
import { type CliIo, EXIT_FAILURE, EXIT_USAGE, UsageError } from '../io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Exit codes beyond the dispatcher's 0 (done), 1 (failure) and 2 (bad command line or input). */
export const EXIT_NOT_FOUND = 3;
/** The case refused the command, or the thing already exists: nothing was changed. */
export const EXIT_REFUSED = 4;
/** Temporal or the database cannot be reached. */
export const EXIT_UNAVAILABLE = 5;

/** Options plus positional words (`docket case show RU-TA-2016-0042`), strictly: unknown options are errors. */
export function parseCommandLine<O extends Options>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error));
  }
}

/** A problem "field: what is wrong" in the CLI's words: "--flag: what is wrong". */
function inFlagWords(problem: string, flagOfField: Readonly<Record<string, string>>): string {
  const field = /^([A-Za-z]+(?:\.[A-Za-z]+)*):/.exec(problem)?.[1];
  const flag = field === undefined ? undefined : flagOfField[field];
  return flag === undefined ? problem : `${flag}${problem.slice(field!.length)}`;
}

/**
 * Runs a command and turns the shared error vocabulary into a message and an exit code that says what
 * kind of problem it was. `flagOfField` names the flag that gave each input field, so a problem reads
 * in the words the person typed.
 */
export async function withExitCodes(
  command: string,
  io: CliIo,
  run: () => Promise<number>,
  flagOfField: Readonly<Record<string, string>> = {},
): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DocketError)) throw error;
    const message =
      error instanceof InvalidInputError && error.problems.length > 0
        ? `${error.summary}:\n${error.problems.map((problem) => `  - ${inFlagWords(problem, flagOfField)}`).join('\n')}`
        : error.message;
    io.err(`docket ${command}: ${message}`);
    switch (error.kind) {
      case 'invalid-input':
        return EXIT_USAGE;
      case 'not-found':
        return EXIT_NOT_FOUND;
      case 'conflict':
      case 'rejected':
      case 'forbidden':
        return EXIT_REFUSED;
      case 'unavailable':
        return EXIT_UNAVAILABLE;
      default:
        return EXIT_FAILURE;
    }
  }
}

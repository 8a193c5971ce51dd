import { RulesError } from '../rules';
import type { CliCommand } from './command';
import { COMMANDS } from './commands';
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, processIo } from './io';

function usage(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: docket <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    "Run 'docket <command> --help' for a command's options.",
  ].join('\n');
}

/** Dispatches to a subcommand and turns every failure into a message on stderr and an exit code. */
export async function runDocket(argv: readonly string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(usage(commands));
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage(commands));
    return EXIT_OK;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`docket: unknown command "${name}"; known: ${commands.map((candidate) => candidate.name).join(', ')}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof RulesError && error.isInputError)) {
      io.err(`docket ${name}: ${error.message}\nRun 'docket ${name} --help' for usage.`);
      return EXIT_USAGE;
    }
    io.err(`docket ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILURE;
  }
}

export async function main(): Promise<void> {
  process.exitCode = await runDocket(process.argv.slice(2), processIo);
}

if (require.main === module) void main();

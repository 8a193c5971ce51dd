import { RulesError } from '../rules';
import type { CliCommand, CliSession } from './command';
import { COMMANDS } from './commands';
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, processIo } from './io';

function usage(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: docket [--token TOKEN] <command> [options]',
    '',
    "docket is the operator's tool: it uses the engine's own keys (the Temporal connection, the payload",
    'encryption keys and the register database), so whoever runs it can act for anyone. --as STAFF (or',
    'DOCKET_ACTOR) names the staff member you act for; cases refuse anyone the staff directory does not let',
    'act on them, and every write is audited with --as and with your login on this machine.',
    '',
    'Staff use it with a token of their own: with --token TOKEN (or DOCKET_TOKEN) the case commands go',
    "through the HTTP API (DOCKET_API_URL, else API_PUBLIC_URL), which acts as the token's staff member,",
    'within their role and office, and needs none of the keys. Operator commands refuse a token.',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}${command.acceptsToken ? '' : ' (operator)'}`),
    '',
    "Run 'docket <command> --help' for a command's options.",
  ].join('\n');
}

/** `docket --token TOKEN <command> ...` or `--token=TOKEN`, else DOCKET_TOKEN: the one option that comes before the command. */
function sessionOf(argv: readonly string[], environment: NodeJS.ProcessEnv): { session: CliSession; rest: readonly string[] } {
  const [first = '', ...others] = argv;
  const flagged =
    first === '--token' ? { token: others[0], rest: others.slice(1) } : first.startsWith('--token=') ? { token: first.slice('--token='.length), rest: others } : undefined;
  if (flagged && (!flagged.token || flagged.token.startsWith('-'))) {
    throw new UsageError('--token needs the token: docket --token TOKEN <command> (or set DOCKET_TOKEN)');
  }
  const token = flagged?.token ?? (environment.DOCKET_TOKEN?.trim() || undefined);
  return { session: { ...(token ? { token } : {}), environment }, rest: flagged?.rest ?? argv };
}

/** Dispatches to a subcommand and turns every failure into a message on stderr and an exit code. */
export async function runDocket(
  argv: readonly string[],
  io: CliIo,
  commands: readonly CliCommand[] = COMMANDS,
  environment: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let parsed;
  try {
    parsed = sessionOf(argv, environment);
  } catch (error) {
    io.err(`docket: ${(error as Error).message}`);
    return EXIT_USAGE;
  }
  const { session, rest } = parsed;
  const [name, ...args] = rest;
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
  if (session.token !== undefined && !command.acceptsToken) {
    io.err(`docket ${name} is an operator command: it uses the engine's keys, not the API; run it without --token or DOCKET_TOKEN`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(args, io, session);
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

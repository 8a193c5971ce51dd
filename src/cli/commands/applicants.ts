import { reindexApplicants } from '../../client/applicant-reindex';
import type { CliCommand } from '../command';
import { EXIT_OK, UsageError } from '../io';
import { parseCommandLine, withExitCodes } from './command-line';
import { openCliServices, usingServices, type OpenCliServices } from './services';

const HELP = `Usage: docket applicants reindex [--all] [--as STAFF] [--json]

Gives open cases the blind index of their applicant's pseudonym (DOCKET_APPLICANT_INDEX_KEY), which the
desk's and the API's pseudonym search looks up. Without --all: only cases opened before the index existed.
With --all: every open case, as after the index key was replaced. Closed cases keep the index they had.
The pseudonyms are read from the cases with the engine's keys and go nowhere but into the index; the
output names case numbers only. Add --as STAFF (or DOCKET_ACTOR) to record who did it (default: operator).`;

const OPTIONS = {
  all: { type: 'boolean' },
  as: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function createApplicantsCommand(openServices: OpenCliServices = openCliServices): CliCommand {
  return {
    name: 'applicants',
    summary: 'reindex: give open cases the blind index of their pseudonym, for cases opened before it or after a key change',
    run: async (args, io) => {
      const { values, positionals } = parseCommandLine(args, OPTIONS);
      if (values.help) {
        io.out(HELP);
        return EXIT_OK;
      }
      if (positionals[0] !== 'reindex' || positionals.length > 1) throw new UsageError('the only action is: docket applicants reindex [--all]');
      return withExitCodes('applicants reindex', io, () =>
        usingServices(openServices, async ({ cases }) => {
          const actor = values.as ?? process.env.DOCKET_ACTOR ?? 'operator';
          const report = await reindexApplicants(await cases(), { actor, all: values.all ?? false });
          if (values.json) io.out(JSON.stringify(report, null, 2));
          else {
            io.out(`Indexed ${report.indexed.length}, already indexed ${report.unchanged}, without an applicant ${report.withoutApplicant}, refused ${report.refused.length}.`);
            for (const { caseNumber, reason } of report.refused) io.out(`  ${caseNumber}: refused (${reason})`);
          }
          return EXIT_OK;
        }),
      );
    },
  };
}

export const applicantsCommand = createApplicantsCommand();

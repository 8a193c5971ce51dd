import { migrateCases, type MigrationOutcome, type MigrationSelection } from '../../reports/rule-migrations';
import { ruleImpact, type CaseImpact, type RuleImpact } from '../../reports/rule-impact';
import type { CliCommand } from '../command';
import { EXIT_OK, UsageError } from '../io';
import { EXIT_REFUSED, parseCommandLine, withExitCodes } from './command-line';
import { openCliServices, usingServices, type CliServices, type OpenCliServices } from './services';

const HELP = `Usage:
  docket rules impact [--office OFFICE] [--json]
  docket rules migrate CASE... | --all-affected --reason TEXT --as SUPERVISOR [--dry-run] [--json]

Rule data (DOCKET_RULES_DIR over the shipped packs and calendars) changes without a release, but a running
case keeps the versions its deadlines were first computed with until a supervisor migrates it.

  impact    compares every running case's deadlines, as the register holds them, with what the installed
            rule data gives: each changed deadline with its old and new date and the explanation's
            difference, and the years that were counted on weekends and fixed holidays alone and are now
            covered. No case is touched.
  migrate   moves the named cases, or every case the impact lists, to the installed rule data: their
            deadlines are recomputed, timers move, the caseworker is told of every changed date, and a
            date moved earlier is escalated to the supervisors at once. --dry-run shows what would change.

Options:
  --office OFFICE   only the cases of one office
  --all-affected    every case the impact report lists
  --reason TEXT     why, for the case history (e.g. "2028 production calendar decreed")
  --as STAFF        the supervisor who migrates (or DOCKET_ACTOR)
  --dry-run         change nothing; show what each case would change
  --json            machine-readable output`;

const OPTIONS = {
  office: { type: 'string' },
  'all-affected': { type: 'boolean' },
  reason: { type: 'string' },
  as: { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function caseLines(impact: CaseImpact): string[] {
  const lines = [`${impact.caseNumber} (${impact.jurisdiction} ${impact.procedure}, office ${impact.office}, caseworker ${impact.caseworker})`];
  lines.push(`  pinned: ${versionsText(impact.pinned)}  ->  installed: ${versionsText(impact.installed)}`);
  for (const deadline of impact.deadlines) {
    const dates = `${deadline.from ?? '(new)'} -> ${deadline.to ?? '(no longer given)'}`;
    lines.push(`  ${deadline.title.en} [${deadline.deadlineId}]: ${dates}${deadline.earlier ? '  EARLIER' : ''}`);
    if (deadline.fallbackCovered.length > 0) lines.push(`    counted on weekends and fixed holidays alone in ${deadline.fallbackCovered.join(', ')}; the calendar now covers it`);
    for (const line of deadline.explanation.removed) lines.push(`    - ${line.trim()}`);
    for (const line of deadline.explanation.added) lines.push(`    + ${line.trim()}`);
  }
  return lines;
}

function versionsText(versions: CaseImpact['pinned']): string {
  return versions ? `${versions.pack.id} ${versions.pack.label} #${versions.pack.hash}, ${versions.calendar.id} ${versions.calendar.label} #${versions.calendar.hash}` : 'unknown';
}

function impactText(impact: RuleImpact): string {
  const head = `Installed rule data: ${impact.installedFiles.join(', ')}. ${impact.casesChecked} running case(s) checked, ${impact.affected.length} would change, ${impact.pinnedUnchanged} pinned to other versions with the same deadlines.`;
  const wording = impact.wordingOnly.length > 0 ? [`Same dates, explanations worded differently (no need to migrate): ${impact.wordingOnly.join(', ')}`] : [];
  const unrecorded =
    impact.unrecorded.length > 0
      ? [`Not assessed, no computation on record yet (computed before this release; listed after their next event or correction): ${impact.unrecorded.join(', ')}`]
      : [];
  return [head, ...wording, ...unrecorded, ...impact.affected.flatMap((affected) => ['', ...caseLines(affected)])].join('\n');
}

function outcomeText(outcomes: readonly MigrationOutcome[]): string {
  if (outcomes.length === 0) return 'No case to migrate: every running case is on the installed rule data or would not change.';
  return outcomes
    .flatMap((outcome) => {
      const head = `${outcome.caseNumber}: ${outcome.result === 'refused' ? `refused: ${outcome.reason}` : outcome.result}`;
      return [head, ...(outcome.impact ? caseLines(outcome.impact).slice(1) : ['  no deadline would change'])];
    })
    .join('\n');
}

async function impactOf(services: CliServices, office: string | undefined): Promise<RuleImpact> {
  const cases = await services.cases();
  return ruleImpact({ listing: cases.listing, computations: services.computations, rulebook: await services.rulebook() }, office ? { office } : {}, new Date());
}

export function createRulesCommand(openServices: OpenCliServices = openCliServices): CliCommand {
  return {
    name: 'rules',
    summary: 'see what installed rule data would change in running cases, and migrate them to it',
    run: async (args, io, session) => {
      const { values, positionals } = parseCommandLine(args, OPTIONS);
      const [action, ...caseNumbers] = positionals;
      if (values.help || action === undefined) {
        io.out(HELP);
        return EXIT_OK;
      }
      if (action === 'impact') {
        if (caseNumbers.length > 0) throw new UsageError(`unexpected argument "${caseNumbers[0]}"`);
        return withExitCodes('rules impact', io, () =>
          usingServices(openServices, async (services) => {
            const impact = await impactOf(services, values.office);
            io.out(values.json ? JSON.stringify(impact, null, 2) : impactText(impact));
            return EXIT_OK;
          }),
        );
      }
      if (action !== 'migrate') throw new UsageError(`unknown action "${action}"; expected impact or migrate`);
      if (values['all-affected'] && caseNumbers.length > 0) throw new UsageError('name cases or give --all-affected, not both');
      if (!values['all-affected'] && caseNumbers.length === 0) throw new UsageError('name the cases to migrate, or give --all-affected');
      const reason = values.reason?.trim();
      if (!reason) throw new UsageError('say why: --reason TEXT (e.g. "2028 production calendar decreed")');
      const actor = values.as ?? session.environment.DOCKET_ACTOR;
      if (!actor) throw new UsageError('say who migrates: --as <supervisor id>, or set DOCKET_ACTOR');
      const selection: MigrationSelection = values['all-affected'] ? { allAffected: true } : { caseNumbers };
      return withExitCodes('rules migrate', io, () =>
        usingServices(openServices, async (services) => {
          const impact = await impactOf(services, values.office);
          const outcomes = await migrateCases(await services.cases(), impact, selection, { actor, reason, dryRun: values['dry-run'] ?? false });
          io.out(values.json ? JSON.stringify(outcomes, null, 2) : outcomeText(outcomes));
          return outcomes.some((outcome) => outcome.result === 'refused') ? EXIT_REFUSED : EXIT_OK;
        }),
        { reason: '--reason', actor: '--as' },
      );
    },
  };
}

export const rulesCommand = createRulesCommand();

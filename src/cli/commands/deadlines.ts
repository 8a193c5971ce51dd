import { z } from 'zod';
import {
  type ComputedDeadline,
  type DeadlineRequest,
  type Lang,
  computeDeadlines,
  listEvents,
  listJurisdictions,
  listProcedures,
  renderExplanation,
} from '../../rules';
import { loadConfig } from '../../config';
import { DEFAULT_REMINDER_POLICY } from '../../domain/case';
import { Rulebook } from '../../rulebook';
import type { CliCommand } from '../command';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { keyValues, parseOptions, validateOptions } from '../parse-args';

const HELP = `Usage:
  docket deadlines --jurisdiction RU --procedure temporary-asylum --event refusal-notice-received --date 2016-01-26
  docket deadlines --list [--jurisdiction RU [--procedure temporary-asylum]]

Computes every deadline an event starts and explains how each was reached.

Options:
  -j, --jurisdiction CODE      e.g. RU, US, DE, UK
  -p, --procedure NAME         e.g. temporary-asylum, refugee-status, asylum
  -e, --event NAME             e.g. refusal-notice-received (see --list)
  -d, --date YYYY-MM-DD        date of the event, local to the jurisdiction
      --fact NAME=VALUE        a fact the event uses, e.g. validUntil=2017-05-26 (repeatable)
      --param NAME=VALUE       a policy parameter, e.g. renewalLeadMonths=2 (repeatable)
      --suspension FROM..TO=REASON
                               a period during which the clock stops, for rules that allow it (repeatable)
      --allow-calendar-fallback
                               outside the calendar's years, use weekends and fixed holidays (with a warning)
      --lang en|ru|both        language of the explanations (default en)
      --json                   machine-readable output
      --list                   list jurisdictions, procedures, events and parameters
  -h, --help                   this text`;

const OPTIONS = {
  jurisdiction: { type: 'string', short: 'j' },
  procedure: { type: 'string', short: 'p' },
  event: { type: 'string', short: 'e' },
  date: { type: 'string', short: 'd' },
  fact: { type: 'string', multiple: true },
  param: { type: 'string', multiple: true },
  suspension: { type: 'string', multiple: true },
  'allow-calendar-fallback': { type: 'boolean' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  list: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const LangSchema = z.enum(['en', 'ru', 'both'], { error: 'expected en, ru or both' }).default('en');

const ListOptionsSchema = z.object({
  jurisdiction: z.string().optional(),
  procedure: z.string().optional(),
  lang: LangSchema,
  json: z.boolean().default(false),
});

const ComputeOptionsSchema = z.object({
  jurisdiction: z.string({ error: 'is required (e.g. RU)' }).min(1),
  procedure: z.string({ error: 'is required (e.g. temporary-asylum)' }).min(1),
  event: z.string({ error: 'is required (see docket deadlines --list)' }).min(1),
  date: z.string({ error: 'is required, as YYYY-MM-DD' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
  fact: z.array(z.string()).optional(),
  param: z.array(z.string()).optional(),
  suspension: z.array(z.string()).optional(),
  'allow-calendar-fallback': z.boolean().default(false),
  lang: LangSchema,
  json: z.boolean().default(false),
});

type OutputLang = z.output<typeof LangSchema>;

function languages(lang: OutputLang): Lang[] {
  return lang === 'both' ? ['en', 'ru'] : [lang];
}

/** `FROM..TO=REASON` */
function suspensions(entries: readonly string[] | undefined): NonNullable<DeadlineRequest['suspensions']> {
  return Object.entries(keyValues('suspension', entries)).map(([range, reason]) => {
    const [from, to, extra] = range.split('..');
    if (!from || !to || extra !== undefined) throw new UsageError(`--suspension expects FROM..TO=REASON, got "${range}=${reason}"`);
    return { from, to, reason };
  });
}

function printDeadlines(io: CliIo, request: DeadlineRequest, deadlines: ComputedDeadline[], lang: OutputLang): void {
  const heading = `${request.jurisdiction.toUpperCase()} ${request.procedure}: ${request.event} on ${request.date}`;
  if (deadlines.length === 0) {
    const note = listEvents(request.jurisdiction, request.procedure).find((event) => event.event === request.event)?.note;
    io.out(`${heading}\nNo deadline starts with this event.${note ? ` ${note.en}` : ''}`);
    return;
  }
  const blocks = deadlines.flatMap((deadline) => [
    ...languages(lang).map((language) => renderExplanation(deadline, language)),
    ...(deadline.reminderDates && deadline.reminderDates.length > 0
      ? [`Reminders at 09:00, a day off moving each to the working day before (offset in days): ${deadline.reminderDates.map((reminder) => `${reminder.on} (${reminder.daysBefore} d)`).join(', ')}`]
      : []),
  ]);
  io.out(`${heading}: ${deadlines.length} deadline(s)\n\n${blocks.join('\n\n')}`);
}

function printList(io: CliIo, options: z.output<typeof ListOptionsSchema>): void {
  const jurisdictions = listJurisdictions().filter(
    (jurisdiction) => options.jurisdiction === undefined || jurisdiction.code === options.jurisdiction.trim().toUpperCase(),
  );
  // Validates the filters with the engine's own errors (unknown jurisdiction or procedure).
  if (options.jurisdiction !== undefined) listProcedures(options.jurisdiction);
  if (options.jurisdiction !== undefined && options.procedure !== undefined) listEvents(options.jurisdiction, options.procedure);
  const catalog = jurisdictions.map((jurisdiction) => ({
    ...jurisdiction,
    procedures: listProcedures(jurisdiction.code)
      .filter((procedure) => options.procedure === undefined || procedure.procedure === options.procedure)
      .map((procedure) => ({ ...procedure, events: listEvents(jurisdiction.code, procedure.procedure) })),
  }));
  if (options.json) {
    io.out(JSON.stringify({ jurisdictions: catalog }, null, 2));
    return;
  }
  const lang: Lang = options.lang === 'ru' ? 'ru' : 'en';
  const lines: string[] = [];
  for (const jurisdiction of catalog) {
    const { calendar } = jurisdiction;
    lines.push(`${jurisdiction.code}  ${jurisdiction.name[lang]} (${jurisdiction.zone}; ${calendar.name[lang]} ${calendar.coverage.from}-${calendar.coverage.to})`);
    for (const procedure of jurisdiction.procedures) {
      lines.push(`  ${procedure.procedure} — ${procedure.title[lang]}`);
      for (const event of procedure.events) {
        const facts = event.facts.length > 0 ? ` [facts: ${event.facts.map((fact) => fact.name).join(', ')}]` : '';
        const kinds = [...new Set(event.deadlines.map((deadline) => deadline.kind))];
        lines.push(`    ${event.event}${facts} → ${kinds.join(', ') || '(no deadline)'}`);
      }
      for (const param of procedure.params) {
        lines.push(`    param ${param.name}=${param.default} (${param.min}..${param.max}, ${param.status}): ${param.description[lang]}`);
      }
    }
  }
  io.out(lines.join('\n'));
}

export const deadlinesCommand: CliCommand = {
  name: 'deadlines',
  summary: 'compute the deadlines an event starts, with explanations (--list shows what is known)',
  // Reads the rule packs alone: no case, no keys, so staff with a token may use it as it is.
  acceptsToken: true,
  async run(args, io, session) {
    const values = parseOptions(args, OPTIONS);
    if (values.help) {
      io.out(HELP);
      return EXIT_OK;
    }
    if (values.list) {
      printList(io, validateOptions(ListOptionsSchema, values));
      return EXIT_OK;
    }
    const options = validateOptions(ComputeOptionsSchema, values);
    const request: DeadlineRequest = {
      jurisdiction: options.jurisdiction,
      procedure: options.procedure,
      event: options.event,
      date: options.date,
      facts: keyValues('fact', options.fact),
      params: keyValues('param', options.param),
      allowCalendarFallback: options['allow-calendar-fallback'],
      suspensions: suspensions(options.suspension),
    };
    // Reminders as a case with the default policy would get them, moved to working days.
    const reminders = { offsetsDays: DEFAULT_REMINDER_POLICY.offsetsDays };
    // With DOCKET_RULES_DIR, the organisation's rule data as the engine has it installed; else the shipped data.
    const rulesDir = loadConfig(session.environment).rulesDir;
    const deadlines = rulesDir
      ? (await (await Rulebook.open({ dir: rulesDir })).installed()).engine.computeDeadlines(request, reminders)
      : computeDeadlines(request, reminders);
    if (options.json) io.out(JSON.stringify({ request, deadlines }, null, 2));
    else printDeadlines(io, request, deadlines, options.lang);
    return EXIT_OK;
  },
};

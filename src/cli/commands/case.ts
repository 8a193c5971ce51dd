import { caseFilterSchema, type CaseFilter } from '../../client/case-filter';
import { collect } from '../../client/collect';
import { parseInput } from '../../errors/parse-input';
import { caseTimeline } from '../../reports/timeline';
import type { CommandName } from '../../domain';
import type { CliCommand } from '../command';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { renderCase, renderList, renderSummary, renderTimeline } from './case-render';
import { parseCommandLine, withExitCodes } from './command-line';
import { openCliServices, usingServices, type OpenCliServices } from './services';

const HELP = `Usage: docket case <action> [arguments] [options]

Actions:
  open NUMBER --jurisdiction RU --procedure temporary-asylum --office OFFICE --caseworker STAFF [--pseudonym TEXT]
  show NUMBER [--explain] [--lang en|ru|both]
  record NUMBER EVENT [--on DATE] [event options]
  correct NUMBER --event ID --date DATE --reason TEXT
  close NUMBER --reason withdrawn|left-country|other-status --on DATE [--note TEXT]
  reassign NUMBER --caseworker STAFF [--office OFFICE] [--reason TEXT]
  list [--stage S[,S...]] [--office O] [--caseworker C] [--jurisdiction J] [--procedure P] [--kind K]
       [--due-within DAYS | --due-from DATE --due-before DATE] [--include-closed]
       [--sort recent|next-deadline] [--page-size N] [--page-token T | --all] [--count]
  timeline NUMBER

Events for 'record' (dates are YYYY-MM-DD, local to the jurisdiction):
  application-lodged --on DATE                      the first application
  protection-granted --on DATE [--valid-until DATE] a grant of protection
  refusal-notice-received --on DATE [--decided-on DATE]
  complaint-filed --on DATE --forum administrative|court
  refusal-upheld --on DATE                          the complaint failed (--on: notice received)
  refusal-overturned --on DATE
  new-application --on DATE [--note TEXT]           another application after a refusal
  renewal-filed --on DATE
  protection-extended --on DATE [--valid-until DATE]
  renewal-refusal-notice-received --on DATE
  reminder-acknowledged --reminder ID

Writes need the acting staff member: --as STAFF or DOCKET_ACTOR in the environment.
Every action takes --json for machine-readable output.
The CLI talks to Temporal directly (TEMPORAL_ADDRESS, default 127.0.0.1:7233) with the engine's encryption keys.

Exit codes: 0 done, 1 failure, 2 bad command line or input, 3 no such case, 4 refused by the case (or it exists already), 5 Temporal unreachable.`;

const OPTIONS = {
  jurisdiction: { type: 'string' },
  procedure: { type: 'string' },
  office: { type: 'string' },
  caseworker: { type: 'string' },
  pseudonym: { type: 'string' },
  on: { type: 'string' },
  'valid-until': { type: 'string' },
  'decided-on': { type: 'string' },
  forum: { type: 'string' },
  note: { type: 'string' },
  reminder: { type: 'string' },
  event: { type: 'string' },
  date: { type: 'string' },
  reason: { type: 'string' },
  stage: { type: 'string' },
  kind: { type: 'string' },
  'due-within': { type: 'string' },
  'due-from': { type: 'string' },
  'due-before': { type: 'string' },
  'include-closed': { type: 'boolean' },
  sort: { type: 'string' },
  'page-size': { type: 'string' },
  'page-token': { type: 'string' },
  all: { type: 'boolean' },
  count: { type: 'boolean' },
  explain: { type: 'boolean' },
  lang: { type: 'string' },
  as: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseCommandLine<typeof OPTIONS>>['values'];

/** Drops options that were not given, so optional fields are absent rather than undefined. */
function given(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** How each event staff can record maps onto the case's commands. */
const RECORDABLE_EVENTS: Record<string, { command: CommandName; input(values: Values): Record<string, unknown> }> = {
  'application-lodged': { command: 'recordApplicationLodged', input: (v) => ({ lodgedOn: v.on }) },
  'protection-granted': { command: 'recordDecision', input: (v) => ({ decision: 'grant', grantedOn: v.on, validUntil: v['valid-until'] }) },
  'refusal-notice-received': {
    command: 'recordDecision',
    input: (v) => ({ decision: 'refusal', noticeReceivedOn: v.on, decidedOn: v['decided-on'] }),
  },
  'complaint-filed': { command: 'recordComplaintFiled', input: (v) => ({ filedOn: v.on, forum: v.forum }) },
  'refusal-upheld': { command: 'recordComplaintOutcome', input: (v) => ({ outcome: 'refusal-upheld', on: v.on }) },
  'refusal-overturned': { command: 'recordComplaintOutcome', input: (v) => ({ outcome: 'refusal-overturned', on: v.on }) },
  'new-application': { command: 'recordNewApplication', input: (v) => ({ lodgedOn: v.on, changedCircumstances: v.note }) },
  'renewal-filed': { command: 'recordRenewalFiled', input: (v) => ({ filedOn: v.on }) },
  'protection-extended': {
    command: 'recordRenewalDecision',
    input: (v) => ({ decision: 'extended', decidedOn: v.on, validUntil: v['valid-until'] }),
  },
  'renewal-refusal-notice-received': { command: 'recordRenewalDecision', input: (v) => ({ decision: 'refused', noticeReceivedOn: v.on }) },
  'reminder-acknowledged': { command: 'acknowledgeReminder', input: (v) => ({ reminderId: v.reminder }) },
};

const DAY_MS = 86_400_000;

function actorOf(values: Values): string {
  const actor = values.as ?? process.env.DOCKET_ACTOR;
  if (!actor) throw new UsageError('say who is acting: --as <staff id>, or set DOCKET_ACTOR');
  return actor;
}

function caseNumberArgument(positionals: string[], action: string): string {
  const caseNumber = positionals[1];
  if (!caseNumber) throw new UsageError(`'case ${action}' needs the case number, e.g. docket case ${action} RU-TA-2016-0042`);
  return caseNumber;
}

function wholeNumber(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${option} must be a whole number, got "${text}"`);
  return Number(text);
}

/** A date means the start of that day in UTC. */
function instant(option: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new UsageError(`--${option} expects a date as YYYY-MM-DD, got "${text}"`);
  return `${text}T00:00:00Z`;
}

function filterOf(values: Values): CaseFilter {
  const within = wholeNumber('due-within', values['due-within']);
  if (within !== undefined && (values['due-from'] !== undefined || values['due-before'] !== undefined)) {
    throw new UsageError('give either --due-within or --due-from/--due-before, not both');
  }
  const now = Date.now();
  const filter = given({
    stages: values.stage?.split(',').map((stage) => stage.trim()),
    office: values.office,
    caseworker: values.caseworker,
    jurisdiction: values.jurisdiction,
    procedure: values.procedure,
    nextDeadlineKind: values.kind,
    nextDeadlineFrom: within !== undefined ? new Date(now).toISOString() : instant('due-from', values['due-from']),
    nextDeadlineBefore: within !== undefined ? new Date(now + within * DAY_MS).toISOString() : instant('due-before', values['due-before']),
    includeClosed: values['include-closed'],
  });
  return parseInput(caseFilterSchema, filter, 'case filter');
}

function languages(lang: string | undefined): Array<'en' | 'ru'> {
  if (lang === undefined || lang === 'en') return ['en'];
  if (lang === 'ru') return ['ru'];
  if (lang === 'both') return ['en', 'ru'];
  throw new UsageError(`--lang expects en, ru or both, got "${lang}"`);
}

export function createCaseCommand(openServices: OpenCliServices = openCliServices): CliCommand {
  return {
    name: 'case',
    summary: 'open, show, record, correct, close, reassign, list and trace cases',
    run: async (args, io) => {
      const { values, positionals } = parseCommandLine(args, OPTIONS);
      const action = positionals[0];
      if (values.help || action === undefined) {
        (values.help ? io.out : io.err)(HELP);
        if (values.help) return EXIT_OK;
        throw new UsageError('name an action: open, show, record, correct, close, reassign, list or timeline');
      }
      return withExitCodes(`case ${action}`, io, () => usingServices(openServices, async (services) => runAction(action, positionals, values, io, await services.cases())));
    },
  };
}

async function runAction(
  action: string,
  positionals: string[],
  values: Values,
  io: CliIo,
  cases: Awaited<ReturnType<Awaited<ReturnType<OpenCliServices>>['cases']>>,
): Promise<number> {
  const print = (json: unknown, human: () => string) => io.out(values.json ? JSON.stringify(json, null, 2) : human());
  switch (action) {
    case 'open': {
      const caseNumber = caseNumberArgument(positionals, action);
      const view = await cases.open(
        given({
          caseNumber,
          jurisdiction: values.jurisdiction,
          procedure: values.procedure,
          office: values.office,
          caseworker: values.caseworker,
          actor: actorOf(values),
          applicant: values.pseudonym !== undefined ? { pseudonym: values.pseudonym } : undefined,
        }),
      );
      print(view, () => `Opened case ${view.caseNumber}.\n\n${renderSummary(view)}`);
      return EXIT_OK;
    }
    case 'show': {
      const view = await cases.get(caseNumberArgument(positionals, action));
      print(view, () => renderCase(view, { explain: values.explain ?? false, languages: languages(values.lang) }));
      return EXIT_OK;
    }
    case 'record': {
      const caseNumber = caseNumberArgument(positionals, action);
      const event = positionals[2];
      const recordable = event === undefined ? undefined : RECORDABLE_EVENTS[event];
      if (!recordable) {
        throw new UsageError(`name the event to record, one of: ${Object.keys(RECORDABLE_EVENTS).join(', ')}`);
      }
      const summary = await cases.command(caseNumber, recordable.command, { ...given(recordable.input(values)), actor: actorOf(values) });
      print(summary, () => `Recorded ${event} in case ${caseNumber}.\n\n${renderSummary(summary)}`);
      return EXIT_OK;
    }
    case 'correct': {
      const caseNumber = caseNumberArgument(positionals, action);
      const summary = await cases.command(
        caseNumber,
        'correctEventDate',
        given({ eventId: wholeNumber('event', values.event), correctedDate: values.date, reason: values.reason, actor: actorOf(values) }),
      );
      print(summary, () => `Corrected event #${values.event} of case ${caseNumber}; its deadlines were recomputed.\n\n${renderSummary(summary)}`);
      return EXIT_OK;
    }
    case 'close': {
      const caseNumber = caseNumberArgument(positionals, action);
      const summary = await cases.command(caseNumber, 'closeCase', given({ reason: values.reason, closedOn: values.on, note: values.note, actor: actorOf(values) }));
      print(summary, () => `Closed case ${caseNumber}.\n\n${renderSummary(summary)}`);
      return EXIT_OK;
    }
    case 'reassign': {
      const caseNumber = caseNumberArgument(positionals, action);
      const summary = await cases.command(
        caseNumber,
        'reassign',
        given({ caseworker: values.caseworker, office: values.office, reason: values.reason, actor: actorOf(values) }),
      );
      print(summary, () => `Reassigned case ${caseNumber}.\n\n${renderSummary(summary)}`);
      return EXIT_OK;
    }
    case 'list': {
      const filter = filterOf(values);
      if (values.count) {
        const { stages, ...rest } = filter;
        const byStage = await cases.listing.countByStage(rest);
        const shown = Object.entries(byStage).filter(([stage, count]) => (stages ? stages.includes(stage as never) : count > 0));
        const total = shown.reduce((sum, [, count]) => sum + count, 0);
        print({ total, byStage }, () => [...shown.map(([stage, count]) => `${stage.padEnd(18)} ${count}`), `${'total'.padEnd(18)} ${total}`].join('\n'));
        return EXIT_OK;
      }
      const sort = values.sort ?? 'recent';
      if (sort !== 'recent' && sort !== 'next-deadline') throw new UsageError(`--sort expects recent or next-deadline, got "${sort}"`);
      if (sort === 'next-deadline' || values.all) {
        const all = sort === 'next-deadline' ? await cases.listing.byNextDeadline(filter) : await collect(cases.listing.scan(filter));
        print({ cases: all }, () => renderList(all));
        return EXIT_OK;
      }
      const pageSize = wholeNumber('page-size', values['page-size']);
      const page = await cases.listing.page(filter, given({ pageSize, pageToken: values['page-token'] }));
      print(page, () => renderList(page.cases));
      if (page.nextPageToken && !values.json) io.err(`More cases: add --page-token ${page.nextPageToken} (or --all).`);
      return EXIT_OK;
    }
    case 'timeline': {
      const caseNumber = caseNumberArgument(positionals, action);
      const entries = caseTimeline(await cases.get(caseNumber));
      print({ caseNumber, entries }, () => renderTimeline(entries));
      return EXIT_OK;
    }
    default:
      throw new UsageError(`unknown action "${action}"; known: open, show, record, correct, close, reassign, list, timeline`);
  }
}

export const caseCommand = createCaseCommand();

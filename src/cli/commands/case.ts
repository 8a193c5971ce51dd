import { caseFilterSchema, type CaseFilter } from '../../client/case-filter';
import { uncountableCommandDate } from '../../client/countable-date';
import { parseInput } from '../../errors/parse-input';
import { caseTimeline } from '../../reports/timeline';
import { CASE_RELATIONS, STAFF_COMMAND_INPUTS, STAGES, type CaseCommandName } from '../../domain';
import { InvalidInputError } from '../../errors/docket-errors';
import { describeIssues } from '../../errors/zod-issues';
import { lifecycleOf, listJurisdictions } from '../../rules';
import type { CliCommand, CliSession } from '../command';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { apiCasesFor } from './api-cases';
import { operatorCases, type DocketCases } from './case-access';
import { renderCase, renderList, renderSummary, renderTimeline } from './case-render';
import { parseCommandLine, withExitCodes } from './command-line';
import { FACT_FLAGS, factsFromFlags, RECORD_USAGE, recordHelp } from './record-event';
import { ruleParamsFromFlags } from './rule-param-flags';
import { openCliServices, usingServices, type OpenCliServices } from './services';

const HELP = `Usage: docket case <action> [arguments] [options]

Actions:
  open NUMBER --jurisdiction RU --procedure temporary-asylum --office OFFICE --caseworker STAFF [--pseudonym TEXT]
  show NUMBER [--explain] [--lang en|ru|both]
  record NUMBER EVENT --on DATE [fact flags]        any event of the case's procedure: see 'record NUMBER --help'
  correct NUMBER --event ID (--date DATE | --fact NAME=VALUE) --reason TEXT
  correct NUMBER --rule-param NAME=VALUE --reason TEXT   the case's rule parameters (NAME=default: the pack's)
  void NUMBER --event ID --reason TEXT              an event entered by mistake; its deadlines are re-derived
  stay NUMBER --from DATE --to DATE --reason TEXT    a stay or suspension: clocks that allow it stop
  waive NUMBER --deadline ID --reason TEXT          a right the applicant will not use: no more reminders
  override NUMBER --deadline ID --date DATE --reason TEXT
                                                    (supervisors) a date set by hand, e.g. by court order; the rule's stays beside it
  link NUMBER --with NUMBER --relation ${CASE_RELATIONS.join('|')} [--note TEXT]
  acknowledge NUMBER --reminder ID                  silences the later reminders of that deadline for you
  close NUMBER --reason withdrawn|left-country|other-status --on DATE [--note TEXT]
  reassign NUMBER --caseworker STAFF [--office OFFICE] [--reason TEXT]
  list [--stage S[,S...]] [--office O] [--caseworker C] [--jurisdiction J] [--procedure P] [--kind K]
       [--due-within DAYS | --due-from DATE --due-before DATE] [--include-closed]
       [--sort recent|next-deadline] [--page-size N] [--page-token T | --all] [--count]
  timeline NUMBER

As the operator, docket talks to Temporal directly (TEMPORAL_ADDRESS, default 127.0.0.1:7233) with the
engine's keys, and --as names the staff member you act for (or DOCKET_ACTOR): writes need it, the case
refuses anyone the staff directory does not let act on it, and the audit records your login on this
machine beside it. With docket --token TOKEN (or DOCKET_TOKEN), every action goes through the HTTP API
instead, as the token's staff member and within their role and office; --as is not used then.
Every action takes --json for machine-readable output.

Exit codes: 0 done, 1 failure, 2 bad command line or input, 3 no such case, 4 refused (by the case, by
the API's access rules, or it exists already), 5 Temporal or the API unreachable.`;

const OPTIONS = {
  jurisdiction: { type: 'string' },
  procedure: { type: 'string' },
  office: { type: 'string' },
  caseworker: { type: 'string' },
  pseudonym: { type: 'string' },
  on: { type: 'string' },
  fact: { type: 'string', multiple: true },
  'rule-param': { type: 'string', multiple: true },
  note: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  deadline: { type: 'string' },
  with: { type: 'string' },
  relation: { type: 'string' },
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

/** Each fact an event can carry is a flag of its own (`--valid-until`), besides `--fact NAME=VALUE`. */
const FACT_OPTIONS = Object.fromEntries(FACT_FLAGS.map((flag) => [flag, { type: 'string' as const }]));

type Values = ReturnType<typeof parseCommandLine<typeof OPTIONS>>['values'] & Record<string, string | undefined>;

/** Drops options that were not given, so optional fields are absent rather than undefined. */
function given(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

const DAY_MS = 86_400_000;

/** Each command field by the flag that gives it, so a refusal names what the person typed. */
const FLAG_OF_FIELD: Record<string, string> = {
  on: '--on',
  closedOn: '--on',
  correctedDate: '--date',
  dueDate: '--date',
  eventId: '--event',
  fact: '--fact',
  value: '--fact',
  facts: '--fact',
  ruleParams: '--rule-param',
  reason: '--reason',
  note: '--note',
  from: '--from',
  to: '--to',
  deadlineId: '--deadline',
  reminderId: '--reminder',
  caseNumber: '--with',
  relation: '--relation',
  caseworker: '--caseworker',
  office: '--office',
  actor: '--as',
  event: 'the event',
};

/** The fields of a case to open by the flag (or word) that gives each. */
const OPEN_FLAG_OF_FIELD: Record<string, string> = {
  caseNumber: 'NUMBER',
  jurisdiction: '--jurisdiction',
  procedure: '--procedure',
  office: '--office',
  caseworker: '--caseworker',
  actor: '--as',
};

/** Checks a command's input in the CLI's words before the case sees it, then sends it. */
async function sendCommand(cases: DocketCases, caseNumber: string, name: CaseCommandName, input: Record<string, unknown>) {
  const parsed = STAFF_COMMAND_INPUTS[name].safeParse(input);
  if (!parsed.success) {
    const nameOf = (path: readonly PropertyKey[]) => FLAG_OF_FIELD[String(path[0])] ?? path.map(String).join('.');
    throw new InvalidInputError(`Invalid ${name} input`, describeIssues(parsed.error.issues, { nameOf }));
  }
  const uncountable = uncountableCommandDate(caseNumber, name, input);
  if (uncountable) throw new InvalidInputError(`Invalid ${name} input`, [`${FLAG_OF_FIELD[uncountable.field] ?? uncountable.field}: ${uncountable.reason}`]);
  return cases.command(caseNumber, name, input);
}

const ACTIONS = ['open', 'show', 'record', 'correct', 'void', 'stay', 'waive', 'override', 'link', 'acknowledge', 'close', 'reassign', 'list', 'timeline'];

/** An option the action cannot do without, refused in the CLI's own words. */
function required(option: string, value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new UsageError(`--${option} is required: ${what}`);
  return value;
}

/** `record --help`: the events of that case's procedure, or of the procedure named, or of every procedure. */
async function showRecordHelp(caseNumber: string | undefined, values: Values, io: CliIo, cases: () => Promise<DocketCases>): Promise<number> {
  if (caseNumber !== undefined) {
    const current = await (await cases()).get(caseNumber);
    io.out(`${RECORD_USAGE}\n\nCase ${caseNumber} is ${current.stage}.\n${recordHelp(lifecycleOf(current.jurisdiction, current.procedure))}`);
    return EXIT_OK;
  }
  if (values.jurisdiction !== undefined && values.procedure !== undefined) {
    io.out(`${RECORD_USAGE}\n\n${recordHelp(lifecycleOf(values.jurisdiction, values.procedure))}`);
    return EXIT_OK;
  }
  const all = listJurisdictions().flatMap((jurisdiction) => jurisdiction.procedures.map((procedure) => recordHelp(lifecycleOf(jurisdiction.code, procedure))));
  io.out([RECORD_USAGE, ...all].join('\n\n'));
  return EXIT_OK;
}

function actorOf(values: Values, environment: NodeJS.ProcessEnv): string {
  const actor = values.as ?? environment.DOCKET_ACTOR;
  if (!actor) throw new UsageError('say who is acting: --as <staff id>, or set DOCKET_ACTOR');
  return actor;
}

/** Reaches the API with a staff member's token; the case command is given another in tests. */
export type ReachApi = (token: string, environment: NodeJS.ProcessEnv) => DocketCases;

/**
 * Runs an action on cases the way this invocation reaches them: through the API with a token, or as the
 * operator with the engine's keys (services opened and closed around the action).
 */
function withCases(session: CliSession, values: Values, openServices: OpenCliServices, reachApi: ReachApi) {
  return <T>(work: (cases: DocketCases) => Promise<T>): Promise<T> => {
    if (session.token !== undefined) {
      if (values.as !== undefined) throw new UsageError("--as is not used with a token: the API acts as the token's staff member");
      return work(reachApi(session.token, session.environment));
    }
    return usingServices(openServices, async (services) => work(operatorCases(await services.cases(), () => actorOf(values, session.environment))));
  };
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
  const stages = values.stage?.split(',').map((stage) => stage.trim());
  const unknownStage = stages?.find((stage) => !(STAGES as readonly string[]).includes(stage));
  if (unknownStage !== undefined) throw new UsageError(`--stage expects stages among ${STAGES.join(', ')}; got "${unknownStage}"`);
  const filter = given({
    stages,
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

export function createCaseCommand(openServices: OpenCliServices = openCliServices, reachApi: ReachApi = apiCasesFor): CliCommand {
  return {
    name: 'case',
    summary: 'open, show, record, correct, close, reassign, list and trace cases',
    acceptsToken: true,
    run: async (args, io, session) => {
      const parsed = parseCommandLine(args, { ...OPTIONS, ...FACT_OPTIONS });
      const values = parsed.values as Values;
      const { positionals } = parsed;
      const action = positionals[0];
      const usingCases = withCases(session, values, openServices, reachApi);
      if (values.help && action === 'record') {
        return withExitCodes('case record', io, () => usingCases((cases) => showRecordHelp(positionals[1], values, io, async () => cases)));
      }
      if (values.help || action === undefined) {
        (values.help ? io.out : io.err)(HELP);
        if (values.help) return EXIT_OK;
        throw new UsageError(`name an action: ${ACTIONS.join(', ')}`);
      }
      const flagOfField = action === 'open' ? OPEN_FLAG_OF_FIELD : FLAG_OF_FIELD;
      return withExitCodes(`case ${action}`, io, () => usingCases((cases) => runAction(action, positionals, values, io, cases)), flagOfField);
    },
  };
}

async function runAction(action: string, positionals: string[], values: Values, io: CliIo, cases: DocketCases): Promise<number> {
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
          actor: await cases.actor(),
          applicant: values.pseudonym !== undefined ? { pseudonym: values.pseudonym } : undefined,
        }),
      );
      // A retry of an opening that went through before (its answer lost) changes nothing, and says so.
      const done = view.alreadyOpened ? `Case ${view.caseNumber} was already open from this same opening; nothing changed.` : `Opened case ${view.caseNumber}.`;
      print(view, () => `${done}\n\n${renderSummary(view)}`);
      return EXIT_OK;
    }
    case 'show': {
      const view = await cases.get(caseNumberArgument(positionals, action));
      print(view, () => renderCase(view, { explain: values.explain ?? false, languages: languages(values.lang) }));
      return EXIT_OK;
    }
    case 'record': {
      const caseNumber = caseNumberArgument(positionals, action);
      const actor = await cases.actor();
      const current = await cases.get(caseNumber);
      const lifecycle = lifecycleOf(current.jurisdiction, current.procedure);
      const event = positionals[2];
      if (event === undefined) {
        throw new UsageError(`name the event to record; ${current.jurisdiction}/${current.procedure} knows ${lifecycle.events.map((entry) => entry.event).join(', ')}`);
      }
      const flags = Object.fromEntries(FACT_FLAGS.map((flag) => [flag, values[flag]]));
      const facts = factsFromFlags(lifecycle, current.stage, event, flags, values.fact);
      const on = required('on', values.on, 'the date it happened (for a notice, the day it was received)');
      const input = { actor, event, on, ...(Object.keys(facts).length > 0 ? { facts } : {}), ...given({ note: values.note }) };
      const summary = await sendCommand(cases, caseNumber, 'recordEvent', input);
      print(summary, () => `Recorded ${event} in case ${caseNumber}.\n\n${renderSummary(summary)}`);
      return EXIT_OK;
    }
    case 'correct': {
      const caseNumber = caseNumberArgument(positionals, action);
      if (values['rule-param'] !== undefined) {
        if (values.event !== undefined || values.date !== undefined || values.fact !== undefined) {
          throw new UsageError('--rule-param corrects the case itself: give it without --event, --date or --fact');
        }
        const reason = required('reason', values.reason, 'why they are corrected');
        const current = await cases.get(caseNumber);
        const ruleParams = ruleParamsFromFlags(lifecycleOf(current.jurisdiction, current.procedure), current.ruleParams, values['rule-param']);
        const summary = await sendCommand(cases, caseNumber, 'correctRuleParams', { ruleParams, reason, actor: await cases.actor() });
        print(summary, () => `Corrected the rule parameters of case ${caseNumber}; its deadlines were recomputed.\n\n${renderSummary(summary)}`);
        return EXIT_OK;
      }
      const eventId = wholeNumber('event', required('event', values.event, 'the number of the event to correct'));
      const reason = required('reason', values.reason, 'why it is corrected');
      if ((values.date === undefined) === (values.fact === undefined)) throw new UsageError('give either --date DATE or --fact NAME=VALUE');
      if (values.date !== undefined) {
        const summary = await sendCommand(cases, caseNumber, 'correctEventDate', { eventId, correctedDate: values.date, reason, actor: await cases.actor() });
        print(summary, () => `Corrected the date of event #${eventId} of case ${caseNumber}; its deadlines were recomputed.\n\n${renderSummary(summary)}`);
        return EXIT_OK;
      }
      const current = await cases.get(caseNumber);
      const target = current.events.find((event) => event.id === eventId);
      if (!target) throw new UsageError(`case ${caseNumber} has no event #${eventId}`);
      const corrected = factsFromFlags(lifecycleOf(current.jurisdiction, current.procedure), 'any', target.type, {}, values.fact);
      const [fact, value] = Object.entries(corrected)[0] ?? [];
      if (fact === undefined || value === undefined || Object.keys(corrected).length > 1) throw new UsageError('--fact corrects one fact at a time');
      const summary = await sendCommand(cases, caseNumber, 'correctFact', { eventId, fact, value, reason, actor: await cases.actor() });
      print(summary, () => `Corrected ${fact} of event #${eventId} of case ${caseNumber}; its deadlines were recomputed.\n\n${renderSummary(summary)}`);
      return EXIT_OK;
    }
    case 'void': {
      const caseNumber = caseNumberArgument(positionals, action);
      const eventId = wholeNumber('event', required('event', values.event, 'the number of the event entered by mistake'));
      const summary = await sendCommand(cases, caseNumber, 'voidEvent', { eventId, reason: required('reason', values.reason, 'why it is void'), actor: await cases.actor() });
      print(summary, () => `Voided event #${eventId} of case ${caseNumber}; what it started was re-derived.\n\n${renderSummary(summary)}`);
      return EXIT_OK;
    }
    case 'stay': {
      const caseNumber = caseNumberArgument(positionals, action);
      const input = {
        from: required('from', values.from, 'the first day of the stay'),
        to: required('to', values.to, 'the last day of the stay'),
        reason: required('reason', values.reason, 'what ordered the stay'),
        actor: await cases.actor(),
      };
      const summary = await sendCommand(cases, caseNumber, 'recordStay', input);
      print(summary, () => `Recorded the stay from ${input.from} to ${input.to} in case ${caseNumber}.\n\n${renderSummary(summary)}`);
      return EXIT_OK;
    }
    case 'waive': {
      const caseNumber = caseNumberArgument(positionals, action);
      const deadlineId = required('deadline', values.deadline, 'the deadline id shown by case show');
      const summary = await sendCommand(cases, caseNumber, 'waiveDeadline', { deadlineId, reason: required('reason', values.reason, 'why the right is not used'), actor: await cases.actor() });
      print(summary, () => `Waived deadline ${deadlineId} of case ${caseNumber}; it is no longer reminded.\n\n${renderSummary(summary)}`);
      return EXIT_OK;
    }
    case 'override': {
      const caseNumber = caseNumberArgument(positionals, action);
      const deadlineId = required('deadline', values.deadline, 'the deadline id shown by case show');
      const dueDate = required('date', values.date, 'the date in force, as YYYY-MM-DD');
      const summary = await sendCommand(cases, caseNumber, 'overrideDeadline', { deadlineId, dueDate, reason: required('reason', values.reason, 'why, e.g. the court order'), actor: await cases.actor() });
      print(summary, () => `Deadline ${deadlineId} of case ${caseNumber} is now due ${dueDate}, set by hand; recomputation keeps it.\n\n${renderSummary(summary)}`);
      return EXIT_OK;
    }
    case 'link': {
      const caseNumber = caseNumberArgument(positionals, action);
      const input = given({
        caseNumber: required('with', values.with, 'the related case number'),
        relation: required('relation', values.relation, CASE_RELATIONS.join(', ')),
        note: values.note,
        actor: await cases.actor(),
      });
      const summary = await sendCommand(cases, caseNumber, 'linkCase', input);
      print(summary, () => `Linked case ${caseNumber} to ${values.with}.\n\n${renderSummary(summary)}`);
      return EXIT_OK;
    }
    case 'acknowledge': {
      const caseNumber = caseNumberArgument(positionals, action);
      const reminderId = required('reminder', values.reminder, 'the reminder id from the message or case show');
      const summary = await sendCommand(cases, caseNumber, 'acknowledgeReminder', { reminderId, actor: await cases.actor() });
      print(summary, () => `Acknowledged reminder ${reminderId}; the later reminders of its deadline are silenced for you.\n\n${renderSummary(summary)}`);
      return EXIT_OK;
    }
    case 'close': {
      const caseNumber = caseNumberArgument(positionals, action);
      const summary = await sendCommand(cases, caseNumber, 'closeCase', given({ reason: values.reason, closedOn: values.on, note: values.note, actor: await cases.actor() }));
      print(summary, () => `Closed case ${caseNumber}.\n\n${renderSummary(summary)}`);
      return EXIT_OK;
    }
    case 'reassign': {
      const caseNumber = caseNumberArgument(positionals, action);
      const summary = await sendCommand(cases, 
        caseNumber,
        'reassign',
        given({ caseworker: values.caseworker, office: values.office, reason: values.reason, actor: await cases.actor() }),
      );
      print(summary, () => `Reassigned case ${caseNumber}.\n\n${renderSummary(summary)}`);
      return EXIT_OK;
    }
    case 'list': {
      const filter = filterOf(values);
      if (values.count) {
        const { stages, ...rest } = filter;
        const byStage = await cases.countByStage(rest);
        const shown = Object.entries(byStage).filter(([stage, count]) => (stages ? stages.includes(stage as never) : count > 0));
        const total = shown.reduce((sum, [, count]) => sum + count, 0);
        print({ total, byStage }, () => [...shown.map(([stage, count]) => `${stage.padEnd(18)} ${count}`), `${'total'.padEnd(18)} ${total}`].join('\n'));
        return EXIT_OK;
      }
      const sort = values.sort ?? 'recent';
      if (sort !== 'recent' && sort !== 'next-deadline') throw new UsageError(`--sort expects recent or next-deadline, got "${sort}"`);
      if (sort === 'next-deadline' || values.all) {
        const all = sort === 'next-deadline' ? await cases.byNextDeadline(filter) : await cases.all(filter);
        print({ cases: all }, () => renderList(all));
        return EXIT_OK;
      }
      const pageSize = wholeNumber('page-size', values['page-size']);
      const page = await cases.page(filter, given({ pageSize, pageToken: values['page-token'] }));
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
      throw new UsageError(`unknown action "${action}"; known: ${ACTIONS.join(', ')}`);
  }
}

export const caseCommand = createCaseCommand();

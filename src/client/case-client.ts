import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type SearchAttributePair } from '@temporalio/common';
import {
  caseIndexValues,
  caseNumberSchema,
  STAFF_COMMAND_INPUTS,
  openCase,
  openCaseInputSchema,
  type CaseSummary,
  type CaseView,
  type CommandInput,
  type CaseCommandName,
  type OpenCaseInput,
} from '../domain';
import { CASE_WORKFLOW_TYPE, caseUpdates, caseWorkflowId, getCase, indexApplicant, type CaseWorkflowInput } from '../workflows/messages';
import { caseSearchAttributes } from '../workflows/search-attribute-values';
import type { AuditEntry, AuditSink } from '../access/audit-entry';
import type { ApplicantIndex } from '../codec/applicant-index';
import type { StaffRoster } from '../access/staff-roster';
import { requireAssignableCaseworker } from './assignable-caseworker';
import { CaseReader } from './case-reader';
import { retriedOpeningConflict } from './retried-opening';
import { uncountableCommandDate } from './countable-date';
import { DocketError, ForbiddenError, InvalidInputError } from '../errors/docket-errors';
import { parseInput } from '../errors/parse-input';
import { translateTemporalError } from './temporal-errors';
import { commands, type CommandOutcome } from '../metrics';

/** A case as an opening answers it: `alreadyOpened` when this was the same caller's opening again. */
export type OpenedCase = CaseView & { alreadyOpened: boolean };

export interface CaseClientOptions {
  client: Client;
  namespace: string;
  taskQueue: string;
  audit: AuditSink;
  /** Which interface this facade serves, for the audit trail. */
  via: AuditEntry['via'];
  /** Who may be given a case (see requireAssignableCaseworker). */
  staff: StaffRoster;
  /** Keys the pseudonyms of the cases it opens, and of the searches for them. */
  applicantIndex: ApplicantIndex;
}

/**
 * The one way every interface (CLI, HTTP API, dashboard, calendar feeds) talks to cases: opens them,
 * sends staff commands as Temporal updates, and reads them as a CaseReader does. Every write is audited
 * with its actor, whether it was accepted or refused.
 */
export class CaseClient extends CaseReader {
  constructor(private readonly options: CaseClientOptions) {
    super(options.client, options.namespace);
  }

  /** Opens a case; the same caller retrying the same opening (its first answer lost) gets the case, marked alreadyOpened. */
  async open(raw: unknown): Promise<OpenedCase> {
    return this.counted('open', () => this.openChecked(raw));
  }

  private async openChecked(raw: unknown): Promise<OpenedCase> {
    const input = parseInput(openCaseInputSchema, raw, 'case to open');
    const detail = { jurisdiction: input.jurisdiction, procedure: input.procedure, office: input.office };
    const write = async (): Promise<OpenedCase> => {
      await requireAssignableCaseworker(this.options.staff, input, 'case to open');
      const applicantIndex = input.applicant ? this.applicantIndexOf(input.applicant.pseudonym) : undefined;
      const workflowInput: CaseWorkflowInput = { open: input, ...(applicantIndex ? { applicantIndex } : {}) };
      try {
        const handle = await this.options.client.workflow.start(CASE_WORKFLOW_TYPE, {
          taskQueue: this.options.taskQueue,
          workflowId: caseWorkflowId(input.caseNumber),
          args: [workflowInput],
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          // Indexed from the first moment, so a case just opened is already listed under its office and caseworker.
          typedSearchAttributes: caseSearchAttributes(initialIndexValues(input, applicantIndex)).filter(
            (pair): pair is SearchAttributePair => pair.value !== null,
          ),
        });
        return { ...(await handle.query(getCase)), alreadyOpened: false };
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        return { ...(await this.openedBefore(input)), alreadyOpened: true };
      }
    };
    return this.audited(input.actor, 'case.open', input.caseNumber, detail, write, (opened) => ({ alreadyOpened: opened.alreadyOpened }));
  }

  /** The blind index value a search for this pseudonym looks up: the one its case was opened with. */
  applicantIndexOf(pseudonym: string): string {
    return this.options.applicantIndex.of(pseudonym);
  }

  /** The case an opening met: the caller's own if this is their opening again, else a conflict. */
  private async openedBefore(input: OpenCaseInput): Promise<CaseView> {
    const existing = await this.get(input.caseNumber);
    const conflict = retriedOpeningConflict(existing, input);
    if (conflict) throw conflict;
    return existing;
  }

  /** Sends one of today's commands; the legacy update names exist for replay only and are refused here. */
  async command<N extends CaseCommandName>(caseNumber: string, name: N, raw: unknown): Promise<CaseSummary> {
    // An unknown name is no command at all, and counting it would let a caller invent label values.
    if (!Object.hasOwn(STAFF_COMMAND_INPUTS, name)) {
      throw new InvalidInputError(`Unknown command "${String(name)}"; known: ${Object.keys(STAFF_COMMAND_INPUTS).join(', ')}`);
    }
    return this.counted(name, () => this.commandChecked(caseNumber, name, raw));
  }

  private async commandChecked<N extends CaseCommandName>(caseNumber: string, name: N, raw: unknown): Promise<CaseSummary> {
    const number = parseInput(caseNumberSchema, caseNumber, 'case number');
    const input = parseInput(STAFF_COMMAND_INPUTS[name], raw, `${name} input`) as CommandInput<N>;
    const uncountable = uncountableCommandDate(number, name, input);
    if (uncountable) throw new InvalidInputError(`Invalid ${name} input`, [`${uncountable.field}: ${uncountable.reason}`]);
    return this.audited(input.actor, `case.${name}`, number, {}, async () => {
      if (name === 'reassign') await this.requireReassignable(number, input as CommandInput<'reassign'>);
      if (name === 'migrateRules') await this.requireSupervisor(input.actor, 'migrate a case to the installed rule data');
      if (name === 'overrideDeadline') await this.requireSupervisor(input.actor, 'set a deadline by hand');
      return this.options.client.workflow.getHandle(caseWorkflowId(number)).executeUpdate(caseUpdates[name], { args: [input] });
    });
  }

  /**
   * Gives an open case the blind index of its applicant's pseudonym under the current key, read from
   * the case itself: `indexed` when it changed, `unchanged` when it already had it, `no-applicant` for a
   * case opened without one. Audited like every write; the pseudonym goes nowhere but into the HMAC.
   */
  async indexApplicant(caseNumber: string, actor: string): Promise<'indexed' | 'unchanged' | 'no-applicant'> {
    return this.counted('indexApplicant', async () => {
      const number = parseInput(caseNumberSchema, caseNumber, 'case number');
      return this.audited(actor, 'case.indexApplicant', number, {}, async () => {
        const { applicant } = await this.get(number);
        if (applicant === undefined) return 'no-applicant';
        const handle = this.options.client.workflow.getHandle(caseWorkflowId(number));
        return (await handle.executeUpdate(indexApplicant, { args: [this.applicantIndexOf(applicant.pseudonym)] })) ? 'indexed' : 'unchanged';
      }, (outcome) => ({ outcome }));
    });
  }

  /**
   * Counts a command by its name and how it ended, refusals before it reached the case (its input) included:
   * a refusal by the kind of error it was, never by its message, which can quote what the caller typed.
   */
  private async counted<T>(command: string, body: () => Promise<T>): Promise<T> {
    try {
      const result = await body();
      commands.inc({ command, outcome: 'accepted' });
      return result;
    } catch (error) {
      const refused = error instanceof DocketError && error.kind !== 'unavailable';
      const outcome: CommandOutcome = refused ? 'refused' : 'failed';
      commands.inc({ command, outcome, reason: error instanceof DocketError ? error.kind : 'error' });
      throw error;
    }
  }

  /** Supervisors decide for the office, so some commands are theirs alone, whichever interface sends them. */
  private async requireSupervisor(actor: string, what: string): Promise<void> {
    const member = await this.options.staff.get(actor);
    if (member?.active && member.role === 'supervisor') return;
    throw new ForbiddenError(`Only an active supervisor may ${what}; "${actor}" is ${member ? (member.active ? `a ${member.role}` : 'deactivated') : 'not in the staff directory'}.`);
  }

  /** A reassignment without an office keeps the case's own, so the case is located first. */
  private async requireReassignable(caseNumber: string, input: CommandInput<'reassign'>): Promise<void> {
    const office = input.office ?? (await this.locate(caseNumber)).office;
    await requireAssignableCaseworker(this.options.staff, { caseworker: input.caseworker, office }, 'reassignment');
  }

  private async audited<T>(
    actor: string,
    action: string,
    target: string,
    detail: Record<string, unknown>,
    write: () => Promise<T>,
    resultDetail: (result: T) => Record<string, unknown> = () => ({}),
  ): Promise<T> {
    const entry = { actor, via: this.options.via, action, target };
    let result: T;
    try {
      result = await write();
    } catch (raw) {
      const error = translateTemporalError(raw, target);
      const outcome = error instanceof DocketError && error.kind !== 'unavailable' ? 'rejected' : 'failed';
      // A refusal's message can quote what the caller typed (a reminder id, a value): the audit keeps only which kind of refusal it was.
      await this.options.audit.record({ ...entry, outcome, detail: { ...detail, reason: error instanceof DocketError ? error.kind : 'error' } });
      throw error;
    }
    await this.options.audit.record({ ...entry, outcome: 'ok', detail: { ...detail, ...resultDetail(result) } });
    return result;
  }
}

/** The index values of a case that has just been opened, worked out by the same domain code the workflow runs. */
function initialIndexValues(input: OpenCaseInput, applicantIndex: string | undefined) {
  const nowMs = Date.now();
  return caseIndexValues(openCase(input, nowMs, applicantIndex), nowMs);
}

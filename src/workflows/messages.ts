import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import {
  caseIdOf,
  caseNumberSchema,
  COMMAND_INPUTS,
  type CaseState,
  type CaseSummary,
  type CaseView,
  type CommandInput,
  type CommandName,
  type OpenCaseInput,
} from '../domain';

/**
 * The case workflow's messages, for the client facade, API and CLI to import.
 * Every staff command is an update of the same name whose input is checked (zod and state machine)
 * before it is accepted; each answers with the new case summary.
 */
export const COMMAND_NAMES = Object.keys(COMMAND_INPUTS) as CommandName[];

export type CaseUpdates = { [N in CommandName]: UpdateDefinition<CaseSummary, [CommandInput<N>], N> };

export const caseUpdates = Object.fromEntries(COMMAND_NAMES.map((name) => [name, defineUpdate(name)])) as CaseUpdates;

/**
 * Gives an open case its applicant's blind index, computed by the client (which holds the key): the
 * backfill of cases opened before the index, and the re-index after its key is replaced. Answers
 * whether the index changed. Not a staff command: it records no event and no deadline moves.
 */
export const indexApplicant = defineUpdate<boolean, [string]>('indexApplicant');

/** The whole case: stage, attempt, events with actor and time, deadlines with status and explanation, reminders, escalations. */
export const getCase = defineQuery<CaseView>('getCase');

/**
 * How a case workflow starts: opened by staff (with the applicant's blind index, which only the client
 * can compute, holding the key), or continued from an earlier run with its state.
 */
export type CaseWorkflowInput = { open: OpenCaseInput; applicantIndex?: string } | { continued: CaseState };

/** The workflow ID of a case: from its case number, never from anything personal. */
export function caseWorkflowId(caseNumber: string): string {
  return caseIdOf(caseNumberSchema.parse(caseNumber));
}

export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

/** The failure type of a staff command refused because the staff directory does not let its actor act on the case. */
export const ACTOR_REFUSED = 'ActorRefused';

/**
 * The deadline engine: pure functions over rule packs and calendars, validated once at module load.
 * No Temporal, no I/O; results are plain data that can be stored in workflow history.
 */
import { createDeadlineEngine } from './engine';
import { renderExplanation } from './explain/render';
import { BUILT_IN_JURISDICTIONS } from './jurisdictions';

const engine = createDeadlineEngine(BUILT_IN_JURISDICTIONS);

export const computeDeadlines = engine.computeDeadlines;
export const listJurisdictions = engine.listJurisdictions;
export const listProcedures = engine.listProcedures;
export const listEvents = engine.listEvents;
export const dayAt = engine.dayAt;
export const lifecycleOf = engine.lifecycleOf;
export const uncountableDateReason = engine.uncountableDateReason;
export { renderExplanation };
export { RulesError, type RulesErrorCode } from './errors';
export { createDeadlineEngine, type DeadlineEngine, type JurisdictionDay, type JurisdictionDefinition } from './engine';
export type { EventSummary, FactSummary, JurisdictionSummary, ParamSummary, ProcedureSummary } from './catalog';
export type { Lang, LocalizedText } from './localized-text';
export type { EventFact, LifecycleEvent, ProcedureLifecycle } from './lifecycle/load-lifecycle';
export type { Transition } from './lifecycle/schema';
export { CLOSED_STAGE, OPENING_STAGE, STAGES, type Stage } from './lifecycle/stages';
export * from './types';

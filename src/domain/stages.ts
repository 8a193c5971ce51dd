/**
 * Where a case stands: the stage vocabulary is shared by every procedure and lives with the lifecycle
 * tables in the rules (src/rules/lifecycle/stages.ts); which stage follows which event is in each table.
 */
export { CLOSED_STAGE, OPENING_STAGE, STAGES, type Stage } from '../rules/lifecycle/stages';

export const COMPLAINT_FORUMS = ['administrative', 'court'] as const;
export type ComplaintForum = (typeof COMPLAINT_FORUMS)[number];

export const CLOSURE_REASONS = ['withdrawn', 'left-country', 'other-status'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

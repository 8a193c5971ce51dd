/** Decisions in the procedure, and what the engine concluded when a deadline passed unmet. */
export const OUTCOMES = ['grant', 'refusal', 'extension', 'closure', 'missed', 'lapsed', 'authority-overdue'] as const;
export type Outcome = (typeof OUTCOMES)[number];

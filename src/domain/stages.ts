/**
 * Where a case stands. Every stage is reached by a recorded event (or, for `lapsed`,
 * by the engine when protection expires unrenewed); the allowed moves are in transitions.ts.
 */
export const STAGES = [
  /** The case is open; no application has been lodged yet. */
  'opened',
  /** An application is lodged and its decision period runs. */
  'lodged',
  /** A refusal was overturned on complaint or appeal; the authority must decide again. */
  'awaiting-decision',
  /** A refusal notice was received: the complaint window is open and a new application is possible. */
  'refused',
  /** A complaint (administrative) or appeal (court) against a refusal awaits its outcome. */
  'complaint-pending',
  /** Protection (temporary asylum) was granted and runs until a stated date. */
  'granted',
  /** An application to extend protection was filed and awaits decision. */
  'renewal-filed',
  /** Protection was extended for a further period. */
  'extended',
  /** The extension was refused: a complaint window is open and a new application is possible. */
  'renewal-refused',
  /** Protection expired without an extension. */
  'lapsed',
  /** A complaint was finally refused: the departure period runs; a court appeal or a new application is still possible. */
  'departure-period',
  /** The case is closed: withdrawn, the person left the country, or obtained another status. */
  'closed',
] as const;
export type Stage = (typeof STAGES)[number];

/** Stages in which the person holds protection, so a protection expiry that passes makes the case lapse. */
export const PROTECTED_STAGES: readonly Stage[] = ['granted', 'renewal-filed', 'extended'];

export const COMPLAINT_FORUMS = ['administrative', 'court'] as const;
export type ComplaintForum = (typeof COMPLAINT_FORUMS)[number];

export const CLOSURE_REASONS = ['withdrawn', 'left-country', 'other-status'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/**
 * Where a case can stand, in every procedure: one word per situation, shared by the lifecycle tables,
 * search attributes, filters and the desk. Each procedure's table uses the stages that exist in it.
 */
export const STAGES = [
  /** The case is open; no application has been lodged yet (in the US, the last arrival may be recorded). */
  'opened',
  /** An application is lodged and its decision period runs. */
  'lodged',
  /** The application is considered on the merits under a certificate with its own end date (RU refugee status). */
  'under-consideration',
  /** A refusal was overturned on complaint or appeal; the authority must decide again. */
  'awaiting-decision',
  /** A refusal was received: the complaint or appeal window is open and, where the law allows, a new application. */
  'refused',
  /** A complaint (administrative) or appeal (court, tribunal, board) against a refusal awaits its outcome. */
  'complaint-pending',
  /** Protection was granted; where it runs until a stated date, that date is tracked. */
  'granted',
  /** An application to extend protection was filed and awaits decision. */
  'renewal-filed',
  /** Protection was extended for a further period. */
  'extended',
  /** The extension was refused: a complaint window is open and a new application is possible. */
  'renewal-refused',
  /** Protection was lost or withdrawn by a decision that can be challenged like a refusal. */
  'protection-withdrawn',
  /** Protection expired without an extension. */
  'lapsed',
  /** A complaint was finally refused: the departure period runs; a court challenge or a new application may still be possible. */
  'departure-period',
  /** The remedy in this procedure was finally refused and the procedure sets no departure clock of its own. */
  'finally-refused',
  /** The case is closed: withdrawn, the person left the country, or obtained another status. */
  'closed',
] as const;
export type Stage = (typeof STAGES)[number];

/** The stage every case starts in and the one `closeCase` leads to, in every procedure. */
export const OPENING_STAGE: Stage = 'opened';
export const CLOSED_STAGE: Stage = 'closed';

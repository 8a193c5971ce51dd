/** Why the engine refused a request or a piece of its own data. */
export type RulesErrorCode =
  | 'invalid-request'
  | 'unknown-jurisdiction'
  | 'unknown-procedure'
  | 'unknown-event'
  | 'unknown-fact'
  | 'unknown-param'
  | 'outside-calendar'
  | 'invalid-pack'
  | 'invalid-calendar';

/** Codes caused by the caller's input (as opposed to broken built-in data). */
const INPUT_CODES: ReadonlySet<RulesErrorCode> = new Set([
  'invalid-request',
  'unknown-jurisdiction',
  'unknown-procedure',
  'unknown-event',
  'unknown-fact',
  'unknown-param',
  'outside-calendar',
]);

/**
 * The one error the deadline engine throws on purpose. Its `name` is stable so that a Temporal activity failure
 * can be recognised (and made non-retryable) by type: a bad request does not get better by retrying.
 */
export class RulesError extends Error {
  override readonly name = 'RulesError';

  constructor(
    readonly code: RulesErrorCode,
    /** What is wrong, without the path. */
    readonly reason: string,
    /** Where in the input or data the problem is, e.g. `rules.3.period.unit`. */
    readonly path?: string,
  ) {
    super(path ? `${reason} (at ${path})` : reason);
  }

  /** True when the caller's input is at fault; false when the engine's own data is. */
  get isInputError(): boolean {
    return INPUT_CODES.has(this.code);
  }
}

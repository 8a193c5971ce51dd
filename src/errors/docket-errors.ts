/**
 * The errors every interface understands. The CLI turns them into exit codes and the HTTP API into
 * status codes, so a person always learns what was wrong, whichever door they came through.
 */
export abstract class DocketError extends Error {
  abstract readonly kind: 'invalid-input' | 'not-found' | 'conflict' | 'rejected' | 'forbidden' | 'unavailable';
}

/** The request itself is malformed; nothing was changed. */
export class InvalidInputError extends DocketError {
  override name = 'InvalidInputError';
  readonly kind = 'invalid-input';
  constructor(
    /** What was being read, e.g. "Invalid case to open"; `message` adds the problems. */
    readonly summary: string,
    readonly problems: string[] = [],
  ) {
    super(problems.length > 0 ? `${summary}: ${problems.join('; ')}` : summary);
  }
}

export class NotFoundError extends DocketError {
  override name = 'NotFoundError';
  readonly kind = 'not-found';
}

/** The thing exists already (a case number opened twice). */
export class ConflictError extends DocketError {
  override name = 'ConflictError';
  readonly kind = 'conflict';
}

/** The case refused the command (a transition its stage does not allow); nothing was changed. */
export class CommandRejectedError extends DocketError {
  override name = 'CommandRejectedError';
  readonly kind = 'rejected';
}

export class ForbiddenError extends DocketError {
  override name = 'ForbiddenError';
  readonly kind = 'forbidden';
}

/** Temporal or the database cannot be reached; retrying later may succeed. */
export class UnavailableError extends DocketError {
  override name = 'UnavailableError';
  readonly kind = 'unavailable';
}

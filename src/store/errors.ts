/** A write was refused because of what the caller sent; retrying the same write cannot succeed. */
export class RegisterInputError extends Error {
  override name = 'RegisterInputError';
}

/** The idempotency key was used before for different content: a caller bug, never a retry. */
export class IdempotencyConflictError extends RegisterInputError {
  override name = 'IdempotencyConflictError';
  constructor(
    readonly table: string,
    readonly idempotencyKey: string,
  ) {
    super(
      `Idempotency key "${idempotencyKey}" was already used in ${table} for different content; ` +
        'a retry must send exactly the same write, and a new write needs a new key.',
    );
  }
}

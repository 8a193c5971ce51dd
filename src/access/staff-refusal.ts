import { ConflictError, InvalidInputError, NotFoundError } from '../errors/docket-errors';
import { RegisterInputError, StaffExistsError, StaffNotFoundError } from '../store';

/**
 * The staff directory refuses in the register's own error types; the API and the CLI answer in the
 * shared vocabulary: an unknown member is not found, a taken id a conflict, anything else bad input.
 */
export async function inDocketTerms<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StaffNotFoundError) throw new NotFoundError(error.message);
    if (error instanceof StaffExistsError) throw new ConflictError(error.message);
    if (error instanceof RegisterInputError) throw new InvalidInputError(error.message);
    throw error;
  }
}

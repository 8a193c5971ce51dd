import { ApplicationFailure } from '@temporalio/activity';
import { DeliveryError } from '../notify';
import { RulesError } from '../rules';
import { RegisterInputError, StaffNotFoundError } from '../store';

/** Failure types the workflow can match on `ActivityFailure.cause.type`. */
export const FAILURE_TYPES = {
  invalidInput: 'InvalidActivityInput',
  rules: 'RulesError',
  rulesData: 'RulesDataError',
  permanentDelivery: 'PermanentDeliveryFailure',
  transientDelivery: 'TransientDeliveryFailure',
  noRecipient: 'NoRecipient',
} as const;

/**
 * What Temporal should do with an error: a caller's mistake or a permanent delivery failure does not
 * get better by retrying; an outage does. Anything unrecognised (a database hiccup) stays retryable.
 */
export function toActivityFailure(error: unknown): unknown {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof RulesError) {
    return error.isInputError
      ? ApplicationFailure.nonRetryable(error.message, FAILURE_TYPES.rules, { code: error.code, path: error.path })
      : ApplicationFailure.retryable(error.message, FAILURE_TYPES.rulesData, { code: error.code, path: error.path });
  }
  if (error instanceof StaffNotFoundError) return ApplicationFailure.nonRetryable(error.message, FAILURE_TYPES.noRecipient);
  if (error instanceof RegisterInputError) return ApplicationFailure.nonRetryable(error.message, FAILURE_TYPES.invalidInput);
  if (error instanceof DeliveryError) {
    return error.permanent
      ? ApplicationFailure.nonRetryable(error.message, FAILURE_TYPES.permanentDelivery, { channel: error.channel })
      : ApplicationFailure.retryable(error.message, FAILURE_TYPES.transientDelivery, { channel: error.channel });
  }
  return error;
}

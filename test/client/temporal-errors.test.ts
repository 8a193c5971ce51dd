import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { errorResponse } from '../../src/api/http/error-response';
import { translateTemporalError } from '../../src/client/temporal-errors';
import { CommandRejectedError, ForbiddenError } from '../../src/errors/docket-errors';
import { ACTOR_REFUSED } from '../../src/workflows/messages';

/**
 * A case refuses a command for one of two reasons: the command does not fit the case (rejected: 422,
 * exit 4), or the staff directory does not let its actor act on the case (forbidden: 403, exit 4). The
 * refusal names the case and says why, whichever door the command came through.
 */
describe('a refused update in the interfaces’ vocabulary', () => {
  const refusedBy = (failure: ApplicationFailure) => translateTemporalError(new WorkflowUpdateFailedError('Workflow Update failed', failure), 'RU-TA-2016-0042');

  it('is forbidden, 403 through the API, when the staff directory refused its actor', () => {
    const reason = 'actor "nobody-real" is not in the staff directory: only its active staff may act on a case';
    const error = refusedBy(ApplicationFailure.nonRetryable(reason, ACTOR_REFUSED));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(errorResponse(error)).toEqual({
      status: 403,
      body: { error: 'forbidden', message: `Case RU-TA-2016-0042 refused the command: ${reason}` },
    });
  });

  it('stays rejected, 422 through the API, when the command does not fit the case', () => {
    const error = refusedBy(ApplicationFailure.nonRetryable('cannot record renewal filed while the case is refused', 'CommandRejected'));
    expect(error).toBeInstanceOf(CommandRejectedError);
    expect(errorResponse(error).status).toBe(422);
  });
});

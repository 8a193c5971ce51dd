import { ActivityFailure, ApplicationFailure, proxyLocalActivities } from '@temporalio/workflow';
import type { ActorConfirmation, CaseActivities } from '../activities/types';
import { ACTOR_REFUSED } from './messages';

/** One read of the staff directory: quick and local, so a local activity, retried a few times within a few seconds. */
const { confirmActor } = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', maximumAttempts: 3 },
});

/**
 * Anyone who reaches the Temporal frontend can send a case an update naming any actor, and a validator
 * cannot read the staff directory. So the update handler asks it, before the case changes, and throws
 * the refusal for the caller: the case applies a staff command only from an actor the directory lets
 * act on a case of this office.
 */
export async function requireStaffActor(actor: string, office: string): Promise<void> {
  let confirmation: ActorConfirmation;
  try {
    confirmation = await confirmActor({ actor, office });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    const cause = error.cause?.message ?? error.message;
    throw ApplicationFailure.nonRetryable(`the staff directory could not confirm actor "${actor}" (${cause}); nothing was changed, try again`, 'ActorUnconfirmed');
  }
  if (!confirmation.confirmed) throw ApplicationFailure.nonRetryable(confirmation.refusal, ACTOR_REFUSED);
}

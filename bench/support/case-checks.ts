import type { CaseView } from '../../src/domain';
import { mapLimit } from '../../src/client/map-limit';
import type { BenchStack } from './stack';

/**
 * The cases that still fail `check` at `deadlineMs` (or cannot be read): each is queried again until it
 * passes, since a case records a delivery a moment after the register does.
 */
export async function casesFailing(
  stack: BenchStack,
  caseNumbers: readonly string[],
  check: (view: CaseView) => boolean,
  deadlineMs: number,
): Promise<string[]> {
  let pending = [...caseNumbers];
  for (;;) {
    const verdicts = await mapLimit(pending, 8, async (caseNumber) => {
      const view = await stack.cases.get(caseNumber).catch(() => undefined);
      return view !== undefined && check(view);
    });
    pending = pending.filter((_, index) => !verdicts[index]);
    if (pending.length === 0 || Date.now() > deadlineMs) return pending;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** One reminder, recorded as delivered. */
export function showsOneDeliveredReminder(view: CaseView): boolean {
  return view.reminders.length === 1 && view.reminders[0]?.delivery !== undefined;
}

import type { CaseView, DeadlineView } from '../domain';

/**
 * The two dates a case's header shows. The case's own `nextDeadline` (its search attribute too) leaves
 * out informational periods on purpose: nobody is escalated for them and the listing's "next deadline"
 * is what someone must act on. So a case whose only running period is informational (a court period
 * the authority's decision may be challenged in, say) had no next deadline and showed "—", as if
 * nothing ran. Such a period is shown beside it, for information, instead of being lost.
 */
export interface NextDates {
  /** The earliest open deadline someone must act on. */
  forAction?: DeadlineView;
  /** The earliest open period shown for information only. */
  forInformation?: DeadlineView;
}

function earliest(deadlines: DeadlineView[]): DeadlineView | undefined {
  return [...deadlines].sort((a, b) => Date.parse(a.deadline.endsAt) - Date.parse(b.deadline.endsAt))[0];
}

export function nextDates(view: CaseView): NextDates {
  const open = view.deadlines.filter((item) => item.status === 'open');
  const forAction = earliest(open.filter((item) => !item.deadline.informational));
  const forInformation = earliest(open.filter((item) => item.deadline.informational));
  return { ...(forAction ? { forAction } : {}), ...(forInformation ? { forInformation } : {}) };
}

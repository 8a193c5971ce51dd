import type { CaseView, DeadlineView } from '../domain';
import type { ComputedDeadline, LocalDate } from '../rules/types';
import type { CaseReader } from '../client/case-reader';
import type { CaseFilter } from '../client/case-filter';
import type { CaseListItem } from '../client/case-listing';
import type { EscalatedCases } from '../store/escalated-cases';
import { mapLimit } from '../client/map-limit';

const DAY_MS = 86_400_000;

export interface ReportScope {
  office?: string;
  caseworker?: string;
}

export interface MissedDeadline {
  caseNumber: string;
  office: string;
  caseworker: string;
  stage: CaseView['stage'];
  deadlineId: string;
  kind: string;
  title: ComputedDeadline['title'];
  owner: ComputedDeadline['owner'];
  dueDate: LocalDate;
  endsAt: string;
}

/** Cases whose next deadline ends within `days` from `now`, earliest first. */
export function upcomingDeadlines(cases: CaseReader, scope: ReportScope, now: Date, days: number): Promise<CaseListItem[]> {
  const filter: CaseFilter = {
    ...scope,
    nextDeadlineFrom: now.toISOString(),
    nextDeadlineBefore: new Date(now.getTime() + days * DAY_MS).toISOString(),
  };
  return cases.listing.byNextDeadline(filter);
}

/**
 * Deadlines that ended unmet within the last `days`, or were escalated within them, in cases that are
 * still open. The register says which cases were escalated; each case's own state says which of its
 * deadlines are still missed (a corrected date can turn a missed deadline into a met one). A deadline
 * entered late (a complaint period that ended in 2016, recorded today) ended long before the window,
 * but its escalation is recent: counting only by the end left it out, and the overview said "0 missed"
 * beside a case showing it missed.
 */
export async function missedDeadlines(
  cases: CaseReader,
  escalated: EscalatedCases,
  scope: ReportScope,
  now: Date,
  days: number,
): Promise<MissedDeadline[]> {
  const windowStart = now.getTime() - days * DAY_MS;
  const candidates = await escalated.since(new Date(windowStart).toISOString());
  const views = await mapLimit(candidates, 8, (caseNumber) => cases.get(caseNumber));
  return views
    .filter((view) => view.stage !== 'closed' && inScope(view, scope))
    .flatMap((view) =>
      view.deadlines
        .filter((deadline) => deadline.status === 'missed' && (Date.parse(deadline.deadline.endsAt) >= windowStart || escalatedSince(view, deadline, windowStart)))
        .map((deadline) => toMissed(view, deadline)),
    )
    .sort((a, b) => a.endsAt.localeCompare(b.endsAt) || a.caseNumber.localeCompare(b.caseNumber));
}

function escalatedSince(view: CaseView, deadline: DeadlineView, windowStart: number): boolean {
  return view.escalations.some((escalation) => escalation.deadlineId === deadline.id && Date.parse(escalation.at) >= windowStart);
}

function inScope(view: CaseView, scope: ReportScope): boolean {
  return (scope.office === undefined || view.office === scope.office) && (scope.caseworker === undefined || view.caseworker === scope.caseworker);
}

function toMissed(view: CaseView, deadline: DeadlineView): MissedDeadline {
  return {
    caseNumber: view.caseNumber,
    office: view.office,
    caseworker: view.caseworker,
    stage: view.stage,
    deadlineId: deadline.id,
    kind: deadline.deadline.kind,
    title: deadline.deadline.title,
    owner: deadline.deadline.owner,
    dueDate: deadline.deadline.dueDate,
    endsAt: deadline.deadline.endsAt,
  };
}

import type { Stage } from '../domain';
import type { CaseReader } from '../client/case-reader';
import type { CaseListItem } from '../client/case-listing';
import { collect } from '../client/collect';
import { missedDeadlines, upcomingDeadlines, type MissedDeadline, type ReportScope } from './deadline-report';
import type { EscalatedCases } from '../store/escalated-cases';

export const OVERVIEW_HORIZON_DAYS = 90;
export const MISSED_LOOKBACK_DAYS = 90;
const DAY_MS = 86_400_000;

export interface CaseworkerLoad {
  caseworker: string;
  office: string;
  openCases: number;
  dueWithin30Days: number;
  missed: number;
}

/** What a supervisor's dashboard shows, for every office or one. */
export interface Overview {
  generatedAt: string;
  scope: ReportScope;
  byStage: Record<Stage, number>;
  openCases: number;
  /** Each open case's next deadline within the horizon, earliest first. */
  upcoming: CaseListItem[];
  horizonDays: number;
  dueWithin7Days: number;
  dueWithin30Days: number;
  missed: MissedDeadline[];
  missedLookbackDays: number;
  workload: CaseworkerLoad[];
}

export async function buildOverview(cases: CaseReader, escalated: EscalatedCases, scope: ReportScope, now: Date): Promise<Overview> {
  const [byStage, upcoming, missed, open] = await Promise.all([
    cases.listing.countByStage({ ...scope, includeClosed: true }),
    upcomingDeadlines(cases, scope, now, OVERVIEW_HORIZON_DAYS),
    missedDeadlines(cases, escalated, scope, now, MISSED_LOOKBACK_DAYS),
    collect(cases.listing.scan({ ...scope })),
  ]);
  const dueWithin = (days: number) => upcoming.filter((item) => Date.parse(item.nextDeadline?.endsAt ?? '') < now.getTime() + days * DAY_MS);
  const due30 = dueWithin(30);

  const loads = new Map<string, CaseworkerLoad>();
  const loadOf = (caseworker: string, office: string) => {
    const key = `${office}/${caseworker}`;
    let load = loads.get(key);
    if (!load) loads.set(key, (load = { caseworker, office, openCases: 0, dueWithin30Days: 0, missed: 0 }));
    return load;
  };
  for (const item of open) loadOf(item.caseworker, item.office).openCases += 1;
  for (const item of due30) loadOf(item.caseworker, item.office).dueWithin30Days += 1;
  for (const item of missed) loadOf(item.caseworker, item.office).missed += 1;

  return {
    generatedAt: now.toISOString(),
    scope,
    byStage,
    openCases: open.length,
    upcoming,
    horizonDays: OVERVIEW_HORIZON_DAYS,
    dueWithin7Days: dueWithin(7).length,
    dueWithin30Days: due30.length,
    missed,
    missedLookbackDays: MISSED_LOOKBACK_DAYS,
    workload: [...loads.values()].sort((a, b) => b.openCases - a.openCases || a.caseworker.localeCompare(b.caseworker)),
  };
}

import type { CaseReader } from '../client/case-reader';
import type { CaseListItem } from '../client/case-listing';
import { missedDeadlines, upcomingDeadlines, type MissedDeadline } from '../reports/deadline-report';
import type { EscalatedCases } from '../store/escalated-cases';

export const DIGEST_UPCOMING_DAYS = 7;
export const DIGEST_MISSED_LOOKBACK_DAYS = 90;

/** What a supervisor reads each working morning about their office. */
export interface Digest {
  office: string;
  generatedAt: string;
  upcomingDays: number;
  upcoming: CaseListItem[];
  missedLookbackDays: number;
  missed: MissedDeadline[];
}

export async function buildDigest(cases: CaseReader, escalated: EscalatedCases, office: string, now: Date): Promise<Digest> {
  const [upcoming, missed] = await Promise.all([
    upcomingDeadlines(cases, { office }, now, DIGEST_UPCOMING_DAYS),
    missedDeadlines(cases, escalated, { office }, now, DIGEST_MISSED_LOOKBACK_DAYS),
  ]);
  return {
    office,
    generatedAt: now.toISOString(),
    upcomingDays: DIGEST_UPCOMING_DAYS,
    upcoming,
    missedLookbackDays: DIGEST_MISSED_LOOKBACK_DAYS,
    missed,
  };
}

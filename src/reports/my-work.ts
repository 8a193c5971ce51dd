import { DateTime } from 'luxon';
import type { CaseView, DeadlineView } from '../domain';
import type { CaseReader } from '../client/case-reader';
import { collect } from '../client/collect';
import { mapLimit } from '../client/map-limit';
import type { ComputedDeadline, LocalDate } from '../rules/types';
import { nextDates, type NextDates } from './next-dates';

export const PROTECTION_ENDING_DAYS = 60;
export const THIS_WEEK_DAYS = 7;

export interface MyCase extends NextDates {
  caseNumber: string;
  stage: CaseView['stage'];
  protectedUntil?: LocalDate;
}

export interface MyDeadline {
  caseNumber: string;
  title: ComputedDeadline['title'];
  owner: ComputedDeadline['owner'];
  dueDate: LocalDate;
  /** Whole days from today (in the deadline's own zone) to its due date: 0 on the day, negative once missed. */
  daysLeft: number;
}

export interface MyReminder {
  caseNumber: string;
  reminderId: string;
  title?: ComputedDeadline['title'];
  dueDate: LocalDate;
  daysBefore: number;
  sentOn: LocalDate;
}

/** A caseworker's day: what "My work" shows. Case numbers, stages, titles and dates; never an applicant's details. */
export interface MyWork {
  generatedAt: string;
  cases: MyCase[];
  overdue: MyDeadline[];
  dueToday: MyDeadline[];
  dueThisWeek: MyDeadline[];
  unacknowledgedReminders: MyReminder[];
  protectionEnding: (MyCase & { protectedUntil: LocalDate; daysLeft: number })[];
}

function daysFromToday(dueDate: LocalDate, zone: string, now: Date): number {
  const today = DateTime.fromJSDate(now).setZone(zone).startOf('day');
  return Math.round(DateTime.fromISO(dueDate, { zone }).diff(today, 'days').days);
}

function myDeadline(view: CaseView, item: DeadlineView, now: Date): MyDeadline {
  const { deadline } = item;
  return { caseNumber: view.caseNumber, title: deadline.title, owner: deadline.owner, dueDate: deadline.dueDate, daysLeft: daysFromToday(deadline.dueDate, deadline.zone, now) };
}

const byDueDate = (a: { dueDate: string; caseNumber: string }, b: { dueDate: string; caseNumber: string }) =>
  a.dueDate.localeCompare(b.dueDate) || a.caseNumber.localeCompare(b.caseNumber);

/** Whose work: one caseworker's cases, within the office the caller's permissions allow (a caseworker's own). */
export interface MyWorkScope {
  caseworker: string;
  office?: string;
}

/**
 * One caseworker's open cases, read through the same listing and case reads as the API; the caller
 * settles who may see them, as the API's routes do. Every deadline someone must act on counts, the
 * applicant's as well as the authority's: the caseworker chases both.
 */
export async function buildMyWork(cases: CaseReader, scope: MyWorkScope, now: Date): Promise<MyWork> {
  const listed = await collect(cases.listing.scan(scope));
  const views = await mapLimit(listed, 8, (item) => cases.get(item.caseNumber));
  const actionable = views.flatMap((view) =>
    view.deadlines.filter((item) => !item.deadline.informational && (item.status === 'open' || item.status === 'missed')).map((item) => ({ view, item })),
  );
  const mine = (missed: boolean, keep: (daysLeft: number) => boolean) =>
    actionable
      .filter(({ item }) => (item.status === 'missed') === missed)
      .map(({ view, item }) => myDeadline(view, item, now))
      .filter((deadline) => keep(deadline.daysLeft))
      .sort(byDueDate);
  const myCases = views
    .map((view): MyCase => ({ caseNumber: view.caseNumber, stage: view.stage, ...(view.protectedUntil ? { protectedUntil: view.protectedUntil } : {}), ...nextDates(view) }))
    .sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
  const protectionEnding = views.flatMap((view) => {
    const expiry = view.deadlines.find((item) => item.deadline.dueDate === view.protectedUntil && item.status === 'open');
    if (!view.protectedUntil || !expiry) return [];
    const daysLeft = daysFromToday(view.protectedUntil, expiry.deadline.zone, now);
    const listedCase = myCases.find((item) => item.caseNumber === view.caseNumber);
    return listedCase && daysLeft >= 0 && daysLeft <= PROTECTION_ENDING_DAYS ? [{ ...listedCase, protectedUntil: view.protectedUntil, daysLeft }] : [];
  });
  return {
    generatedAt: now.toISOString(),
    cases: myCases,
    overdue: mine(true, () => true),
    dueToday: mine(false, (daysLeft) => daysLeft === 0),
    dueThisWeek: mine(false, (daysLeft) => daysLeft >= 1 && daysLeft <= THIS_WEEK_DAYS),
    unacknowledgedReminders: views
      .flatMap((view) =>
        view.reminders.flatMap((reminder): MyReminder[] => {
          if (!reminder.delivery || reminder.acknowledged) return [];
          const title = view.deadlines.find((item) => item.id === reminder.deadlineId)?.deadline.title;
          return [{ caseNumber: view.caseNumber, reminderId: reminder.id, ...(title ? { title } : {}), dueDate: reminder.dueDate, daysBefore: reminder.daysBefore, sentOn: reminder.delivery.deliveredAt.slice(0, 10) }];
        }),
      )
      .sort(byDueDate),
    protectionEnding: protectionEnding.sort((a, b) => a.daysLeft - b.daysLeft),
  };
}

import type { z } from 'zod';

export type ZodIssue = z.core.$ZodIssue;

export interface IssueWording {
  /** How a field's path reads to the person who gave the input (a CLI flag, a form field, a variable). */
  nameOf?: (path: readonly PropertyKey[]) => string;
  /** What to call the input as a whole when the issue has no path. */
  whole?: string;
}

const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * One problem with an input as one line, "field: what is wrong". Every boundary words zod's findings
 * through here, so a person reads the same shape of message whichever door the input came through.
 */
export function describeIssue(issue: ZodIssue, wording: IssueWording = {}): string {
  if (issue.path.length === 0) return wording.whole === undefined ? issue.message : `${wording.whole}: ${issue.message}`;
  return `${(wording.nameOf ?? dotted)(issue.path)}: ${issue.message}`;
}

export function describeIssues(issues: readonly ZodIssue[], wording: IssueWording = { whole: '(input)' }): string[] {
  return issues.map((issue) => describeIssue(issue, wording));
}

import type { StaffRoster } from '../access/staff-roster';
import { InvalidInputError } from '../errors/docket-errors';

/**
 * A case's reminders go to its caseworker, so a case may only be given to someone who will get them:
 * an active caseworker of the case's office. Refused before anything is written, naming the field.
 */
export async function requireAssignableCaseworker(staff: StaffRoster, assignment: { caseworker: string; office: string }, what: string): Promise<void> {
  const { caseworker, office } = assignment;
  const member = await staff.get(caseworker);
  const problem = !member
    ? `no staff member "${caseworker}" in the staff directory: add them first (docket staff add)`
    : !member.active
      ? `"${caseworker}" is deactivated: choose an active caseworker`
      : member.role !== 'caseworker'
        ? `"${caseworker}" is a ${member.role}, not a caseworker: cases are assigned to caseworkers, who receive their reminders`
        : member.office !== office
          ? `"${caseworker}" works for office "${member.office}", not "${office}"`
          : undefined;
  if (problem) throw new InvalidInputError(`Invalid ${what}`, [`caseworker: ${problem}`]);
}

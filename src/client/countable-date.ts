import type { CaseCommandName } from '../domain';
import { RulesError, uncountableDateReason } from '../rules';

/** The field of each command whose date the rules count deadlines from. */
const COUNTED_DATE_FIELD: Partial<Record<CaseCommandName, 'on' | 'correctedDate'>> = { recordEvent: 'on', correctEventDate: 'correctedDate' };

/**
 * Why no deadline of the case could be counted from the date a command gives, and in which field; nothing
 * when one can. The workflow cannot ask, since it never reads the calendars: without this a lodging dated
 * 0000-01-01 was accepted with no deadline and no warning. The case number starts with the jurisdiction's
 * code (checked at the opening), so the case need not be looked up.
 */
export function uncountableCommandDate(caseNumber: string, name: CaseCommandName, input: Record<string, unknown>): { field: string; reason: string } | undefined {
  const field = COUNTED_DATE_FIELD[name];
  const date = field === undefined ? undefined : input[field];
  if (field === undefined || typeof date !== 'string') return undefined;
  try {
    const reason = uncountableDateReason(caseNumber.slice(0, 2), date);
    return reason === undefined ? undefined : { field, reason };
  } catch (error) {
    // No case is numbered in a jurisdiction the engine does not know: looking the case up says so.
    if (error instanceof RulesError && error.code === 'unknown-jurisdiction') return undefined;
    throw error;
  }
}

import { InvalidInputError } from '../errors/docket-errors';
import { dayAt, RulesError, type JurisdictionDay } from '../rules';

export interface OfficeDay extends JurisdictionDay {
  /** Offices work on ordinary working days and on weekend days made working by decree. */
  working: boolean;
}

/**
 * Whether offices work on the day an instant falls on, by the jurisdiction's production calendar. Outside
 * the calendar's years the flagged fallback decides: a digest is a convenience, and skipping one for want
 * of next year's decree would be worse than a rare extra one.
 */
export function officeDay(jurisdiction: string, at: Date): OfficeDay {
  try {
    const day = dayAt(jurisdiction, at);
    return { ...day, working: day.kind === 'working' || day.kind === 'working-weekend' };
  } catch (error) {
    if (error instanceof RulesError) throw new InvalidInputError(error.message);
    throw error;
  }
}

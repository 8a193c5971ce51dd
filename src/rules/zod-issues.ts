import type { z } from 'zod';
import { RulesError, type RulesErrorCode } from './errors';

/** Turns the first zod issue into a RulesError that names the offending field by its path. */
export function rulesErrorFromZod(code: RulesErrorCode, what: string, error: z.ZodError, pathPrefix = ''): RulesError {
  const issue = error.issues[0];
  if (!issue) return new RulesError(code, `${what} is invalid`);
  const path = [pathPrefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : '';
  return new RulesError(code, `${what}: ${issue.message}${more}`, path || undefined);
}
